using System.Globalization;
using System.Text.Json;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Replication;

/// <summary>What a form sends for one activity of an action plan (all text, as typed).</summary>
public sealed record ItemInput(string? Activity, string? Unit, string? StartsOn, string? EndsOn, string? Output, string? Amount, string? Source, string? FiscalYear, string? Status, string? Evidence)
{
    public bool IsBlank => new[] { Activity, Unit, StartsOn, EndsOn, Output, Amount, Source, FiscalYear, Evidence }.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// A replication's action plan (rencana aksi) on the database: saved whole with the version it was read at; when
/// someone saved it meanwhile nothing is written and the person is told what changed, activity by activity and
/// field by field, against the plan as their form read it (carried in the form). Reviewers comment on it.
/// </summary>
public sealed class ActionPlanDesk(JippnasDb db, TimeProvider clock)
{
    public static readonly IReadOnlyList<(string Slug, BudgetSource Source, string Name)> Sources =
    [
        ("apbd", BudgetSource.Apbd, "APBD"), ("apbn", BudgetSource.Apbn, "APBN"), ("did", BudgetSource.Did, "DID (Dana Insentif Daerah)"),
        ("dana-desa", BudgetSource.DanaDesa, "Dana Desa"), ("donor", BudgetSource.Donor, "Donor"), ("lainnya", BudgetSource.Other, "Lainnya"),
    ];

    public static readonly IReadOnlyList<(string Slug, ActionItemStatus Status, string Name)> Statuses =
    [
        ("rencana", ActionItemStatus.Planned, "Direncanakan"), ("berjalan", ActionItemStatus.InProgress, "Berjalan"),
        ("selesai", ActionItemStatus.Done, "Selesai"), ("batal", ActionItemStatus.Cancelled, "Batal"),
    ];

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private int ThisYear => clock.JakartaNow().Year;

    /// <summary>The plan of a replication with its activities in order and its comments, or null before one is saved.</summary>
    public Task<ActionPlan?> PlanAsync(int replicationId, CancellationToken cancellationToken) =>
        db.ActionPlans.Include(p => p.Items.OrderBy(i => i.Ordinal)).Include(p => p.Comments.OrderBy(c => c.Id))
            .AsSplitQuery().FirstOrDefaultAsync(p => p.ReplicationId == replicationId, cancellationToken);

    /// <summary>The activities as a form reads them, to be sent back with it (see <see cref="SaveAsync"/>).</summary>
    public static string Snapshot(ActionPlan? plan) =>
        JsonSerializer.Serialize(plan?.Items.OrderBy(i => i.Ordinal).Select(AsInput).ToList() ?? [], Json);

    /// <summary>One stored activity as the form shows it.</summary>
    public static ItemInput AsInput(ActionItem i) => new(
        i.Activity, i.Unit, Iso(i.StartsOn), Iso(i.EndsOn), i.Output,
        i.Amount?.ToString("#,0.##", Formats.Indonesian), Sources.FirstOrDefault(s => s.Source == i.Source).Slug,
        i.FiscalYear?.ToString(CultureInfo.InvariantCulture), Statuses.First(s => s.Status == i.Status).Slug, i.Evidence);

    /// <summary>
    /// Saves the plan's activities (blank rows left out) over the version <paramref name="readVersion"/> the form read
    /// (0 for none); <paramref name="readSnapshot"/> is what it read, to tell what someone else changed meanwhile.
    /// </summary>
    public async Task<HubOutcome> SaveAsync(int replicationId, int readVersion, string? readSnapshot, IReadOnlyList<ItemInput> inputs, int userId, CancellationToken cancellationToken)
    {
        var replication = await db.Replications.FirstOrDefaultAsync(r => r.Id == replicationId, cancellationToken);
        if (replication is null || ReplicationStages.IsEnded(replication.Stage))
        {
            return HubOutcome.Refused("", replication is null ? "Replikasi ini tidak ditemukan." : "Replikasi ini sudah berakhir; rencana aksinya tidak diubah lagi.");
        }

        var plan = await db.ActionPlans.AsTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.ReplicationId == replicationId, cancellationToken);
        if ((plan?.Version ?? 0) != readVersion)
        {
            return plan is null
                ? HubOutcome.Refused("", "Rencana aksi ini tidak ditemukan; buka lagi halamannya.")
                : new HubOutcome(null, Changes(readSnapshot, plan));
        }

