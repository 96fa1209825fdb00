using System.Diagnostics;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Search.Analysis;
using Jippnas.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jippnas.Web.Features.Search;

public sealed class SearchOptions
{
    /// <summary>At most this many matches are ranked, faceted and paged per query (the first in record order when there are more).</summary>
    public int CandidateLimit { get; set; } = 500;

    /// <summary>
    /// Exact result counts go this far; beyond it the page says "more than". Counting costs a walk of the matches
    /// (and on PostgreSQL a visit to each matching row): 10,000 cost 20–50 ms at 1,000,000 innovations, 1,000 a tenth.
    /// </summary>
    public int CountLimit { get; set; } = 1_000;

    /// <summary>A word in more than this share of innovations only ranks results; it never selects them on its own.</summary>
    public double FrequentShare { get; set; } = 0.05;

    /// <summary>How long an innovation page waits for a "similar innovations" list not computed yet (then it shows without one).</summary>
    public int SimilarWaitMilliseconds { get; set; } = 40;

    /// <summary>How many "similar innovations" lists are computed at once at most (the rest wait for a later view).</summary>
    public int SimilarWorkers { get; set; } = 2;
}

public sealed record SearchHit(InnovationListItem Item, string? Snippet, double Score);

public sealed record FacetCount(string Key, int Count);

public sealed record SearchResult(
    SearchQuery Query,
    SearchPlan Plan,
    IReadOnlyList<SearchHit> Hits,
    int Total,
    bool TotalIsLowerBound,
    bool FacetsFromTop,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    int Ranked)
{
    /// <summary>Every ranked result's id, in the order of the pages (what an export of the result writes).</summary>
    public IReadOnlyList<int> Order { get; init; } = [];

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Ranked / (double)Query.PageSize));
}

/// <summary>
/// Runs a search: plans the words, selects a bounded set of candidates from the index (every word required
/// first, then any selective word), ranks and facets that set, and loads the page with snippets.
/// </summary>
public sealed class SearchService(JippnasDb db, SearchVocabulary vocabulary, SimilarCache similar, IOptions<SearchOptions> options)
{
    // A selection estimated to match more than this share of all records is read by walking the records in
    // order (it finds its matches at once); rarer ones are read from the full-text index.
    private const double CommonShare = 0.1;
    private readonly SearchOptions settings = options.Value;

