using System.Diagnostics;
using Jippnas.Web.Data;
using Jippnas.Web.Features.Search;
using Jippnas.Web.Features.Search.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jippnas.Bench.Search;

/// <summary>
/// The steps of <see cref="SearchService.SearchAsync"/> one by one, each timed: the same calls and the same
/// queries (SearchFacts is internal to the portal, so its four reads and the page read are repeated here as
/// written there). Keep in step with SearchService when it changes; it only explains where the time goes,
/// the figures that count are those of SearchAsync itself.
/// </summary>
public static class SearchSteps
{
    public static readonly string[] Names = ["plan", "candidates", "partial", "count", "facts", "page"];

    public static async Task<double[]> TimeAsync(IServiceProvider services, SearchQuery query, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JippnasDb>();
        var vocabulary = scope.ServiceProvider.GetRequiredService<SearchVocabulary>();
        var settings = scope.ServiceProvider.GetRequiredService<IOptions<SearchOptions>>().Value;
        var times = new double[Names.Length];
        var lap = Stopwatch.GetTimestamp();
        void Lap(int step)
        {
            times[step] += Stopwatch.GetElapsedTime(lap).TotalMilliseconds;
            lap = Stopwatch.GetTimestamp();
        }

        var words = await vocabulary.GetAsync(cancellationToken);
        var plan = SearchPlanner.Plan(query.Q, words, IndonesianAnalyzer.Shared);
        var engine = SearchEngine.For(db, words);
        var tags = query.Tags().Select(MatchExpression.Term).ToList();
        var limit = settings.CandidateLimit;
        var floor = plan.Groups.Count == 1 && tags.Count == 0
            ? plan.Groups[0].Alternatives.Where(a => a.Length == 1).Select(a => words.TermFloor(a[0])).DefaultIfEmpty(0).Max()
            : 0;
        engine.CountAlong = (plan.MatchesAll && tags.Count == 0) || floor > settings.CountLimit ? 0 : settings.CountLimit + 1;
        Lap(0);

        List<ScoredId> ranked;
        MatchExpression counted;
        bool common;
        if (plan.MatchesAll)
        {
            counted = tags.Count > 0 ? MatchExpression.And(tags) : MatchExpression.Term(SearchTags.All);
            common = tags.Count == 0;
            ranked = await engine.CandidatesAsync(counted, [], limit, common, cancellationToken);
            Lap(1);
        }
        else
        {
            var groups = plan.Groups.Select(MatchExpression.Group).ToList();
            var all = MatchExpression.And([.. groups, .. tags]);
            common = tags.Count == 0 && plan.Groups.Min(g => g.EstimatedCount) > words.DocumentCount * 0.1; // SearchService.CommonShare
            ranked = await engine.CandidatesAsync(all, groups, limit, common, cancellationToken);
            counted = all;
            Lap(1);
            var frequent = Math.Max(limit, words.DocumentCount * settings.FrequentShare);
            var terms = plan.WordTerms;
            var selective = terms.Where(t => words.TermCount(t) <= frequent).Select(MatchExpression.Term).ToList();
            if (ranked.Count < limit && terms.Count > 1 && selective.Count > 0)
            {
                var any = MatchExpression.Or(selective);
                var select = tags.Count > 0 ? MatchExpression.And([any, .. tags]) : any;
                common = false;
                var partial = await engine.CandidatesAsync(select, [.. terms.Select(MatchExpression.Term)], limit, common, cancellationToken);
                var full = ranked.Select(r => r.Id).ToHashSet();
                var top = ranked.Count == 0 ? 0 : ranked.Max(r => r.Score);
                ranked.AddRange(partial.Where(p => !full.Contains(p.Id)).Select(p => p with { Score = p.Score - top - 1e6 }));
                counted = select;
                Lap(2);
            }
        }

        if (ranked.Count >= limit && !(plan.MatchesAll && tags.Count == 0) && floor <= settings.CountLimit)
        {
            await engine.CountAsync(counted, settings.CountLimit + 1, common, cancellationToken);
            Lap(3);
        }

        var ids = ranked.Select(r => r.Id).ToList();
        if (ids.Count > 0)
        {
            await db.Innovations.AsNoTracking().Where(i => EF.Parameter(ids).Contains(i.Id) && i.IsPublished)
                .Select(i => new { i.Id, i.ProvinceCode, i.RegencyCode, i.SectorId, i.YearStarted, i.Phase, i.Status, i.AwardCount })
                .ToListAsync(cancellationToken);
            await db.InnovationSdgs.AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.InnovationId)).Select(s => new { s.InnovationId, s.SdgId }).ToListAsync(cancellationToken);
            await db.Awards.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.InnovationId)).Select(a => new { a.InnovationId, a.AwardKindId }).ToListAsync(cancellationToken);
            await db.SourceRecords.AsNoTracking().Where(s => s.InnovationId != null && EF.Parameter(ids).Contains(s.InnovationId.Value)).Select(s => new { Id = s.InnovationId!.Value, s.SourceSystemId }).ToListAsync(cancellationToken);
        }

        Lap(4);
        var pageIds = ranked.OrderByDescending(r => r.Score).ThenByDescending(r => r.Id).Take(query.PageSize).Select(r => r.Id).ToList();
        if (pageIds.Count > 0)
        {
            var items = await db.Innovations.AsNoTracking().Where(i => pageIds.Contains(i.Id) && i.IsPublished)
                .Select(i => new { i.Id, i.Name, i.Acronym, i.ProvinceCode, i.RegencyCode, i.SectorId, i.YearStarted, i.Phase, i.Status, i.AwardCount, i.Provenance, i.Summary, i.Problem, i.Novelty, i.Implementation, i.Impact })
                .ToListAsync(cancellationToken);
            var terms = plan.Terms();
            foreach (var item in items)
            {
                Snippets.Make([item.Summary, item.Problem, item.Novelty, item.Implementation, item.Impact], terms);
            }
        }

        Lap(5);
        return times;
    }
}