        var problems = new List<(string Field, string Message)>();
        var rows = inputs.Select((input, i) => (input, number: i + 1)).Where(r => !r.input.IsBlank).ToList();
        if (rows.Count > ActionItem.MaxItems)
        {
            problems.Add(("", $"Rencana aksi: paling banyak {ActionItem.MaxItems} kegiatan."));
        }

        var items = new List<ActionItem>();
        foreach (var (input, number) in rows)
        {
            if (Check(input, number, problems) is { } item)
            {
                items.Add(item);
            }
        }

        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        var now = clock.GetUtcNow();
        if (plan is null)
        {
            plan = new ActionPlan { ReplicationId = replicationId, Version = 0 };
            db.ActionPlans.Add(plan);
        }

        // Activities are kept by their position: the n-th row updates the n-th activity, extra ones are added or removed.
        var stored = plan.Items.OrderBy(i => i.Ordinal).ToList();
        for (var i = 0; i < Math.Max(stored.Count, items.Count); i++)
        {
            if (i >= items.Count)
            {
                db.ActionItems.Remove(stored[i]);
                continue;
            }

            var item = items[i];
            var target = i < stored.Count ? stored[i] : null;
            if (target is null)
            {
                item.Ordinal = i + 1;
                plan.Items.Add(item);
                continue;
            }

            (target.Ordinal, target.Activity, target.Unit, target.StartsOn, target.EndsOn, target.Output) = (i + 1, item.Activity, item.Unit, item.StartsOn, item.EndsOn, item.Output);
            (target.Amount, target.Source, target.FiscalYear, target.Status, target.Evidence) = (item.Amount, item.Source, item.FiscalYear, item.Status, item.Evidence);
        }

        (plan.UpdatedBy, plan.UpdatedAt) = (userId, now);
        plan.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Saved by someone else between the read above and this write (or a first plan made twice at once).
            db.ChangeTracker.Clear();
            var current = await db.ActionPlans.Include(p => p.Items).FirstAsync(p => p.ReplicationId == replicationId, cancellationToken);
            return new HubOutcome(null, Changes(readSnapshot, current));
        }