    /// <param name="query">What to search for.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <param name="timings">When given, receives the time of each step (the search benchmark's breakdown).</param>
    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken, SearchTimings? timings = null)
    {
        var words = await vocabulary.GetAsync(cancellationToken);
        var plan = SearchPlanner.Plan(query.Q, words, IndonesianAnalyzer.Shared);
        var engine = SearchEngine.For(db, words);
        var tags = query.Tags().Select(MatchExpression.Term).ToList();
        var limit = settings.CandidateLimit;
        var floor = Floor(plan, tags.Count, words);
        // Counted only when the candidates are capped, and not at all when the vocabulary proves the count past the limit.
        engine.CountAlong = (plan.MatchesAll && tags.Count == 0) || floor > settings.CountLimit ? 0 : settings.CountLimit + 1;
        timings?.Lap(SearchStep.Plan);

        List<ScoredId> ranked;
        MatchExpression counted;
        MatchExpression? countFirst = null;
        bool common;
        if (plan.MatchesAll)
        {
            counted = tags.Count > 0 ? MatchExpression.And(tags) : MatchExpression.Term(SearchTags.All);
            common = tags.Count == 0;
            ranked = await engine.CandidatesAsync(counted, [], limit, common, cancellationToken);
            timings?.Lap(SearchStep.Candidates);
        }
        else
        {
            var groups = plan.Groups.Select(MatchExpression.Group).ToList();
            var all = MatchExpression.And([.. groups, .. tags]);
            var frequent = Math.Max(limit, words.DocumentCount * settings.FrequentShare);
            // A filter makes even a common word selective: the index intersects the two cheaply.
            common = tags.Count == 0 && plan.Groups.Min(g => g.EstimatedCount) > words.DocumentCount * CommonShare;
            // Multi-word expansions ("balita" → "bayi anak bawah lima tahun") make the index read every record list of
            // their words, common ones included. Records that name each need in one word are read first; the
            // expansions only when those are fewer than are ranked (past that they would only displace them).
            var single = SingleWords(plan);
            if (single is not null)
            {
                var first = MatchExpression.And([.. single, .. tags]);
                ranked = await engine.CandidatesAsync(first, groups, limit, common, cancellationToken);
                countFirst = ranked.Count >= limit ? first : null;
                if (ranked.Count < limit)
                {
                    ranked = await engine.CandidatesAsync(all, groups, limit, common, cancellationToken);
                }
            }
            else
            {
                ranked = await engine.CandidatesAsync(all, groups, limit, common, cancellationToken);
            }

            timings?.Lap(SearchStep.Candidates);
            counted = all;
            // Then records with only some of the words (any selective word of any reading), below those with all.
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
                countFirst = null;
                timings?.Lap(SearchStep.Partial);
            }
        }

        var capped = ranked.Count >= limit;
        var total = !capped ? ranked.Count
            : plan.MatchesAll && tags.Count == 0 ? await db.CountAsync(Tally.Total, "all", cancellationToken)
            : floor > settings.CountLimit || !query.Counted ? settings.CountLimit + 1
            : await CountAsync(engine, countFirst, counted, common, cancellationToken);
        var exact = !capped || (plan.MatchesAll && tags.Count == 0);
        timings?.Lap(SearchStep.Count);
        var facts = await SearchFacts.LoadAsync(db, ranked.Select(r => r.Id).ToList(), cancellationToken);
        var order = Order(ranked, facts, query.Sort, plan.MatchesAll);
        timings?.Lap(SearchStep.Facts);
        var pageIds = order.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        var hits = await SearchFacts.HitsAsync(db, pageIds, plan, cancellationToken);
        timings?.Lap(SearchStep.Page);
        return new SearchResult(
            query, plan, hits,
            exact ? total : Math.Min(total, settings.CountLimit), !exact && total > settings.CountLimit,
            capped, facts.Facets(), order.Count) { Order = order };
    }

    /// <summary>Innovations like this one: its most distinctive words, searched for among all others.</summary>
    public async Task<IReadOnlyList<SearchHit>> SimilarAsync(int id, int count, CancellationToken cancellationToken)
    {
        var ids = await similar.GetAsync(id, (services, stopping) => services.GetRequiredService<SearchService>().SimilarIdsAsync(id, count + 3, stopping), cancellationToken);
        return ids is null ? [] : (await SearchFacts.HitsAsync(db, [.. ids], plan: null, cancellationToken)).Take(count).ToList();
    }

    // A few spare ids, so that the list stays full when some of them are unpublished before the cache expires.
    private async Task<IReadOnlyList<int>> SimilarIdsAsync(int id, int count, CancellationToken cancellationToken)
    {
        var words = await vocabulary.GetAsync(cancellationToken);
        var source = (await SearchSources.ByIdsAsync(db, [id], cancellationToken)).FirstOrDefault();
        if (source is null)
        {
            return [];
        }

        var document = SearchDocument.Build(source, IndonesianAnalyzer.Shared);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        double[] fieldWeight = [3, 1, 2, 1];

        // Words in a third of all records say little about this one; a small base keeps them all but the universal.
        var common = words.DocumentCount < 30 ? words.DocumentCount - 1 : words.DocumentCount / 3;
        for (var field = 0; field < SearchDocument.FieldCount; field++)
        {
            foreach (var token in document.Fields[field])
            {
                var df = words.TermCount(token.Term);
                if (df >= 2 && df <= common)
                {
                    weights[token.Term] = weights.GetValueOrDefault(token.Term) + (fieldWeight[field] * Math.Log((double)words.DocumentCount / df));
                }
            }
        }

        var terms = weights.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(12).Select(w => MatchExpression.Term(w.Key)).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var any = MatchExpression.Or(terms);
        var ranked = await SearchEngine.For(db, words).CandidatesAsync(any, [any], settings.CandidateLimit, common: false, cancellationToken);
        return [.. ranked.Where(r => r.Id != id).OrderByDescending(r => r.Score).ThenByDescending(r => r.Id).Take(count).Select(r => r.Id)];
    }

    // Counts the matches as far as the count limit: by the one-word reading first when it was what found the
    // candidates (cheaper), and by the whole query only when that stays within the limit.
    private async Task<int> CountAsync(SearchEngine engine, MatchExpression? first, MatchExpression all, bool common, CancellationToken cancellationToken)
    {
        var bound = settings.CountLimit + 1;
        if (first is not null && await engine.CountAsync(first, bound, common, cancellationToken) >= bound)
        {
            return bound;
        }

        return await engine.CountAsync(all, bound, common, cancellationToken);
    }

    // Each need by its one-word alternatives (the word as written, its corrections and one-word synonyms), when some
    // need also has multi-word ones; null when there is nothing to leave out.
    private static List<MatchExpression>? SingleWords(SearchPlan plan)
    {
        var changed = false;
        var groups = new List<MatchExpression>(plan.Groups.Count);
        foreach (var group in plan.Groups)
        {
            var single = group.Alternatives.Where(a => a.Length == 1).ToList();
            var keep = single.Count > 0 && single.Count < group.Alternatives.Count;
            changed |= keep;
            groups.Add(MatchExpression.Group(keep ? group with { Alternatives = single } : group));
        }

        return changed ? groups : null;
    }

    // A one-need search without filters matches at least as many records as its most frequent word: when that
    // is past the count limit, counting (tens of milliseconds for a common word) says nothing new.
    private static int Floor(SearchPlan plan, int tags, VocabularySnapshot words) =>
        plan.Groups.Count == 1 && tags == 0
            ? plan.Groups[0].Alternatives.Where(a => a.Length == 1).Select(a => words.TermFloor(a[0])).DefaultIfEmpty(0).Max()
            : 0;

    private static List<int> Order(List<ScoredId> ranked, SearchFacts facts, SearchSort sort, bool matchesAll)
    {
        IEnumerable<ScoredId> order = (sort, matchesAll) switch
        {
            (SearchSort.Newest, _) => ranked.OrderByDescending(r => facts.Year(r.Id) ?? 0).ThenByDescending(r => r.Id),
            (SearchSort.Awarded, _) => ranked.OrderByDescending(r => facts.Awards(r.Id)).ThenByDescending(r => r.Score).ThenByDescending(r => r.Id),
            (SearchSort.Replicated, _) => ranked.OrderByDescending(r => facts.Replications(r.Id)).ThenByDescending(r => r.Score).ThenByDescending(r => facts.Awards(r.Id)).ThenByDescending(r => r.Id),
            (SearchSort.Relevance, true) => ranked.OrderByDescending(r => facts.Awards(r.Id)).ThenByDescending(r => facts.Replications(r.Id)).ThenBy(r => facts.Status(r.Id) == InnovationStatus.Running ? 0 : 1).ThenByDescending(r => r.Id),
            (SearchSort.Relevance, false) => ranked.OrderByDescending(r => r.Score).ThenByDescending(r => facts.Replications(r.Id)).ThenByDescending(r => facts.Awards(r.Id)).ThenByDescending(r => r.Id),
        };
        return [.. order.Select(r => r.Id)];
    }
}

public enum SearchStep
{
    Plan,
    Candidates,
    Partial,
    Count,
    Facts,
    Page,
}

/// <summary>Milliseconds spent in each <see cref="SearchStep"/> of one or more searches (for the search benchmark).</summary>
public sealed class SearchTimings
{
    private long lap = Stopwatch.GetTimestamp();

    public double[] Milliseconds { get; } = new double[Enum.GetValues<SearchStep>().Length];

    /// <summary>Adds the time since the previous lap (or since creation) to <paramref name="step"/>.</summary>
    public void Lap(SearchStep step)
    {
        var now = Stopwatch.GetTimestamp();
        Milliseconds[(int)step] += Stopwatch.GetElapsedTime(lap, now).TotalMilliseconds;
        lap = now;
    }
}
