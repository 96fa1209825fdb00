namespace Jippnas.Web.Features.Duplicates;

/// <summary>Names taken apart: parentheses, a head before a colon or dash, words.</summary>
internal static class NameText
{
    private const int MaxAcronymCharacters = 16;

    /// <summary>The name without parenthesised parts, those parts, and the part before ":" or " - " if any.</summary>
    public static (string Outside, List<string> Parentheses, string? Head) Split(string name)
    {
        var outside = new System.Text.StringBuilder(name.Length);
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '(' && depth++ == 0)
            {
                start = i + 1;
            }
            else if (c == ')' && depth > 0 && --depth == 0)
            {
                parts.Add(name[start..i]);
            }
            else if (depth == 0 && c != ')')
            {
                outside.Append(c);
            }
        }

        if (depth > 0)
        {
            parts.Add(name[start..]);
        }

        var text = outside.ToString();
        var cut = text.IndexOf(':', StringComparison.Ordinal);
        cut = cut < 0 ? text.IndexOf(" - ", StringComparison.Ordinal) : cut;
        return (text, parts, cut > 0 ? text[..cut] : null);
    }

    /// <summary>Runs of letters and digits, lower case.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(string.Create(i - start, (text, start), static (span, s) => s.text.AsSpan(s.start, span.Length).ToLowerInvariant(span)));
                start = -1;
            }
        }

        return words;
    }

    /// <summary>The words that are not part of a region found in them.</summary>
    public static List<string> Without(List<string> words, List<RegionHit> hits)
    {
        var kept = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            if (!hits.Exists(h => i >= h.Start && i < h.Start + h.Length))
            {
                kept.Add(words[i]);
            }
        }

        return kept;
    }

    /// <summary>Written in capitals, at most <paramref name="maxWords"/> words ("GEMPITA", "MOCU REMAJA", "SP4N-LAPOR!").</summary>
    public static bool LooksLikeAcronym(string text, int maxWords)
    {
        int letters = 0, characters = 0, words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            var isWord = char.IsLetterOrDigit(c);
            words += isWord && !inWord ? 1 : 0;
            inWord = isWord;
            letters += char.IsLetter(c) ? 1 : 0;
            characters += isWord ? 1 : 0;
        }

        return letters >= 2 && characters <= MaxAcronymCharacters && words <= maxWords;
    }

    /// <summary>Letters and digits only, lower case: "SIJARI EMAS" and "SijariEmas" meet.</summary>
    public static string Compact(string text) => string.Concat(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));
}
