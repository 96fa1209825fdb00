using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Replication;

/// <summary>
/// A real replication (bench/matching/cases.jsonl): the need of the adopting region in its words, the region's code, the
/// origin innovation that answered it ("SOURCE:source_id" in the corpus) and the sector an official would pick.
/// </summary>
public sealed record MatchCase(
    [property: JsonPropertyName("need")] string Need,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("sector")] string? Sector,
    [property: JsonPropertyName("adopter")] string? Adopter)
{
    /// <summary>Reads the cases, one JSON object a line; a line without a need, a region code or an origin is refused by its number.</summary>
    public static List<MatchCase> ReadJsonLines(TextReader reader)
    {
        var cases = new List<MatchCase>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            MatchCase? item;
            try
            {
                item = JsonSerializer.Deserialize<MatchCase>(line);
            }
            catch (JsonException exception)
            {
                throw new FormatException($"cases line {number}: not a JSON object ({exception.Message}).", exception);
            }

            if (item is null || string.IsNullOrWhiteSpace(item.Need) || string.IsNullOrWhiteSpace(item.Origin)
                || item.Region is null || !(Domain.Region.IsProvinceCode(item.Region) || Domain.Region.IsRegencyCode(item.Region)))
            {
                throw new FormatException($"cases line {number}: needs \"need\", \"origin\" and \"region\" (a province or regency/city code such as 33 or 35.01).");
            }

            cases.Add(item);
        }

        return cases;
    }
}

/// <summary>Where the true origin of one case came among the judged suggestions (0 when not in the first ten).</summary>
public sealed record MatchOutcome(MatchCase Case, int Rank, IReadOnlyList<string> Top);

/// <summary>recall@10 (share of cases whose origin is among the first ten suggestions) and MRR, with and without the sector.</summary>
public sealed record MatchingReport(IReadOnlyList<MatchOutcome> WithSector, IReadOnlyList<MatchOutcome> WithoutSector)
{
    public const int Depth = 10;

    public static double Recall(IReadOnlyList<MatchOutcome> outcomes) => outcomes.Count == 0 ? 0 : outcomes.Count(o => o.Rank > 0) / (double)outcomes.Count;

    public static double Mrr(IReadOnlyList<MatchOutcome> outcomes) => outcomes.Count == 0 ? 0 : outcomes.Average(o => o.Rank > 0 ? 1.0 / o.Rank : 0);

    public string Format()
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        foreach (var (with, without) in WithSector.Zip(WithoutSector))
        {
            text.AppendLine(invariant, $"{Rank(with.Rank),4} {Rank(without.Rank),4}  {with.Case.Region,-5} {with.Case.Origin,-22} {with.Case.Need}  → {string.Join(", ", with.Top.Take(3))}");
        }

        text.AppendLine();
        text.AppendLine(invariant, $"{"",-16} {"cases",5} {"recall@10",9} {"MRR",6}");
        text.AppendLine(invariant, $"{"with sector",-16} {WithSector.Count,5} {Recall(WithSector),9:0.000} {Mrr(WithSector),6:0.000}");
        text.AppendLine(invariant, $"{"without sector",-16} {WithoutSector.Count,5} {Recall(WithoutSector),9:0.000} {Mrr(WithoutSector),6:0.000}");
        return text.ToString();
    }

    private static string Rank(int rank) => rank > 0 ? $"#{rank}" : "—";
}

/// <summary>
/// Runs real replication cases through the product's matching (<see cref="MatchingService"/>): each adopter's need and
/// region, once with the sector and once without, and where the true origin came among the first ten suggestions.
/// Suggestions outside the judged corpus (the reference innovations every database holds) are passed over, as in the
/// search relevance evaluation.
/// </summary>
public sealed class MatchingEvaluation(JippnasDb db, MatchingService matching)
{
    public async Task<MatchingReport> RunAsync(IReadOnlyList<MatchCase> cases, IReadOnlySet<string> judged, CancellationToken cancellationToken)
    {
        var keyOf = await RelevanceEvaluation.KeysByInnovationAsync(db, cancellationToken);
        var sectors = await db.Sectors.ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var unknown = cases.Where(c => !judged.Contains(c.Origin)).Select(c => c.Origin).ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException($"cases name origins the corpus does not hold: {string.Join(", ", unknown.Distinct())}.");
        }

        var withSector = new List<MatchOutcome>();
        var withoutSector = new List<MatchOutcome>();
        foreach (var item in cases)
        {
            int? sector = item.Sector is null ? null : sectors.TryGetValue(item.Sector, out var id) ? id : throw new FormatException($"case {item.Origin} in {item.Region}: sector '{item.Sector}' is not known.");
            withSector.Add(await OutcomeAsync(item, sector));
            withoutSector.Add(await OutcomeAsync(item, null));
        }

        return new MatchingReport(withSector, withoutSector);

        async Task<MatchOutcome> OutcomeAsync(MatchCase item, int? sector)
        {
            var suggestions = await matching.SuggestAsync(new MatchRequest(item.Need, sector, item.Region), cancellationToken, MatchingReport.Depth * 3);
            var top = suggestions.Select(s => keyOf.GetValueOrDefault(s.Id) ?? [$"#{s.Id}"])
                .Where(k => k.Any(judged.Contains)).Take(MatchingReport.Depth).ToList();
            var rank = top.FindIndex(k => k.Contains(item.Origin, StringComparer.OrdinalIgnoreCase)) + 1;
            return new MatchOutcome(item, rank, [.. top.Select(k => k[0])]);
        }
    }
}
