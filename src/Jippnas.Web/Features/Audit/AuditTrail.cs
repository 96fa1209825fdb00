using System.Security.Claims;
using System.Text.Json;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jippnas.Web.Features.Audit;

/// <summary>
/// Writes the audit log: every row EF adds, changes or removes (an <see cref="SaveChangesInterceptor"/>, in the
/// same save as the change, or right after it for rows whose keys the database makes), and the sign-in events the
/// account pages report. Who and from where come from the request; without one (command line, background jobs)
/// the actor is "sistem". Secrets (password hashes, security stamps, authenticator keys, recovery codes) are
/// never written. Bulk writes outside EF (an import's rows, the search index) are recorded by their job instead.
/// </summary>
public sealed class AuditTrail(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Properties whose values the log never holds.
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal) { "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Value", "Payload" };

    // Rows a save adds, per context, until the save has their keys; and the transaction opened so that their log
    // lines commit with them when the caller opened none.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, Pending> added = [];

    private sealed record Pending(List<EntityEntry> Rows, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? Transaction);

    /// <summary>Records a sign-in event (or any event that is not a row written through EF).</summary>
    public async Task RecordAsync(JippnasDb db, string action, string entity, string? entityId, int? userId, string? actor, object? after, CancellationToken cancellationToken)
    {
        var (who, ip, agent) = Caller();
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), UserId = userId ?? who.UserId, Actor = actor ?? who.Actor, Action = action, Entity = entity, EntityId = entityId,
            Ip = ip, UserAgent = agent, After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is JippnasDb db && Collect(db) is { } inserted)
        {
            // The inserted rows' lines are written by a second save once the keys are known; without the caller's
            // transaction both saves share one, so a row is never stored without its line.
            added.Add(db, new Pending(inserted, db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null));
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is JippnasDb db && Collect(db) is { } inserted)
        {
            added.Add(db, new Pending(inserted, db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null));
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is JippnasDb db && added.TryGetValue(db, out var pending))
        {
            added.Remove(db);
            await using var transaction = pending.Transaction;
            LogInserts(db, pending.Rows);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is JippnasDb db && added.TryGetValue(db, out var pending))
        {
            added.Remove(db);
            using var transaction = pending.Transaction;
            LogInserts(db, pending.Rows);
            db.SaveChanges();
            transaction?.Commit();
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context && added.TryGetValue(context, out var pending))
        {
            added.Remove(context);
            pending.Transaction?.Dispose();
        }
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && added.TryGetValue(context, out var pending))
        {
            added.Remove(context);
            if (pending.Transaction is { } transaction)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private void LogInserts(JippnasDb db, List<EntityEntry> rows)
    {
        var (who, ip, agent) = Caller();
        foreach (var row in rows)
        {
            db.AuditLog.Add(Entry(row, "insert", who, ip, agent, before: null, after: Values(row, current: true)));
        }
    }

    // Logs the updates and deletes in this save; returns the inserted rows, whose lines wait for their keys.
    private List<EntityEntry>? Collect(JippnasDb db)
    {
        var entries = db.ChangeTracker.Entries().Where(e => e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var (who, ip, agent) = Caller();
        var inserted = new List<EntityEntry>();
        foreach (var entry in entries)
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    // The key may be the database's to make: written once the save has it.
                    inserted.Add(entry);
                    break;
                case EntityState.Modified:
                    var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal);
                    if (changed.Count > 0)
                    {
                        db.AuditLog.Add(Entry(entry, "update", who, ip, agent, Values(entry, current: false, changed), Values(entry, current: true, changed)));
                    }

                    break;
                default:
                    db.AuditLog.Add(Entry(entry, "delete", who, ip, agent, Values(entry, current: false), after: null));
                    break;
            }
        }

        added.Remove(db);
        return inserted.Count > 0 ? inserted : null;
    }

    private AuditEntry Entry(EntityEntry entry, string action, (int? UserId, string Actor) who, string? ip, string? agent, string? before, string? after) => new()
    {
        At = clock.GetUtcNow(),
        UserId = who.UserId,
        Actor = who.Actor,
        Action = action,
        Entity = entry.Metadata.GetTableName() ?? entry.Metadata.ShortName(),
        EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()?.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)) ?? []),
        Ip = ip,
        UserAgent = agent,
        Before = before,
        After = after,
    };

    private static string Values(EntityEntry entry, bool current, HashSet<string>? only = null)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (only is not null && !only.Contains(name))
            {
                continue;
            }

            values[name] = Secret.Contains(name) ? "(rahasia)" : current ? property.CurrentValue : property.OriginalValue;
        }

        return JsonSerializer.Serialize(values, Json);
    }

    private ((int? UserId, string Actor) Who, string? Ip, string? Agent) Caller()
    {
        var context = http.HttpContext;
        if (context is null)
        {
            return ((null, "sistem"), null, null);
        }

        var user = context.User;
        int? id = int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var actor = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.Name) ?? $"#{id}" : "anonim";
        var agent = context.Request.Headers.UserAgent.ToString();
        return ((id, actor), context.Connection.RemoteIpAddress?.ToString(), agent.Length > 300 ? agent[..300] : agent);
    }
}
