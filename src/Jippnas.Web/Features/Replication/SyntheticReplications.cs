using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Replication;

/// <summary>
/// Adds synthetic replications for trials and benchmarks (<c>synthetic-replications N</c>): origins drawn with a
/// long tail (a few innovations replicated very often), replicating regency/city governments, stages spread as in a
/// programme's life (most under way, some institutionalised, some stopped), a tenth replicating a replica (lineage),
/// the replica an existing innovation of its own; stage rows up to the stage reached; replication counts recounted.
/// Written in batches on one context. Not for a production database.
/// </summary>
public sealed class SyntheticReplications(JippnasDb db, Accounts.AccountDirectory accounts, TimeProvider clock)
{
    private const int Batch = 2_000;

    private static readonly (ReplicationStage Stage, int Weight)[] Spread =
    [
        (ReplicationStage.Proposed, 10), (ReplicationStage.Agreed, 10), (ReplicationStage.StudyVisit, 10), (ReplicationStage.ActionPlan, 12),
        (ReplicationStage.Budgeted, 12), (ReplicationStage.Trial, 12), (ReplicationStage.Implemented, 15), (ReplicationStage.Institutionalised, 10),
        (ReplicationStage.Declined, 3), (ReplicationStage.Stopped, 6),
    ];

    /// <summary>Adds <paramref name="count"/> replications; returns the most replicated innovation and its count.</summary>
    public async Task<(int MostReplicated, int Count)> AddAsync(int count, int seed, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var innovations = await db.Innovations.Where(i => i.IsPublished).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
        if (innovations.Count < 2 * count + 10)
        {
            throw new ArgumentException($"{count} replications need at least {2 * count + 10} published innovations (origins and replicas); there are {innovations.Count}.");
        }

        var governments = await db.Agencies.Where(a => a.Kind == AgencyKind.RegencyGovernment || a.Kind == AgencyKind.CityGovernment)
            .Select(a => new { a.Id, a.RegionCode }).Where(a => a.RegionCode != null).ToListAsync(cancellationToken);
        // Replications record who opened them: the first account, or one made for the purpose (it cannot sign in: no password).
        var userId = await db.Users.Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken)
            ?? (await accounts.CreateAsync("sintetis@jippnas.invalid", "Data sintetis", null, AccountRole.Curator, GrantScope.National, null, null, cancellationToken)).UserId
            ?? throw new ArgumentException("could not make the account that opens synthetic replications.");

        // Replicas are taken from the end of the shuffled list, origins from its first fifth (a long tail of popularity).
        var shuffled = innovations.OrderBy(_ => random.Next()).ToList();
        var replicas = new Queue<int>(shuffled.Skip(shuffled.Count / 5).Take(count));
        var origins = shuffled.Take(Math.Max(10, shuffled.Count / 5)).ToList();
        var made = new List<(int Id, int ReplicaId)>();
        var totalWeight = Spread.Sum(s => s.Weight);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var added = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        while (added < count)
        {
            var batch = new List<Domain.Replication>();
            for (var i = 0; i < Math.Min(Math.Clamp(count / 10, 100, Batch), count - added); i++)
            {
                int origin;
                int? parent = null;
                if (made.Count > 0 && random.NextDouble() < 0.1)
                {
                    var (parentId, replicaOf) = made[random.Next(made.Count)];
                    (origin, parent) = (replicaOf, parentId);
                }
                else
                {
                    // Zipf-like: low ranks far more often.
                    origin = origins[(int)Math.Min(origins.Count - 1, Math.Floor(Math.Pow(random.NextDouble(), 3) * origins.Count))];
                }

                var government = governments[random.Next(governments.Count)];
                var pick = random.Next(totalWeight);
                var stage = Spread.First(s => (pick -= s.Weight) < 0).Stage;
                var start = today.AddDays(-random.Next(30, 1500));
                var reached = stage is ReplicationStage.Declined ? [ReplicationStage.Proposed]
                    : stage is ReplicationStage.Stopped ? ReplicationStages.Path.Take(1 + random.Next(6)).ToArray()
                    : ReplicationStages.Path.TakeWhile(s => s <= stage).ToArray();
                var dates = reached.Select((s, k) => new ReplicationStageDate { Stage = s, ActualOn = start.AddDays(k * 40), RecordedBy = userId }).ToList();
                if (stage is ReplicationStage.Declined or ReplicationStage.Stopped)
                {
                    dates.Add(new ReplicationStageDate { Stage = stage, ActualOn = start.AddDays(reached.Length * 40), Note = "Sintetis.", RecordedBy = userId });
                }
                else if (!ReplicationStages.IsEnded(stage))
                {
                    dates.Add(new ReplicationStageDate { Stage = ReplicationStages.Next(stage)[0], PlannedOn = start.AddDays(reached.Length * 40 + random.Next(-60, 120)) });
                }

                batch.Add(new Domain.Replication
                {
                    OriginId = origin, ReplicaId = replicas.Dequeue(), AgencyId = government.Id, RegencyCode = government.RegionCode!, Adaptation = random.Next(3) == 0 ? Adaptation.Modify : Adaptation.Adopt,
                    AdaptationNote = null, Stage = stage, StageNote = stage is ReplicationStage.Declined or ReplicationStage.Stopped ? "Sintetis." : null, ParentId = parent,
                    CreatedBy = userId, CreatedAt = clock.GetUtcNow(), UpdatedAt = clock.GetUtcNow(), Dates = dates,
                });
            }

            db.Replications.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            made.AddRange(batch.Select(r => (r.Id, r.ReplicaId!.Value)));
            db.ChangeTracker.Clear();
            added += batch.Count;
            progress?.Report(added);
        }

        var counted = Enum.GetValues<ReplicationStage>().Where(ReplicationStages.Counts).ToList();
        var counts = await db.Replications.Where(r => counted.Contains(r.Stage)).GroupBy(r => r.OriginId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var group in counts.GroupBy(c => c.Count))
        {
            var ids = group.Select(c => c.Key).ToList();
            foreach (var chunk in ids.Chunk(1_000))
            {
                await db.Innovations.Where(i => chunk.Contains(i.Id)).ExecuteUpdateAsync(s => s.SetProperty(i => i.ReplicationCount, group.Key), cancellationToken);
            }
        }

        var top = counts.OrderByDescending(c => c.Count).ThenBy(c => c.Key).First();
        return (top.Key, top.Count);
    }
}
