using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Replication;

/// <summary>A stage planned for a date that has passed without being reached.</summary>
public sealed record OverdueStage(int ReplicationId, string Origin, string Agency, ReplicationStage Stage, DateOnly PlannedOn);

/// <summary>Budget committed from one source for one fiscal year.</summary>
public sealed record BudgetLine(int? FiscalYear, BudgetSource? Source, decimal Amount);

/// <summary>An innovation and how often it has been replicated.</summary>
public sealed record MostReplicated(int Id, string Name, int Count);

/// <summary>The replication dashboard's figures, for the nation or one hub.</summary>
public sealed record ReplicationFigures(
    IReadOnlyDictionary<ReplicationStage, int> ByStage, IReadOnlyList<BudgetLine> Budget, IReadOnlyList<OverdueStage> Overdue, IReadOnlyList<MostReplicated> Top)
{
    public int Total => ByStage.Values.Sum();
}

/// <summary>
/// Reads the replication dashboard (docs/design/replication.md): replications per stage; budget committed by source
/// and fiscal year (the activities of plans of replications budgeted or further, not stopped); stages overdue
/// against their planned dates; the most replicated innovations. Amounts are summed in memory (SQLite keeps decimals
/// as text); stage counts and the lists are grouped and limited in the database.
/// </summary>
public static class ReplicationDashboard
{
    public const int Listed = 20;

    public static async Task<ReplicationFigures> ReadAsync(JippnasDb db, int? hubId, DateOnly today, CancellationToken cancellationToken)
    {
        var replications = hubId is { } hub ? db.Replications.Where(r => r.HubId == hub) : db.Replications;
        var byStage = await replications.GroupBy(r => r.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var committed = replications.Where(r => r.Stage >= ReplicationStage.Budgeted && r.Stage <= ReplicationStage.Institutionalised).Select(r => r.Id);
        var lines = await db.ActionItems
            .Where(i => i.Amount != null && i.Status != ActionItemStatus.Cancelled && db.ActionPlans.Any(p => p.Id == i.PlanId && committed.Contains(p.ReplicationId)))
            .Select(i => new { i.FiscalYear, i.Source, i.Amount }).ToListAsync(cancellationToken);
        var budget = lines.GroupBy(l => (l.FiscalYear, l.Source)).OrderBy(g => g.Key.FiscalYear).ThenBy(g => g.Key.Source)
            .Select(g => new BudgetLine(g.Key.FiscalYear, g.Key.Source, g.Sum(l => l.Amount!.Value))).ToList();

        var open = replications.Where(r => r.Stage != ReplicationStage.Institutionalised && r.Stage != ReplicationStage.Declined && r.Stage != ReplicationStage.Stopped);
        var overdue = await db.ReplicationStages
            .Where(d => d.ActualOn == null && d.PlannedOn != null && d.PlannedOn < today && open.Select(r => r.Id).Contains(d.ReplicationId))
            .OrderBy(d => d.PlannedOn).Take(Listed)
            .Join(db.Replications, d => d.ReplicationId, r => r.Id, (d, r) => new OverdueStage(r.Id, r.Origin!.Name, r.Agency!.Name, d.Stage, d.PlannedOn!.Value))
            .ToListAsync(cancellationToken);

        var counted = Enum.GetValues<ReplicationStage>().Where(ReplicationStages.Counts).ToList();
        var top = await replications.Where(r => counted.Contains(r.Stage)).GroupBy(r => r.OriginId)
            .Select(g => new { OriginId = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.OriginId).Take(Listed)
            .Join(db.Innovations, g => g.OriginId, i => i.Id, (g, i) => new MostReplicated(i.Id, i.Name, g.Count))
            .ToListAsync(cancellationToken);
        return new ReplicationFigures(byStage, budget, overdue, [.. top.OrderByDescending(t => t.Count).ThenBy(t => t.Id)]);
    }
}
