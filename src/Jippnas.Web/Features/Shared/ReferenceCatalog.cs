using System.Collections.Frozen;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Shared;

/// <summary>An immutable snapshot of the small reference lists every page names things from.</summary>
public sealed record ReferenceSnapshot(
    FrozenDictionary<string, Region> Regions,
    FrozenDictionary<int, Sector> Sectors,
    FrozenDictionary<string, Sector> SectorsByCode,
    FrozenDictionary<int, Sdg> Sdgs,
    FrozenDictionary<int, AwardKind> AwardKinds,
    FrozenDictionary<int, SourceSystem> SourceSystems,
    FrozenDictionary<string, HubSummary> HubsByProvince) // active hubs only
{
    public IEnumerable<Region> Provinces => Regions.Values.Where(r => r.Level == RegionLevel.Province).OrderBy(r => r.Code, StringComparer.Ordinal);

    public IEnumerable<Region> ChildrenOf(string provinceCode) =>
        Regions.Values.Where(r => r.ParentCode == provinceCode).OrderBy(r => r.Code, StringComparer.Ordinal);

    public string RegionName(string? code) => code is not null && Regions.TryGetValue(code, out var region) ? region.Name : "—";

    /// <summary>Award kind by id; a kind added after this snapshot was taken shows as a placeholder, not an error.</summary>
    public AwardKind AwardKind(int id) =>
        AwardKinds.TryGetValue(id, out var kind) ? kind : new AwardKind { Id = id, Code = $"#{id}", NameId = $"Penghargaan #{id}", NameEn = $"Award #{id}" };

    public SourceSystem SourceSystem(int id) =>
        SourceSystems.TryGetValue(id, out var source) ? source : new SourceSystem { Id = id, Code = $"#{id}", NameId = $"Sumber #{id}", NameEn = $"Source #{id}" };
}

public sealed record HubSummary(int Id, string Name, string? ProvinceCode, int FirstYear, string? DecreeNumber, string? DecreeTitle);

/// <summary>
/// Keeps the reference snapshot in memory and reloads it after a short time, so lists an administrator
/// extends show up on every instance within a minute without a query per page.
/// </summary>
public sealed class ReferenceCatalog(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim reloading = new(1, 1);
    private Loaded? current;

    public async ValueTask<ReferenceSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var cached = Volatile.Read(ref current);
        if (cached is not null && clock.GetUtcNow() - cached.At < Lifetime)
        {
            return cached.Snapshot;
        }

        // Stale: one caller reloads while the others go on with the old snapshot; only the very first load waits.
        if (cached is not null && !await reloading.WaitAsync(0, cancellationToken))
        {
            return cached.Snapshot;
        }

        if (cached is null)
        {
            await reloading.WaitAsync(cancellationToken);
        }

        try
        {
            var again = Volatile.Read(ref current);
            if (again is not null && clock.GetUtcNow() - again.At < Lifetime)
            {
                return again.Snapshot;
            }

            var snapshot = await LoadAsync(cancellationToken);
            Volatile.Write(ref current, new Loaded(snapshot, clock.GetUtcNow()));
            return snapshot;
        }
        finally
        {
            reloading.Release();
        }
    }

    public void Dispose() => reloading.Dispose();

    /// <summary>Forget the snapshot, e.g. after an administrator changes a list.</summary>
    public void Invalidate() => Volatile.Write(ref current, null);

    private sealed record Loaded(ReferenceSnapshot Snapshot, DateTimeOffset At);

    private async Task<ReferenceSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JippnasDb>();
        var regions = await db.Regions.ToListAsync(cancellationToken);
        var sectors = await db.Sectors.OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
        // Only active hubs count as "a hub" on the pages; candidates and former hubs are on the hub list.
        var hubs = await db.Hubs
            .Where(h => h.Status == HubStatus.Active)
            .Select(h => new
            {
                h.Id,
                h.Name,
                h.ProvinceCode,
                First = h.Designations.OrderBy(d => d.Year).Select(d => new { d.Year, d.DecreeNumber, d.DecreeTitle }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new ReferenceSnapshot(
            regions.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal),
            sectors.ToFrozenDictionary(s => s.Id),
            sectors.ToFrozenDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase),
            (await db.Sdgs.OrderBy(s => s.SortOrder).ToListAsync(cancellationToken)).ToFrozenDictionary(s => s.Id),
            (await db.AwardKinds.OrderBy(s => s.SortOrder).ToListAsync(cancellationToken)).ToFrozenDictionary(s => s.Id),
            (await db.SourceSystems.OrderBy(s => s.SortOrder).ToListAsync(cancellationToken)).ToFrozenDictionary(s => s.Id),
            hubs.Where(h => h.ProvinceCode is not null)
                .ToFrozenDictionary(
                    h => h.ProvinceCode!,
                    h => new HubSummary(h.Id, h.Name, h.ProvinceCode, h.First?.Year ?? 0, h.First?.DecreeNumber, h.First?.DecreeTitle),
                    StringComparer.Ordinal));
    }
}

public static class ReferenceCatalogRegistration
{
    public static IServiceCollection AddReferenceCatalog(this IServiceCollection services) =>
        services.AddSingleton<ReferenceCatalog>();
}
