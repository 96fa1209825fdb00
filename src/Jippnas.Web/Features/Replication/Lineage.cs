using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Replication;

/// <summary>One replication in an innovation's lineage: where, at which stage, its published replica, and the replications of that replica.</summary>
public sealed record LineageNode(int Id, string Agency, string RegencyCode, string Regency, ReplicationStage Stage, int? ReplicaId, IReadOnlyList<LineageNode> Children);

/// <summary>Where an innovation came from (when it is a replica) and where it has spread: a tree, and the provinces reached.</summary>
public sealed record Lineage(int? OriginId, string? OriginName, IReadOnlyList<LineageNode> Replications, IReadOnlyCollection<string> Provinces, int Count)
{
    public static readonly Lineage None = new(null, null, [], [], 0);
}

/// <summary>
/// Reads an innovation's lineage for its public page: only replications agreed by the origin's owner and under way or
/// done (<see cref="ReplicationStages.Counts"/>); a replica is linked only once published. The tree is read level by
/// level through <c>parent_id</c> (indexed), at most <see cref="MaxDepth"/> levels and <see cref="MaxNodes"/> nodes.
/// </summary>
public static class LineageQueries
{
    public const int MaxDepth = 6, MaxNodes = 500;

    private static readonly ReplicationStage[] Counted = [.. Enum.GetValues<ReplicationStage>().Where(ReplicationStages.Counts)];

    public static async Task<Lineage> ReadAsync(JippnasDb db, int innovationId, CancellationToken cancellationToken)
    {
        var origin = await db.Replications.Where(r => r.ReplicaId == innovationId && Counted.Contains(r.Stage))
            .Select(r => new { r.OriginId, r.Origin!.Name, r.Origin.IsPublished }).FirstOrDefaultAsync(cancellationToken);
        var levels = new List<List<Flat>>();
        var level = await Level(db.Replications.Where(r => r.OriginId == innovationId), cancellationToken);
        var total = 0;
        while (level.Count > 0 && levels.Count < MaxDepth && total < MaxNodes)
        {
            level = [.. level.Take(MaxNodes - total)];
            total += level.Count;
            levels.Add(level);
            var ids = level.Select(f => f.Id).ToList();
            level = await Level(db.Replications.Where(r => r.ParentId != null && ids.Contains(r.ParentId.Value)), cancellationToken);
        }

        if (total == 0 && origin is null)
        {
            return Lineage.None;
        }

        var codes = levels.SelectMany(l => l).Select(f => f.RegencyCode).Distinct().ToList();
        var names = await db.Regions.Where(g => codes.Contains(g.Code)).ToDictionaryAsync(g => g.Code, g => g.Name, cancellationToken);
        var nodes = levels.Count == 0 ? [] : Build(levels, 0, null, names);
        return new Lineage(
            origin?.IsPublished == true ? origin.OriginId : null, origin?.IsPublished == true ? origin.Name : null, nodes,
            [.. codes.Select(c => c[..2]).Distinct()], total);
    }

    private static List<LineageNode> Build(List<List<Flat>> levels, int depth, int? parent, Dictionary<string, string> names) =>
    [
        .. levels[depth].Where(f => depth == 0 || f.ParentId == parent).OrderBy(f => f.Id).Select(f => new LineageNode(
            f.Id, f.Agency, f.RegencyCode, names.GetValueOrDefault(f.RegencyCode, f.RegencyCode), f.Stage, f.ReplicaPublished ? f.ReplicaId : null,
            depth + 1 < levels.Count ? Build(levels, depth + 1, f.Id, names) : [])),
    ];

    private static Task<List<Flat>> Level(IQueryable<Domain.Replication> query, CancellationToken cancellationToken) =>
        query.Where(r => Counted.Contains(r.Stage)).OrderBy(r => r.Id).Take(MaxNodes)
            .Select(r => new Flat(r.Id, r.ParentId, r.Agency!.Name, r.RegencyCode, r.Stage, r.ReplicaId, r.Replica != null && r.Replica.IsPublished))
            .ToListAsync(cancellationToken);

    private sealed record Flat(int Id, int? ParentId, string Agency, string RegencyCode, ReplicationStage Stage, int? ReplicaId, bool ReplicaPublished);
}
