using System.Globalization;
using System.Text;
using System.Text.Json;
using Jippnas.Web.Data;
using Jippnas.Web.Features.Innovations;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Search;

/// <summary>A judged query: the records (as "SOURCE:source_id") that answer it.</summary>
public sealed record RelevanceQuery(string Query, string Kind, IReadOnlyList<string> Relevant)
{
    public static List<RelevanceQuery> ReadJsonLines(TextReader reader)
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        var queries = new List<RelevanceQuery>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var query = JsonSerializer.Deserialize<RelevanceQuery>(line, options);
            if (query is null || string.IsNullOrWhiteSpace(query.Query) || query.Relevant is not { Count: > 0 })
            {
                throw new FormatException($"queries line {number}: needs \"query\", \"kind\" and a non-empty \"relevant\" list.");
            }

            queries.Add(query with { Kind = string.IsNullOrWhiteSpace(query.Kind) ? "other" : query.Kind });
        }

        return queries;
    }
}

public sealed record QueryOutcome(RelevanceQuery Query, double Recall, double ReciprocalRank, IReadOnlyList<string> Top);

public sealed record RelevanceFigures(int Queries, double Recall, double Mrr);

/// <summary>recall@10 and MRR (reciprocal rank of the first relevant result within the top 10), overall and per kind.</summary>
public sealed record RelevanceReport(IReadOnlyList<QueryOutcome> Outcomes)
{
    public const int Depth = 10;

    public RelevanceFigures Overall => Figures(Outcomes);

    public IReadOnlyDictionary<string, RelevanceFigures> ByKind =>
        Outcomes.GroupBy(o => o.Query.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Figures([.. g]), StringComparer.Ordinal);

    public string Format()
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        foreach (var o in Outcomes)
        {
            text.AppendLine(invariant, $"{o.Query.Kind,-9} R@10={o.Recall:0.00} RR={o.ReciprocalRank:0.00}  {o.Query.Query}  → {string.Join(", ", o.Top.Take(3))}");
        }

        text.AppendLine();
        text.AppendLine(invariant, $"{"kind",-9} {"queries",7} {"recall@10",9} {"MRR",6}");
        foreach (var (kind, f) in ByKind)
        {
            text.AppendLine(invariant, $"{kind,-9} {f.Queries,7} {f.Recall,9:0.000} {f.Mrr,6:0.000}");
        }

        var all = Overall;
        text.AppendLine(invariant, $"{"overall",-9} {all.Queries,7} {all.Recall,9:0.000} {all.Mrr,6:0.000}");
        return text.ToString();
    }

    private static RelevanceFigures Figures(IReadOnlyCollection<QueryOutcome> outcomes) =>
        new(outcomes.Count, outcomes.Average(o => o.Recall), outcomes.Average(o => o.ReciprocalRank));
}

/// <summary>
/// Runs judged queries through the product's own search and scores the first ten results. Results outside the
/// judged corpus (the reference innovations every database holds) are passed over: nobody judged them.
/// </summary>
public sealed class RelevanceEvaluation(JippnasDb db, SearchService search)
{
    /// <summary>The "SOURCE:source_id" keys of a corpus file in the exchange format.</summary>
    public static HashSet<string> CorpusKeys(TextReader corpus)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (corpus.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                using var document = JsonDocument.Parse(line);
                keys.Add($"{document.RootElement.GetProperty("source").GetString()}:{document.RootElement.GetProperty("source_id").GetString()}");
            }
        }

        return keys;
    }

    /// <summary>Each innovation's "SOURCE:source_id" keys (what judged sets name records by).</summary>
    public static async Task<Dictionary<int, List<string>>> KeysByInnovationAsync(JippnasDb db, CancellationToken cancellationToken)
    {
        var keys = await db.SourceRecords.AsNoTracking().Where(s => s.InnovationId != null)
            .Select(s => new { s.SourceSystem!.Code, s.ExternalId, Id = s.InnovationId!.Value })
            .ToListAsync(cancellationToken);
        return keys.GroupBy(k => k.Id).ToDictionary(g => g.Key, g => g.Select(k => $"{k.Code}:{k.ExternalId}").ToList());
    }

    public async Task<RelevanceReport> RunAsync(IReadOnlyList<RelevanceQuery> queries, IReadOnlySet<string> judged, CancellationToken cancellationToken)
    {
        var keyOf = await KeysByInnovationAsync(db, cancellationToken);
        var outcomes = new List<QueryOutcome>();
        foreach (var query in queries)
        {
            var result = await search.SearchAsync(new SearchQuery(query.Query, new InnovationFilter(PageSize: RelevanceReport.Depth * 3)), cancellationToken);
            var top = result.Hits.Select(h => keyOf.GetValueOrDefault(h.Item.Id) ?? [$"#{h.Item.Id}"])
                .Where(keys => keys.Any(judged.Contains)).Take(RelevanceReport.Depth).ToList();
            var relevant = query.Relevant.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var found = relevant.Count(r => top.Any(t => t.Contains(r, StringComparer.OrdinalIgnoreCase)));
            var firstRank = top.FindIndex(t => t.Any(relevant.Contains));
            outcomes.Add(new QueryOutcome(query, (double)found / relevant.Count, firstRank < 0 ? 0 : 1.0 / (firstRank + 1), [.. top.Select(t => t[0])]));
        }

        return new RelevanceReport(outcomes);
    }
}
