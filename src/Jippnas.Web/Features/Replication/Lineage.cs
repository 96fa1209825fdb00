using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Replication;

/// <summary>One replication in an innovation's lineage: where, at which stage, its published replica, and the replications of that replica.</summary>
public sealed record LineageNode(int Id, int? ParentId, int Depth, string Agency, string RegencyCode, string Regency, ReplicationStage Stage, int? ReplicaId)
{
    public IReadOnlyList<LineageNode> Children { get; init; } = [];
}

/// <summary>
/// Where an innovation came from (when it is a replica) and where it has spread: the tree as far as <c>Shown</c> nodes
/// (breadth first, so every direct replication comes before replicas of replicas), every node read in breadth-first
/// order in <c>All</c>, the provinces reached by any of them, how many are direct and how many in all.
/// </summary>
public sealed record Lineage(
    int? OriginId, string? OriginName, IReadOnlyList<LineageNode> Tree, IReadOnlyList<LineageNode> All,
    IReadOnlyCollection<string> Provinces, int Direct, int Shown, bool Truncated)
{
    public static readonly Lineage None = new(null, null, [], [], [], 0, 0, false);

    public int Count => All.Count;
}

/// <summary>
/// Reads an innovation's lineage: only replications agreed by the origin's owner and under way or done
/// (<see cref="ReplicationStages.Counts"/>); a replica is linked only once published. The tree is read level by level
/// through <c>parent_id</c> (indexed), at most <see cref="MaxDepth"/> levels and <see cref="MaxNodes"/> nodes; the
/// innovation page builds its tree from the first <see cref="OnPage"/> and links the whole lineage.
/// </summary>
public static class LineageQueries
{
    public const int MaxDepth = 6, MaxNodes = 5000, OnPage = 60;

    private static readonly ReplicationStage[] Counted = [.. Enum.GetValues<ReplicationStage>().Where(ReplicationStages.Counts)];

    public static async Task<Lineage> ReadAsync(JippnasDb db, ReferenceSnapshot reference, int innovationId, int shown, CancellationToken cancellationToken)
    {
        var origin = await db.Replications.Where(r => r.ReplicaId == innovationId && Counted.Contains(r.Stage))
            .Select(r => new { r.OriginId, r.Origin!.Name, r.Origin.IsPublished }).FirstOrDefaultAsync(cancellationToken);
        var all = new List<Flat>();
        var direct = 0;
        var truncated = false;
        var level = await Level(db.Replications.Where(r => r.OriginId == innovationId), MaxNodes + 1, cancellationToken);
        for (var depth = 0; level.Count > 0; depth++)
        {
            if (depth == MaxDepth || all.Count + level.Count > MaxNodes)
            {
                truncated = true;
                level = depth == MaxDepth ? [] : [.. level.Take(MaxNodes - all.Count)];
            }

            all.AddRange(level.Select(f => f with { Depth = depth }));
            direct = depth == 0 ? level.Count : direct;
            if (truncated || level.Count == 0)
            {
                break;
            }

            // The parents' ids as one array parameter: hundreds of separate parameters (EF's default for SQLite) cost
            // more than the reading.
            var ids = level.Select(f => f.Id).ToArray();
            level = await Level(db.Replications.Where(r => r.ParentId != null && EF.Parameter(ids).Contains(r.ParentId.Value)), MaxNodes - all.Count + 1, cancellationToken);
        }

        if (all.Count == 0 && origin is null)
        {
            return Lineage.None;
        }

        // Names and links only for the nodes shown (the page shows the first ones; the whole lineage page all).
        var named = all.Take(Math.Max(0, shown)).ToList();
        var agencyIds = named.Select(f => f.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.Where(a => EF.Parameter(agencyIds).Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var replicaIds = named.Where(f => f.ReplicaId != null).Select(f => f.ReplicaId!.Value).ToList();
        var published = (await db.Innovations.Where(i => EF.Parameter(replicaIds).Contains(i.Id) && i.IsPublished).Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        var nodes = all.Select(f => new LineageNode(
            f.Id, f.ParentId, f.Depth, agencies.GetValueOrDefault(f.AgencyId, ""), f.RegencyCode, reference.RegionName(f.RegencyCode), f.Stage,
            f.ReplicaId is { } replica && published.Contains(replica) ? replica : null)).ToList();
        var tree = Tree(nodes.Take(named.Count).ToList());
        return new Lineage(
            origin?.IsPublished == true ? origin.OriginId : null, origin?.IsPublished == true ? origin.Name : null, tree, nodes,
            [.. all.Select(f => f.RegencyCode[..2]).Distinct().Order(StringComparer.Ordinal)], direct, named.Count, truncated);
    }

    /// <summary>Folds nodes in breadth-first order into their tree (a node's parent always comes before it).</summary>
    private static List<LineageNode> Tree(List<LineageNode> nodes)
    {
        var children = nodes.Where(n => n.Depth > 0).ToLookup(n => n.ParentId);
        LineageNode Fold(LineageNode node) => node with { Children = [.. children[node.Id].Select(Fold)] };
        return [.. nodes.Where(n => n.Depth == 0).Select(Fold)];
    }

    private static Task<List<Flat>> Level(IQueryable<Domain.Replication> query, int take, CancellationToken cancellationToken) =>
        query.Where(r => Counted.Contains(r.Stage)).OrderBy(r => r.Id).Take(take)
            .Select(r => new Flat(r.Id, r.ParentId, 0, r.AgencyId, r.RegencyCode, r.Stage, r.ReplicaId))
            .ToListAsync(cancellationToken);

    private sealed record Flat(int Id, int? ParentId, int Depth, int AgencyId, string RegencyCode, ReplicationStage Stage, int? ReplicaId);
}
