using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Features.Search;
using Jippnas.Web.Features.Search.Analysis;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Bench.Search;

/// <summary>One query of a class, with what makes it belong there (document counts of its words).</summary>
public sealed record PickedQuery(string Text, string Note);

public sealed record QueryClass(string Name, string Description, IReadOnlyList<PickedQuery> Queries);

public sealed record FilterValues(IReadOnlyList<string> Provinces, IReadOnlyList<(string Code, int Id)> Sectors);

/// <summary>
/// Picks the concrete query words of each class from <c>search_words</c> by document count, so every run on
/// every database asks the same kind of question whatever words the data happens to have.
/// </summary>
public static class QuerySets
{
    public static async Task<(List<QueryClass> Classes, FilterValues Filters)> PickAsync(JippnasDb db, VocabularySnapshot vocabulary, int count, CancellationToken cancellationToken)
    {
        var n = vocabulary.DocumentCount;
        var rows = await db.SearchWords.AsNoTracking().Select(w => new { w.Word, w.Stem, w.DocumentCount }).ToListAsync(cancellationToken);
        // The planner estimates by term (several words may share one stem): a word belongs to a class only when
        // both its own count and its term's count fall in the class's range.
        var words = rows.Where(r => Plain(r.Word))
            .Select(r => new Word(r.Word, r.DocumentCount, vocabulary.TermCount(r.Stem)))
            .ToDictionary(w => w.Text, StringComparer.Ordinal);
        bool Between(Word w, double low, double high) => w.Count >= low && w.Count <= high && w.TermCount >= low && w.TermCount <= high;

        var common = Spread(words.Values.Where(w => Between(w, 0.5 * n, n)).OrderByDescending(w => w.Count).ThenBy(w => w.Text, StringComparer.Ordinal).ToList(), count);
        var mid = Spread(words.Values.Where(w => Between(w, 0.01 * n, 0.05 * n)).OrderByDescending(w => w.Count).ThenBy(w => w.Text, StringComparer.Ordinal).ToList(), count);
        var rareRange = words.Values.Where(w => w.Text.Length >= 5 && Between(w, 2, 10)).ToList();
        if (rareRange.Count < count)
        {
            rareRange = [.. words.Values.Where(w => w.Text.Length >= 5 && Between(w, 1, 10))];
        }

        var rare = Spread(rareRange.OrderByDescending(w => w.Count).ThenBy(w => w.Text, StringComparer.Ordinal).ToList(), count);
        var multi = await MultiWordAsync(db, words, n, count, cancellationToken);

        var provinces = await db.Tallies.AsNoTracking().Where(t => t.Dimension == Tally.Province && t.Key != "-" && t.Count > 0)
            .OrderBy(t => t.Key).Select(t => t.Key).ToListAsync(cancellationToken);
        var sectorKeys = await db.Tallies.AsNoTracking().Where(t => t.Dimension == Tally.Sector && t.Key != "-" && t.Count > 0)
            .Select(t => t.Key).ToListAsync(cancellationToken);
        var sectorIds = sectorKeys.Select(k => int.Parse(k, CultureInfo.InvariantCulture)).ToHashSet();
        var sectors = await db.Sectors.AsNoTracking().Where(s => sectorIds.Contains(s.Id)).OrderBy(s => s.Id).Select(s => new { s.Code, s.Id }).ToListAsync(cancellationToken);

        string Note(Word w) => string.Create(CultureInfo.InvariantCulture, $"{w.Count:N0} docs ({100.0 * w.Count / n:0.###}%)");
        List<QueryClass> classes =
        [
            new("common", "one very common word (in ≥ 50% of records)", [.. common.Select(w => new PickedQuery(w.Text, Note(w)))]),
            new("mid", "one mid-frequency word (in 1–5% of records)", [.. mid.Select(w => new PickedQuery(w.Text, Note(w)))]),
            new("multi", "2–4 words of one record: a common word and 1–3 words in 0.2–5% of records", multi),
            new("rare", "one rare word: a brand name or acronym in a handful of records", [.. rare.Select(w => new PickedQuery(w.Text, Note(w)))]),
        ];
        return (classes, new FilterValues(provinces, [.. sectors.Select(s => (s.Code, s.Id))]));
    }

    // 2–4 words as a person who read one record might type them: its common word first, then its less common words.
    private static async Task<List<PickedQuery>> MultiWordAsync(JippnasDb db, Dictionary<string, Word> words, int n, int count, CancellationToken cancellationToken)
    {
        var low = await db.Innovations.MinAsync(i => (int?)i.Id, cancellationToken) ?? 0;
        var high = await db.Innovations.MaxAsync(i => (int?)i.Id, cancellationToken) ?? 0;
        var ids = Enumerable.Range(0, count * 3).Select(i => low + (int)((long)(high - low) * ((2 * i) + 1) / (6 * count))).ToList();
        var records = await db.Innovations.AsNoTracking().Where(i => ids.Contains(i.Id)).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Name, i.Summary }).ToListAsync(cancellationToken);
        var picked = new List<PickedQuery>();
        foreach (var record in records)
        {
            var size = 2 + (picked.Count % 3);
            var tokens = new List<AnalyzedToken>();
            IndonesianAnalyzer.Shared.Analyze(record.Name + ". " + record.Summary, tokens);
            var known = tokens.Select(t => t.Word).Distinct(StringComparer.Ordinal).Where(words.ContainsKey).Select(w => words[w]).ToList();
            var first = known.FirstOrDefault(w => w.Count >= 0.5 * n && w.TermCount >= 0.5 * n);
            var rest = known.Where(w => w.Count >= 0.002 * n && w.Count <= 0.05 * n && w.TermCount <= 0.05 * n).Take(size - 1).ToList();
            if (first is null || rest.Count < size - 1)
            {
                continue;
            }

            var chosen = rest.Prepend(first).ToList();
            picked.Add(new PickedQuery(
                string.Join(' ', chosen.Select(w => w.Text)),
                string.Create(CultureInfo.InvariantCulture, $"record {record.Id}; docs {string.Join(" / ", chosen.Select(w => w.Count.ToString("N0", CultureInfo.InvariantCulture)))}")));
            if (picked.Count == count)
            {
                break;
            }
        }

        return picked;
    }

    private static List<Word> Spread(List<Word> sorted, int count)
    {
        if (sorted.Count <= count)
        {
            return sorted;
        }

        if (count == 1)
        {
            return [sorted[sorted.Count / 2]];
        }

        return [.. Enumerable.Range(0, count).Select(i => sorted[(int)((long)i * (sorted.Count - 1) / (count - 1))])];
    }

    private static bool Plain(string word) => word.Length >= 4 && word != "sintetis" && word.All(c => c is >= 'a' and <= 'z');

    private sealed record Word(string Text, int Count, int TermCount);
}
