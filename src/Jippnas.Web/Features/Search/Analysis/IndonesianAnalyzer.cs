using System.Collections.Concurrent;
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

    private const int MaxCachedWords = 500_000;
    private readonly IndonesianStemmer stemmer;
    private readonly HashSet<string> stopWords;
    private readonly HashSet<string> names;
    private readonly ConcurrentDictionary<string, Entry> words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> known;

    /// <param name="stemmer">The root finder.</param>
    /// <param name="stopWords">Words dropped from text and queries.</param>
    /// <param name="properNames">Words of place names, kept whole when the stemmer would only cut their end (Maluku is not malu + ku).</param>
    public IndonesianAnalyzer(IndonesianStemmer stemmer, IEnumerable<string> stopWords, IEnumerable<string>? properNames = null)
    {
        this.stemmer = stemmer;
        this.stopWords = new HashSet<string>(stopWords, StringComparer.Ordinal);
        known = words.GetAlternateLookup<ReadOnlySpan<char>>();
        names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in properNames ?? [])
        {
            var tokens = new List<AnalyzedToken>();
            Analyze(name, tokens);
            names.UnionWith(tokens.Where(t => t.Term != t.Word && t.Word.StartsWith(t.Term, StringComparison.Ordinal)).Select(t => t.Word));
        }

        // The words analysed above were cached before the names were known.
        words.Clear();
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

        Span<char> buffer = stackalloc char[MaxWordLength];
        List<string>? parts = null;
        var i = 0;
        while (i < text.Length)
        {
            var length = Read(text, ref i, buffer);
            if (length == 0)
            {
                i++;
                continue;
            }

            if (!JoinsNext(text, i))
            {
                position = Add(buffer[..length], output, position);
                continue;
            }

            // A hyphenated word (anak-anak, KTP-el): its parts, then reduplication or each part.
            parts ??= new List<string>(2);
            parts.Clear();
            parts.Add(new string(buffer[..length]));
            while (JoinsNext(text, i))
            {
                i++;
                var next = Read(text, ref i, buffer);
                parts.Add(new string(buffer[..next]));
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

    private int Add(ReadOnlySpan<char> written, List<AnalyzedToken> output, int position)
    {
        // Most words repeat: one look-up by span finds the word's string and term without allocating.
        if (!known.TryGetValue(written, out var entry))
        {
            var word = new string(written);
            entry = new Entry(word, stopWords.Contains(word) ? null : Stem(word));
            if (words.Count < MaxCachedWords)
            {
                words.TryAdd(word, entry);
            }
        }

        if (entry.Term is null)
        {
            return position;
        }

        output.Add(new AnalyzedToken(entry.Word, entry.Term, position));
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

    // Reads one run of letters and digits from text[i], lower-cased and without diacritics, into buffer (longer
    // words are cut at MaxWordLength but read to their end); i ends on the first character after the run.
    private static int Read(string text, ref int i, Span<char> buffer)
    {
        var length = 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 128)
            {
                if (c is >= 'A' and <= 'Z')
                {
                    c = (char)(c + 32);
                }
                else if (c is not (>= 'a' and <= 'z' or >= '0' and <= '9'))
                {
                    break;
                }

                if (length < buffer.Length)
                {
                    buffer[length++] = c;
                }

                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                if (char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }

                break;
            }

            // é → e, ñ → n: decompose and keep the base letter; letters of other scripts are kept as they are.
            foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (char.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark && length < buffer.Length)
                {
                    buffer[length++] = char.ToLowerInvariant(part);
                }
            }
        }

        return length;
    }

    private static bool JoinsNext(string text, int i) =>
        i + 1 < text.Length && text[i] is '-' or '‐' or '‑' && IsWordChar(text[i + 1]);

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

    private sealed record Entry(string Word, string? Term);
}
