using Jippnas.Web.Features.Search.Analysis;

namespace Jippnas.Web.Features.Search;

/// <summary>
/// One need of the query: a word with its typo corrections, or a phrase with its synonyms, acronyms and
/// translations. A record answers the need when it contains every term of any one alternative.
/// </summary>
public sealed record QueryGroup(string Text, IReadOnlyList<string[]> Alternatives, int EstimatedCount);

/// <summary>What the analysed query asks for, and what the planner did to it (shown to the user).</summary>
public sealed record SearchPlan(
    IReadOnlyList<QueryGroup> Groups,
    IReadOnlyList<(string Written, string Corrected)> Corrections,
    IReadOnlyList<string> Expansions,
    bool Truncated)
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

        var groups = new List<QueryGroup>();
        var expansions = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count;)
        {
            var phrase = LongestSynonym(words, i, vocabulary);
            if (phrase is null)
            {
                var alternatives = words[i].Terms.Select(t => new[] { t }).ToList();
                Add(groups, seen, words[i].Text, alternatives, vocabulary);
                i++;
                continue;
            }

            var span = phrase.Terms.Length;
            var text = string.Join(' ', words.Skip(i).Take(span).Select(w => w.Text));
            var group = new List<string[]> { phrase.Terms };
            group.AddRange(phrase.Group.Where(p => !p.SequenceEqual(phrase.Terms)));
            expansions.AddRange(phrase.Group.Where(p => !p.SequenceEqual(phrase.Terms)).Select(p => string.Join(' ', p)));
            Add(groups, seen, text, group, vocabulary);
            i += span;
        }

        return new SearchPlan(groups, corrections, expansions, truncated);
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

    // The longest synonym phrase starting at word i, matching any of each word's candidate terms.
    private static SynonymPhrase? LongestSynonym(List<(string Text, string[] Terms)> words, int i, VocabularySnapshot vocabulary)
    {
        SynonymPhrase? best = null;
        foreach (var first in words[i].Terms)
        {
            foreach (var phrase in vocabulary.PhrasesStartingWith(first))
            {
                if (phrase.Terms.Length > words.Count - i || (best is not null && phrase.Terms.Length <= best.Terms.Length))
                {
                    continue;
                }

                var matches = true;
                for (var k = 1; k < phrase.Terms.Length && matches; k++)
                {
                    matches = words[i + k].Terms.Contains(phrase.Terms[k], StringComparer.Ordinal);
                }

                if (matches)
                {
                    best = phrase;
                }
            }
        }

        return best;
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
