using System.Globalization;
using Jippnas.Web.Features.Search.Analysis;

namespace Jippnas.Web.Features.Duplicates;

/// <summary>The synonym and acronym groups of the search (synonyms.txt), as term sequences: "bumil" and "ibu hamil" meet.</summary>
internal sealed class Synonyms
{
    private static readonly Lazy<Synonyms> SharedInstance = new(() => new Synonyms(SynonymSeed.Read().Select(g => g.Phrases)));

    private readonly Dictionary<string, (string Group, bool Generic)> phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> longestFrom = new(StringComparer.Ordinal);

    private Synonyms(IEnumerable<string> groups)
    {
        var keys = groups.Select(g => g.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => string.Join(' ', IndonesianAnalyzer.Shared.Terms(p))).Where(k => k.Length > 0).Distinct().ToList()).ToList();

        // Groups that share a phrase are one group ("ibu hamil" is in "bumil | ibu hamil" and "ibu hamil | kehamilan").
        var parent = Enumerable.Range(0, keys.Count).ToArray();
        int Root(int g) => parent[g] == g ? g : parent[g] = Root(parent[g]);
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < keys.Count; g++)
        {
            foreach (var key in keys[g])
            {
                if (owner.TryGetValue(key, out var other))
                {
                    parent[Root(g)] = Root(other);
                }
                else
                {
                    owner[key] = g;
                }
            }
        }

        // A group with a phrase of generic words only ("online", "layanan online") is itself generic.
        var generic = owner.Where(o => o.Key.Split(' ').All(Tokens.IsGeneric)).Select(o => Root(o.Value)).ToHashSet();
        foreach (var (key, g) in owner)
        {
            var root = Root(g);
            phrases[key] = ("≈" + root.ToString(CultureInfo.InvariantCulture), generic.Contains(root));
        }

        foreach (var key in phrases.Keys)
        {
            var terms = key.Split(' ');
            longestFrom[terms[0]] = Math.Max(terms.Length, longestFrom.GetValueOrDefault(terms[0]));
        }
    }

    public static Synonyms Shared => SharedInstance.Value;

    /// <summary>The tokens as terms, each phrase of a group (longest first) replaced by the group.</summary>
    public Term[] Apply(List<AnalyzedToken> tokens)
    {
        var terms = new List<Term>(tokens.Count);
        for (var i = 0; i < tokens.Count;)
        {
            var matched = 0;
            for (var length = Math.Min(longestFrom.GetValueOrDefault(tokens[i].Term), tokens.Count - i); length >= 1; length--)
            {
                var key = length == 1 ? tokens[i].Term : string.Join(' ', tokens.GetRange(i, length).Select(t => t.Term));
                if (phrases.TryGetValue(key, out var group))
                {
                    // "SP4N-LAPOR" is one thing named twice.
                    if (terms.Count > 0 && terms[^1].Stem == group.Group)
                    {
                        matched = length;
                        break;
                    }

                    var word = length == 1 ? tokens[i].Word : string.Join(' ', tokens.GetRange(i, length).Select(t => t.Word));
                    terms.Add(new Term(word, group.Group, Tokens.WeightOf(group.Generic)));
                    matched = length;
                    break;
                }
            }

            if (matched == 0)
            {
                terms.Add(new Term(tokens[i].Word, tokens[i].Term, Tokens.WeightOf(Tokens.IsGeneric(tokens[i].Term))));
                matched = 1;
            }

            i += matched;
        }

        return [.. terms];
    }
}