        return HubOutcome.Done(plan.Id);
    }

    /// <summary>A reviewer's comment on the plan.</summary>
    public async Task<HubOutcome> CommentAsync(int replicationId, string? text, int userId, CancellationToken cancellationToken)
    {
        var comment = text?.Trim();
        if (string.IsNullOrEmpty(comment) || comment.Length > ActionPlanComment.MaxText)
        {
            return HubOutcome.Refused("comment", $"Komentar: wajib diisi, paling panjang {ActionPlanComment.MaxText} karakter.");
        }

        var plan = await db.ActionPlans.FirstOrDefaultAsync(p => p.ReplicationId == replicationId, cancellationToken);
        if (plan is null)
        {
            return HubOutcome.Refused("comment", "Komentar: rencana aksi ini belum disimpan; telaah diberikan setelah ada kegiatannya.");
        }

        db.ActionPlanComments.Add(new ActionPlanComment { PlanId = plan.Id, AuthorId = userId, At = clock.GetUtcNow(), Text = comment });
        await db.SaveChangesAsync(cancellationToken);
        return HubOutcome.Done(plan.Id);
    }

    /// <summary>What someone else changed: the plan as the form read it against the plan now, one line per difference.</summary>
    public static IReadOnlyList<(string Field, string Message)> Changes(string? readSnapshot, ActionPlan current)
    {
        List<ItemInput> before;
        try
        {
            before = JsonSerializer.Deserialize<List<ItemInput>>(readSnapshot ?? "[]", Json) ?? [];
        }
        catch (JsonException)
        {
            before = [];
        }

        var after = current.Items.OrderBy(i => i.Ordinal).Select(AsInput).ToList();
        var lines = new List<(string, string)>
        {
            ("", "Rencana aksi ini sudah disimpan orang lain sejak Anda membukanya; isian Anda belum disimpan. Yang berubah:"),
        };
        (string Label, Func<ItemInput, string?> Value)[] fields =
        [
            ("kegiatan", i => i.Activity), ("penanggung jawab", i => i.Unit), ("mulai", i => i.StartsOn), ("selesai", i => i.EndsOn),
            ("keluaran", i => i.Output), ("anggaran", i => i.Amount), ("sumber dana", i => i.Source), ("tahun anggaran", i => i.FiscalYear),
            ("status", i => i.Status), ("bukti", i => i.Evidence),
        ];
        for (var n = 0; n < Math.Max(before.Count, after.Count); n++)
        {
            var (was, now) = (n < before.Count ? before[n] : null, n < after.Count ? after[n] : null);
            if (was is null)
            {
                lines.Add(("", $"Kegiatan {n + 1} ditambahkan: {now!.Activity}."));
            }
            else if (now is null)
            {
                lines.Add(("", $"Kegiatan {n + 1} ({was.Activity}) dihapus."));
            }
            else
            {
                lines.AddRange(fields.Where(f => f.Value(was) != f.Value(now))
                    .Select(f => ("", $"Kegiatan {n + 1}, {f.Label}: \"{f.Value(was) ?? "—"}\" menjadi \"{f.Value(now) ?? "—"}\".")));
            }
        }

        if (lines.Count == 1)
        {
            lines.Add(("", "(isi kegiatannya sama; buka lagi untuk menyimpan)."));
        }

        return lines;
    }

    private ActionItem? Check(ItemInput input, int number, List<(string Field, string Message)> problems)
    {
        var before = problems.Count;
        var label = $"Kegiatan {number}";
        var activity = Trimmed(input.Activity);
        if (activity is null || activity.Length > ActionItem.MaxText)
        {
            problems.Add(($"item{number}_activity", $"{label} — kegiatan: wajib diisi, paling panjang {ActionItem.MaxText} karakter."));
        }

        var (unit, output, evidence) = (Trimmed(input.Unit), Trimmed(input.Output), Trimmed(input.Evidence));
        if (unit?.Length > ActionItem.MaxUnit)
        {
            problems.Add(($"item{number}_unit", $"{label} — penanggung jawab: paling panjang {ActionItem.MaxUnit} karakter."));
        }

        if (output?.Length > ActionItem.MaxText || evidence?.Length > ActionItem.MaxText)
        {
            problems.Add(($"item{number}_output", $"{label} — keluaran dan bukti: masing-masing paling panjang {ActionItem.MaxText} karakter."));
        }

        var starts = HubRules.Date(input.StartsOn, $"item{number}_starts_on", $"{label} — mulai", problems);
        var ends = HubRules.Date(input.EndsOn, $"item{number}_ends_on", $"{label} — selesai", problems);
        if (starts is { } s && ends is { } e && e < s)
        {
            problems.Add(($"item{number}_ends_on", $"{label} — selesai: {e:yyyy-MM-dd} sebelum mulai {s:yyyy-MM-dd}."));
        }

        var amount = Rupiah.Parse(input.Amount, $"item{number}_amount", $"{label} — anggaran", problems);
        BudgetSource? source = null;
        if (!string.IsNullOrWhiteSpace(input.Source))
        {
            var found = Sources.FirstOrDefault(x => x.Slug == input.Source.Trim());
            if (found.Slug is null)
            {
                problems.Add(($"item{number}_source", $"{label} — sumber dana: '{input.Source}' tidak dikenal; pilih APBD, APBN, DID, Dana Desa, donor atau lainnya."));
            }
            else
            {
                source = found.Source;
            }
        }

        int? fiscalYear = null;
        if (!string.IsNullOrWhiteSpace(input.FiscalYear))
        {
            if (int.TryParse(input.FiscalYear.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y >= 2000 && y <= ThisYear + 5)
            {
                fiscalYear = y;
            }
            else
            {
                problems.Add(($"item{number}_fiscal_year", $"{label} — tahun anggaran: '{input.FiscalYear}' harus tahun 2000–{ThisYear + 5}."));
            }
        }

        var status = Statuses.FirstOrDefault(x => x.Slug == (string.IsNullOrWhiteSpace(input.Status) ? "rencana" : input.Status.Trim()));
        if (status.Slug is null)
        {
            problems.Add(($"item{number}_status", $"{label} — status: pilih direncanakan, berjalan, selesai atau batal."));
        }

        return problems.Count > before ? null : new ActionItem
        {
            Activity = activity!, Unit = unit, StartsOn = starts, EndsOn = ends, Output = output, Amount = amount, Source = source,
            FiscalYear = fiscalYear, Status = status.Status, Evidence = evidence,
        };
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
