using Jippnas.Web.Features.Search.Analysis;

namespace Jippnas.Web.Features.Search;

/// <summary>
/// One need of the query: a word with its typo corrections, or a phrase with its synonyms, acronyms and
/// translations. A record answers the need when it contains every term of any one alternative.
/// </summary>
public sealed record QueryGroup(string Text, IReadOnlyList<string[]> Alternatives, int EstimatedCount);

/// <summary>What the analysed query asks for, and what the planner did to it (shown to the user).</summary>
/// <param name="WordTerms">
/// The terms of the words as typed that records use (with their typo corrections) and their one-word synonyms:
/// what a record with only some of the words is found by. Words of multi-word expansions are left out, so
/// "AKI" does not bring every record that mentions "ibu" — unless no record uses the typed words (English).
/// </param>
public sealed record SearchPlan(
    IReadOnlyList<QueryGroup> Groups,
    IReadOnlyList<(string Written, string Corrected)> Corrections,
    IReadOnlyList<string> Expansions,
    bool Truncated,
    IReadOnlyList<string> WordTerms)
{
    public bool MatchesAll => Groups.Count == 0;

    /// <summary>Every term a result may contain because of this query: what snippets highlight.</summary>
    public HashSet<string> Terms() =>
        [.. Groups.SelectMany(g => g.Alternatives).SelectMany(a => a)];
}

/// <summary>Builds a <see cref="SearchPlan"/> from the words a user typed.</summary>
public static class SearchPlanner
{
    public const int MaxTerms = 32;

    public static SearchPlan Plan(string? query, VocabularySnapshot vocabulary, IndonesianAnalyzer analyzer)
    {
        var tokens = new List<AnalyzedToken>();
        analyzer.Analyze(query, tokens);
        var truncated = tokens.Count > MaxTerms;
        if (truncated)
        {
            tokens.RemoveRange(MaxTerms, tokens.Count - MaxTerms);
        }

        // Words the index does not know are checked for typos before synonyms are looked up, so that
        // "pernikahn dini" still meets its synonym group.
        var corrections = new List<(string, string)>();
        var words = new List<(string Text, string[] Terms)>();
        foreach (var token in tokens)
        {
            if (vocabulary.Knows(token.Word) || vocabulary.KnowsTerm(token.Term) || !IsLetters(token.Word))
            {
                words.Add((token.Word, [token.Term]));
                continue;
            }

            var found = vocabulary.Corrections(token.Word);
            if (found.Count == 0)
            {
                words.Add((token.Word, [token.Term]));
                continue;
            }

            corrections.Add((token.Word, found[0].Word));
            words.Add((token.Word, [.. found.Select(f => f.Stem).Prepend(token.Term).Distinct()]));
        }

        // Synonym phrases may overlap ("anak putus sekolah" and "putus sekolah"): a run of words covered by
        // overlapping phrases becomes one group whose alternatives are every way of reading it.
        var matches = SynonymMatches(words, vocabulary);
        var wordTerms = new List<string>();
        var groups = new List<QueryGroup>();
        var expansions = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count;)
        {
            var end = i + 1;
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var match in matches.Where(m => m.Start >= i && m.Start < end && m.End > end))
                {
                    end = match.End;
                    grew = true;
                }
            }

            var span = matches.Where(m => m.Start >= i && m.End <= end).ToList();
            var text = string.Join(' ', words.Skip(i).Take(end - i).Select(w => w.Text));
            var alternatives = Readings(words, i, end, span);
            // Shown to the user as the groups write them ("angka kematian ibu", not its terms).
            expansions.AddRange(span.SelectMany(m => m.Phrase.Group.Select((terms, k) => (terms, k))
                .Where(p => !p.terms.SequenceEqual(m.Phrase.Terms)).Select(p => m.Phrase.Texts[p.k])));
            // Words the records use stand for themselves; a span of words no record uses (English, say) stands
            // for the words of its translations.
            var known = words.Skip(i).Take(end - i).SelectMany(w => w.Terms).Where(vocabulary.KnowsTerm).ToList();
            wordTerms.AddRange(known.Count > 0
                ? known.Concat(alternatives.Where(a => a.Length == 1).Select(a => a[0]))
                : alternatives.SelectMany(a => a));
            Add(groups, seen, text, alternatives, vocabulary);
            i = end;
        }

        return new SearchPlan(groups, corrections, [.. expansions.Distinct(StringComparer.OrdinalIgnoreCase)], truncated, [.. wordTerms.Distinct(StringComparer.Ordinal)]);
    }

    private static void Add(List<QueryGroup> groups, HashSet<string> seen, string text, List<string[]> alternatives, VocabularySnapshot vocabulary)
    {
        // A repeated word adds nothing but cost.
        var key = string.Join('|', alternatives.Select(a => string.Join(' ', a)));
        if (!seen.Add(key))
        {
            return;
        }

        var estimate = 0L;
        foreach (var alternative in alternatives)
        {
            estimate += alternative.Min(vocabulary.TermCount);
        }

        groups.Add(new QueryGroup(text, alternatives, (int)Math.Min(estimate, vocabulary.DocumentCount)));
    }

    private sealed record Match(int Start, int End, SynonymPhrase Phrase);

    // Every synonym phrase found in the words, at every position (matching any of a word's candidate terms).
    private static List<Match> SynonymMatches(List<(string Text, string[] Terms)> words, VocabularySnapshot vocabulary)
    {
        var matches = new List<Match>();
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var first in words[i].Terms)
            {
                foreach (var phrase in vocabulary.PhrasesStartingWith(first))
                {
                    if (phrase.Terms.Length > words.Count - i)
                    {
                        continue;
                    }

                    var found = true;
                    for (var k = 1; k < phrase.Terms.Length && found; k++)
                    {
                        found = words[i + k].Terms.Contains(phrase.Terms[k], StringComparer.Ordinal);
                    }

                    if (found)
                    {
                        matches.Add(new Match(i, i + phrase.Terms.Length, phrase));
                    }
                }
            }
        }

        return matches;
    }

    // The readings of words [start, end): each word as itself (or its corrections), or a run of words replaced
    // by any phrase of a synonym group it matches. Readings are term sequences, required together.
    private static List<string[]> Readings(List<(string Text, string[] Terms)> words, int start, int end, List<Match> matches)
    {
        const int maxReadings = 24;
        var prefixes = new List<string[]>[end - start + 1];
        prefixes[0] = [[]];
        for (var k = start + 1; k <= end; k++)
        {
            var here = new List<string[]>();
            foreach (var before in prefixes[k - 1 - start])
            {
                here.AddRange(words[k - 1].Terms.Select(t => (string[])[.. before, t]));
            }

            foreach (var match in matches.Where(m => m.End == k && m.Start >= start))
            {
                foreach (var before in prefixes[match.Start - start])
                {
                    here.AddRange(match.Phrase.Group.Select(p => (string[])[.. before, .. p]));
                }
            }

            prefixes[k - start] = [.. here.DistinctBy(r => string.Join(' ', r)).Take(maxReadings)];
        }

        return [.. prefixes[end - start].Select(r => r.Distinct().ToArray()).DistinctBy(r => string.Join(' ', r))];
    }

    private static bool IsLetters(string word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }
}
