using System.Globalization;
using System.Reflection;
using System.Text;

namespace Jippnas.Web.Features.Search.Analysis;

/// <summary>A word of analysed text: the word as written (lower-case) and the term the index keeps for it.</summary>
public readonly record struct AnalyzedToken(string Word, string Term, int Position);

/// <summary>
/// Turns Indonesian text into index terms, the same way for records and for queries and for both databases:
/// lower-case without diacritics, split on anything but letters and digits, reduplication folded
/// (anak-anak → anak), stop words dropped, particles and possessives (-lah, -kah, -pun, -nya) removed and
/// affixes stemmed to the root (kependudukan, penduduk → duduk). Positions skip stop words, so phrases
/// match however many stop words sit between their words.
/// </summary>
public sealed class IndonesianAnalyzer
{
    /// <summary>Raise when the terms this class produces change: the index is then rebuilt at start-up.</summary>
    public const int Version = 1;

    public const int MaxWordLength = 40;
    private const int MinStemLength = 4;

    private static readonly string[] Particles = ["nya", "lah", "kah", "pun"];

    private readonly IndonesianStemmer stemmer;
    private readonly HashSet<string> stopWords;
    private readonly HashSet<string> names;

    /// <param name="stemmer">The root finder.</param>
    /// <param name="stopWords">Words dropped from text and queries.</param>
    /// <param name="properNames">Words of place names, kept whole when the stemmer would only cut their end (Maluku is not malu + ku).</param>
    public IndonesianAnalyzer(IndonesianStemmer stemmer, IEnumerable<string> stopWords, IEnumerable<string>? properNames = null)
    {
        this.stemmer = stemmer;
        this.stopWords = new HashSet<string>(stopWords, StringComparer.Ordinal);
        names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in properNames ?? [])
        {
            var tokens = new List<AnalyzedToken>();
            Analyze(name, tokens);
            names.UnionWith(tokens.Where(t => t.Term != t.Word && t.Word.StartsWith(t.Term, StringComparison.Ordinal)).Select(t => t.Word));
        }
    }

    public static IndonesianAnalyzer Shared { get; } = new(IndonesianStemmer.Shared, ReadStopWords(), ReadPlaceNames());

    public bool IsStopWord(string word) => stopWords.Contains(word);

    /// <summary>The terms of a text in order, without positions.</summary>
    public List<string> Terms(string? text)
    {
        var tokens = new List<AnalyzedToken>();
        Analyze(text, tokens);
        return tokens.ConvertAll(t => t.Term);
    }

    /// <summary>Appends the tokens of <paramref name="text"/>, numbering positions from <paramref name="position"/>; returns the next position.</summary>
    public int Analyze(string? text, List<AnalyzedToken> output, int position = 0)
    {
        if (string.IsNullOrEmpty(text))
        {
            return position;
        }

        var word = new StringBuilder(MaxWordLength);
        var parts = new List<string>(2);
        var i = 0;
        while (i < text.Length)
        {
            // One written word: letters and digits, possibly joined by hyphens (anak-anak, KTP-el).
            parts.Clear();
            while (i < text.Length)
            {
                word.Clear();
                while (i < text.Length && Append(word, text[i]))
                {
                    i++;
                }

                if (word.Length > 0)
                {
                    parts.Add(word.Length > MaxWordLength ? word.ToString(0, MaxWordLength) : word.ToString());
                }

                if (word.Length > 0 && i + 1 < text.Length && text[i] is '-' or '‐' or '‑' && IsWordChar(text[i + 1]))
                {
                    i++;
                    continue;
                }

                break;
            }

            if (parts.Count == 0)
            {
                i++;
                continue;
            }

            position = Emit(parts, output, position);
        }

        return position;
    }

    /// <summary>The term of one word, or null for a stop word. The word is lower-cased and stripped here.</summary>
    public string? TermOf(string word)
    {
        var tokens = new List<AnalyzedToken>(1);
        Analyze(word, tokens);
        return tokens.Count == 1 ? tokens[0].Term : null;
    }

    private int Emit(List<string> parts, List<AnalyzedToken> output, int position)
    {
        if (parts.Count == 2 && IsReduplication(parts[0], parts[1]))
        {
            return Add(parts[0], output, position);
        }

        foreach (var part in parts)
        {
            position = Add(part, output, position);
        }

        return position;
    }

    private int Add(string word, List<AnalyzedToken> output, int position)
    {
        if (stopWords.Contains(word))
        {
            return position;
        }

        output.Add(new AnalyzedToken(word, Stem(word), position));
        return position + 1;
    }

    private string Stem(string word)
    {
        if (word.Length < MinStemLength || !IsLetters(word) || names.Contains(word))
        {
            return word;
        }

        var stem = stemmer.Stem(word);
        if (!ReferenceEquals(stem, word) && stem != word || stemmer.IsRootWord(word))
        {
            return stem;
        }

        // Words outside the dictionary (brand names, loan words) still lose a particle or possessive: stuntingnya → stunting.
        foreach (var particle in Particles)
        {
            if (word.Length >= particle.Length + 4 && word.EndsWith(particle, StringComparison.Ordinal))
            {
                var bare = word[..^particle.Length];
                return stemmer.Stem(bare);
            }
        }

        return word;
    }

    // sayur-mayur and bolak-balik are one word; anak-anak, buku-bukunya and berlari-lari fold to their first half.
    private bool IsReduplication(string first, string second) =>
        first == second
        || (second.Length > first.Length && second.StartsWith(first, StringComparison.Ordinal) && Particles.Contains(second[first.Length..]))
        || (first.Length >= MinStemLength && second.Length >= MinStemLength && Stem(first) == Stem(second));

    private static bool Append(StringBuilder word, char c)
    {
        if (c < 128)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                word.Append(c);
                return true;
            }

            if (c is >= 'A' and <= 'Z')
            {
                word.Append((char)(c + 32));
                return true;
            }

            return false;
        }

        if (!char.IsLetterOrDigit(c))
        {
            return char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
        }

        // é → e, ñ → n: decompose and keep the base letter; letters of other scripts are kept as they are.
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var part in decomposed)
        {
            if (char.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
            {
                word.Append(char.ToLowerInvariant(part));
            }
        }

        return true;
    }

    private static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

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

    // The region names of the reference data (second CSV column is the name of regencies' third).
    private static List<string> ReadPlaceNames()
    {
        var names = new List<string>();
        foreach (var (file, column) in new[] { ("provinces.csv", 1), ("regencies.csv", 2) })
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Jippnas.Web.Data.Reference.{file}")
                ?? throw new InvalidOperationException($"{file} is not embedded.");
            using var reader = new StreamReader(stream);
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                var fields = line.Split(',');
                if (fields.Length > column)
                {
                    names.Add(fields[column]);
                }
            }
        }

        return names;
    }

    private static List<string> ReadStopWords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Jippnas.Web.Features.Search.Analysis.stopwords.txt")
            ?? throw new InvalidOperationException("stopwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line);
            }
        }

        return words;
    }
}
