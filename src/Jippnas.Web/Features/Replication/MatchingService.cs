using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Replication;

/// <summary>A need to match: its problem in words, its sector (optional) and the region that has it (a regency/city, or a province).</summary>
public sealed record MatchRequest(string Problem, int? SectorId, string RegionCode);

/// <summary>An innovation suggested for a need, with its score and the reasons in a sentence.</summary>
public sealed record MatchSuggestion(int Id, string Name, string? ProvinceCode, string? RegencyCode, double Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// Ranks innovations worth replicating for a need (docs/design/replication.md): the search engine finds the
/// innovations whose words answer the problem (up to <see cref="Candidates"/>, relevance by rank); each is then
/// scored by <see cref="MatchScoring"/> on its evidence, its replications, how alike the regions are and its sector.
/// Innovations of the needing region itself are left out (a province's own: those of its provincial agencies).
/// </summary>
public sealed class MatchingService(JippnasDb db, SearchService search)
{
    public const int Candidates = 100, Suggested = 10;

    public async Task<IReadOnlyList<MatchSuggestion>> SuggestAsync(MatchRequest request, CancellationToken cancellationToken, int count = Suggested)
    {
        var result = await search.SearchAsync(new SearchQuery(request.Problem, new InnovationFilter(PageSize: InnovationFilter.MaxPageSize)) { Counted = false }, cancellationToken);
        var hits = result.Hits.Where(h => (h.Item.RegencyCode ?? h.Item.ProvinceCode) != request.RegionCode).Take(Candidates).ToList();
        if (hits.Count == 0)
        {
            return [];
        }

        var ids = hits.Select(h => h.Item.Id).ToList();
        var outcomes = await db.OutcomeIndicators.Where(o => EF.Parameter(ids).Contains(o.InnovationId)).GroupBy(o => o.InnovationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var stages = (await db.Replications.Where(r => EF.Parameter(ids).Contains(r.OriginId)).Select(r => new { r.OriginId, r.Stage }).ToListAsync(cancellationToken))
            .ToLookup(r => r.OriginId, r => r.Stage);
        var province = request.RegionCode[..2];
        var island = MatchScoring.IslandGroup(province);
        var scored = hits.Select((hit, rank) =>
        {
            var item = hit.Item;
            var theirs = stages[item.Id].ToList();
            var facts = new MatchFacts(
                Relevance: 1.0 / (1 + (0.1 * rank)),
                Awards: item.AwardCount,
                Running: item.Status == InnovationStatus.Running,
                Outcomes: outcomes.GetValueOrDefault(item.Id),
                Replications: theirs.Count(ReplicationStages.Counts),
                Institutionalised: theirs.Count(s => s == ReplicationStage.Institutionalised),
                Stopped: theirs.Count(s => s == ReplicationStage.Stopped),
                SameKind: (item.RegencyCode ?? item.ProvinceCode) is { } place && MatchScoring.SameKind(place, request.RegionCode),
                SameProvince: item.ProvinceCode == province,
                SameIsland: item.ProvinceCode is { } p && MatchScoring.IslandGroup(p) == island,
                SameSector: request.SectorId is not null && item.SectorId == request.SectorId);
            var score = MatchScoring.Score(facts);
            return new MatchSuggestion(item.Id, item.Name, item.ProvinceCode, item.RegencyCode, score.Score, score.Reasons);
        });
        return [.. scored.OrderByDescending(s => s.Score).ThenBy(s => s.Id).Take(count)];
    }
}
