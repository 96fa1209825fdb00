using System.Text.Json;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Duplicates;

/// <summary>
/// A curator's decisions on proposed pairs. A merge keeps one innovation: it receives the other's source records,
/// awards, outcome figures and goals, and the other is no longer published (its page leads to the kept one). What
/// moved is written on the pair, so undoing the merge moves exactly that back. A rejected pair is never proposed again.
/// </summary>
public sealed class DuplicateReview(JippnasDb db, SearchIndexer search, TimeProvider clock)
{
    /// <summary>What a merge moved, kept on the pair for its undo.</summary>
    public sealed record MergeRecord(int OtherId, bool OtherWasPublished, List<long> Sources, List<int> Awards, List<int> Outcomes, List<int> Sdgs);

    /// <summary>Merges the pair into <paramref name="keepId"/> (one of its two); an Indonesian message when it cannot.</summary>
    public Task<string?> MergeAsync(long pairId, int keepId, string? user, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var pair = await db.DuplicatePairs.AsTracking().FirstOrDefaultAsync(p => p.Id == pairId, cancellationToken);
            if (pair is null)
            {
                return "pasangan tidak ditemukan.";
            }

            if (pair.State != DuplicateState.Proposed)
            {
                return "pasangan ini sudah diputuskan.";
            }

            if (keepId != pair.FirstId && keepId != pair.SecondId)
            {
                return "keep: harus salah satu dari kedua inovasi pasangan ini.";
            }

            var otherId = keepId == pair.FirstId ? pair.SecondId : pair.FirstId;
            var both = await db.Innovations.AsTracking().Include(i => i.Awards).Include(i => i.Sdgs).Include(i => i.Outcomes)
                .Where(i => i.Id == keepId || i.Id == otherId).ToDictionaryAsync(i => i.Id, cancellationToken);
            if (both.Count < 2 || !both[keepId].IsPublished || !both[otherId].IsPublished)
            {
                return "kedua inovasi harus masih terbit: salah satunya sudah digabung atau ditarik.";
            }

            var (keep, other) = (both[keepId], both[otherId]);
            var record = new MergeRecord(otherId, other.IsPublished, [], [], [], []);
            // Only the ids: a source record's payload is the whole row as the source sent it.
            record.Sources.AddRange(await db.SourceRecords.Where(s => s.InnovationId == otherId).Select(s => s.Id).ToListAsync(cancellationToken));
            await db.SourceRecords.Where(s => s.InnovationId == otherId).ExecuteUpdateAsync(s => s.SetProperty(r => r.InnovationId, keepId), cancellationToken);

            // An award the kept innovation already has (same kind, same year) is the same award: it stays where it is.
            foreach (var award in other.Awards.Where(a => !keep.Awards.Exists(k => k.AwardKindId == a.AwardKindId && k.Year == a.Year)).ToList())
            {
                await db.Awards.Where(a => a.Id == award.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.InnovationId, keepId), cancellationToken);
                record.Awards.Add(award.Id);
            }

            foreach (var outcome in other.Outcomes)
            {
                await db.OutcomeIndicators.Where(o => o.Id == outcome.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.InnovationId, keepId), cancellationToken);
                record.Outcomes.Add(outcome.Id);
            }

            foreach (var sdg in other.Sdgs.Where(s => keep.Sdgs.TrueForAll(k => k.SdgId != s.SdgId)))
            {
                keep.Sdgs.Add(new InnovationSdg { SdgId = sdg.SdgId });
                record.Sdgs.Add(sdg.SdgId);
            }

            other.IsPublished = false;
            var now = clock.GetUtcNow();
            (keep.UpdatedAt, other.UpdatedAt) = (now, now);
            pair.State = DuplicateState.Merged;
            pair.KeptId = keepId;
            pair.Merge = JsonSerializer.Serialize(record, DuplicateFinder.Json);
            (pair.DecidedBy, pair.DecidedAt) = (user, now);
            await db.SaveChangesAsync(cancellationToken);
            await RecountAwardsAsync([keepId, otherId], cancellationToken);
            await search.IndexAsync([keepId, otherId], cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>Undoes a merge: what it moved goes back, the other innovation is published again, the pair is proposed again.</summary>
    public Task<string?> UndoAsync(long pairId, string? user, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var pair = await db.DuplicatePairs.AsTracking().FirstOrDefaultAsync(p => p.Id == pairId, cancellationToken);
            if (pair is not { State: DuplicateState.Merged, KeptId: { } keepId, Merge: { } merge })
            {
                return pair is null ? "pasangan tidak ditemukan." : "pasangan ini tidak sedang digabung.";
            }

            var record = JsonSerializer.Deserialize<MergeRecord>(merge, DuplicateFinder.Json)!;
            var other = record.OtherId;
            await db.SourceRecords.Where(s => record.Sources.Contains(s.Id) && s.InnovationId == keepId).ExecuteUpdateAsync(s => s.SetProperty(r => r.InnovationId, other), cancellationToken);
            await db.Awards.Where(a => record.Awards.Contains(a.Id) && a.InnovationId == keepId).ExecuteUpdateAsync(s => s.SetProperty(a => a.InnovationId, other), cancellationToken);
            await db.OutcomeIndicators.Where(o => record.Outcomes.Contains(o.Id) && o.InnovationId == keepId).ExecuteUpdateAsync(s => s.SetProperty(o => o.InnovationId, other), cancellationToken);
            await db.InnovationSdgs.Where(s => s.InnovationId == keepId && record.Sdgs.Contains(s.SdgId)).ExecuteDeleteAsync(cancellationToken);
            var now = clock.GetUtcNow();
            // Tracked, so the audit log has the two innovations' changes; the moved rows are listed in the pair's merge record.
            foreach (var innovation in await db.Innovations.AsTracking().Where(i => i.Id == other || i.Id == keepId).ToListAsync(cancellationToken))
            {
                innovation.IsPublished = innovation.Id == other ? record.OtherWasPublished : innovation.IsPublished;
                innovation.UpdatedAt = now;
            }

            pair.State = DuplicateState.Proposed;
            (pair.KeptId, pair.Merge) = (null, null);
            (pair.DecidedBy, pair.DecidedAt) = (user, now);
            await db.SaveChangesAsync(cancellationToken);
            await RecountAwardsAsync([keepId, other], cancellationToken);
            await search.IndexAsync([keepId, other], cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>Marks the pair as two different innovations: it is never proposed again.</summary>
    public async Task<string?> RejectAsync(long pairId, string? user, CancellationToken cancellationToken)
    {
        var pair = await db.DuplicatePairs.AsTracking().FirstOrDefaultAsync(p => p.Id == pairId, cancellationToken);
        if (pair is null)
        {
            return "pasangan tidak ditemukan.";
        }

        if (pair.State != DuplicateState.Proposed)
        {
            return "pasangan ini sudah diputuskan.";
        }

        pair.State = DuplicateState.Rejected;
        (pair.DecidedBy, pair.DecidedAt) = (user, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    // The award count is a column the lists sort and show; it follows the awards that moved.
    private async Task RecountAwardsAsync(int[] ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            var count = await db.Awards.CountAsync(a => a.InnovationId == id, cancellationToken);
            await db.Innovations.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.AwardCount, count), cancellationToken);
        }
    }

    private async Task<string?> InTransactionAsync(Func<Task<string?>> work, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var problem = await work();
            if (problem is null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            db.ChangeTracker.Clear();
            return problem;
        });
    }
}
