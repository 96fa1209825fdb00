using System.Net;
using System.Text;
using Jippnas.Web.Features.Search.Analysis;

namespace Jippnas.Web.Features.Search;

/// <summary>
/// The passage of a record that best shows why it matched: the sentence with the most distinct query terms,
/// trimmed around its first match, HTML-encoded, with the matching words in &lt;mark&gt;. Matching goes through the
/// analyser, so "melayani" is marked for a search on "pelayanan".
/// </summary>
public static class Snippets
{
    public const int MaxLength = 240;

    public static string? Make(IEnumerable<string?> texts, IReadOnlySet<string> terms)
    {
        var analyzer = IndonesianAnalyzer.Shared;
        (string Sentence, int Score)? best = null;
        string? first = null;
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            foreach (var sentence in Sentences(text))
            {
                first ??= sentence;
                if (terms.Count == 0)
                {
                    break;
                }

                var tokens = new List<AnalyzedToken>();
                analyzer.Analyze(sentence, tokens);
                var score = tokens.Where(t => terms.Contains(t.Term)).Select(t => t.Term).Distinct().Count();
                if (score > 0 && (best is null || score > best.Value.Score))
                {
                    best = (sentence, score);
                }
            }
        }

        var chosen = best?.Sentence ?? first;
        return chosen is null ? null : Highlight(chosen, terms, analyzer);
    }

    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] is '\n' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (end)
            {
                var sentence = text[start..(i + 1)].Trim();
                if (sentence.Length > 1)
                {
                    yield return sentence;
                }

                start = i + 1;
            }
        }

        if (start < text.Length && text[start..].Trim() is { Length: > 1 } rest)
        {
            yield return rest;
        }
    }

    private static string Highlight(string sentence, IReadOnlySet<string> terms, IndonesianAnalyzer analyzer)
    {
        // Find word spans, note which match, then cut a window around the first match.
        var spans = new List<(int Start, int End, bool Match)>();
        var i = 0;
        while (i < sentence.Length)
        {
            if (!char.IsLetterOrDigit(sentence[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < sentence.Length && (char.IsLetterOrDigit(sentence[i]) || (sentence[i] == '-' && i + 1 < sentence.Length && char.IsLetterOrDigit(sentence[i + 1]))))
            {
                i++;
            }

            var term = terms.Count == 0 ? null : analyzer.TermOf(sentence[start..i]);
            spans.Add((start, i, term is not null && terms.Contains(term)));
        }

        var from = 0;
        var to = sentence.Length;
        if (sentence.Length > MaxLength)
        {
            var firstMatch = spans.FindIndex(s => s.Match);
            from = firstMatch <= 0 ? 0 : spans[Math.Max(0, firstMatch - 6)].Start;
            to = Math.Min(sentence.Length, from + MaxLength);
            var cut = spans.LastOrDefault(s => s.End <= to);
            to = cut.End > from ? cut.End : to;
        }

        var html = new StringBuilder(MaxLength + 64);
        if (from > 0)
        {
            html.Append('…');
        }

        var at = from;
        foreach (var (start, end, match) in spans.Where(s => s.Match && s.Start >= from && s.End <= to))
        {
            html.Append(WebUtility.HtmlEncode(sentence[at..start])).Append("<mark>").Append(WebUtility.HtmlEncode(sentence[start..end])).Append("</mark>");
            at = end;
        }

        html.Append(WebUtility.HtmlEncode(sentence[at..to]));
        if (to < sentence.Length)
        {
            html.Append('…');
        }

        return html.ToString();
    }
}
