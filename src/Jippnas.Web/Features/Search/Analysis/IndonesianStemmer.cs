using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;

namespace Jippnas.Web.Features.Search.Analysis;

/// <summary>
/// Indonesian stemmer: reduces an inflected word ("pelayanan", "kependudukan") to its root ("layan", "duduk").
/// </summary>
/// <remarks>
/// <para>
/// A port of the Sastrawi stemmer (Nazief–Adriani / Enhanced Confix Stripping rules) as implemented by the npm
/// package sastrawijs 1.1.0, MIT licence, Copyright (c) 2015 Andy Librian: see SASTRAWI-LICENSE.txt beside this
/// file. The rules below follow that implementation step for step (same removal orders, recodings, confix
/// precedence check and "loop last return") so that both give the same root for the same word; the embedded
/// root-words.txt is its dictionary. Deliberate differences: words shorter than four letters are returned
/// unchanged (sastrawijs stems three-letter words), and the dictionary is a plain set, so "constructor" is not
/// taken for a root word as it is by the JavaScript object lookup.
/// </para>
/// <para>
/// Like sastrawijs, each prefix rule yields one reading (plus its recoding letters) rather than trying every
/// disambiguation of the PHP original in turn, so some words stay unstemmed or are over-stemmed
/// ("pengelolaan", "menyampaikan", "menikah" -> "meni"); the unit tests pin these down.
/// </para>
/// <para>
/// Input is one word of lower-case letters; reduplication ("anak-anak") and punctuation are the caller's job.
/// A word containing upper-case ASCII letters is lower-cased (invariant culture) first, as sastrawijs does.
/// Results are memoised in a bounded concurrent cache; instances are thread-safe.
/// </para>
/// </remarks>
public sealed class IndonesianStemmer
{
    /// <summary>Manifest name of the embedded root-word dictionary.</summary>
    public const string DictionaryResourceName = "Jippnas.Web.Features.Search.Analysis.root-words.txt";

    /// <summary>Words shorter than this are returned unchanged.</summary>
    public const int MinimumStemmedLength = 4;

    /// <summary>Number of distinct words whose result is memoised; once reached, new words are not cached.</summary>
    public const int DefaultCacheCapacity = 200_000;

    private static readonly Lazy<IndonesianStemmer> SharedInstance = new(LoadShared, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenSet<string> _roots;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _rootLookup;
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly int _cacheCapacity;
    private int _cacheCount;

    /// <summary>Creates a stemmer over the given root words (lower-case, one word each).</summary>
    public IndonesianStemmer(IEnumerable<string> rootWords)
        : this(rootWords, DefaultCacheCapacity)
    {
    }

    internal IndonesianStemmer(IEnumerable<string> rootWords, int cacheCapacity)
    {
        ArgumentNullException.ThrowIfNull(rootWords);
        ArgumentOutOfRangeException.ThrowIfNegative(cacheCapacity);
        _roots = rootWords.Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        _rootLookup = _roots.GetAlternateLookup<ReadOnlySpan<char>>();
        _cacheCapacity = cacheCapacity;
    }

    /// <summary>The stemmer over the embedded Sastrawi dictionary, loaded once on first use.</summary>
    public static IndonesianStemmer Shared => SharedInstance.Value;

    /// <summary>Number of words in the root-word dictionary.</summary>
    public int RootWordCount => _roots.Count;

    /// <summary>Number of memoised results (never more than the cache capacity).</summary>
    internal int CachedCount => Volatile.Read(ref _cacheCount);

    /// <summary>Whether <paramref name="word"/> is in the root-word dictionary as it is.</summary>
    public bool IsRootWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _roots.Contains(word);
    }

    /// <summary>
    /// Returns the root of one lower-case word, or the word itself when it is shorter than four letters or no
    /// rule leads to a dictionary root.
    /// </summary>
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < MinimumStemmedLength)
        {
            return word;
        }

        if (_cache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var lower = word.AsSpan().ContainsAnyInRange('A', 'Z') ? word.ToLowerInvariant() : word;
        var result = StemUncached(lower);
        if (Volatile.Read(ref _cacheCount) < _cacheCapacity && _cache.TryAdd(word, result))
        {
            Interlocked.Increment(ref _cacheCount);
        }

        return result;
    }

    /// <summary>Reads a dictionary: one word per line; blank lines and lines starting with '#' are skipped.</summary>
    internal static IndonesianStemmer Load(TextReader reader, int cacheCapacity = DefaultCacheCapacity)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var words = new List<string>(32_768);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && word[0] != '#')
            {
                words.Add(word);
            }
        }

        return new IndonesianStemmer(words, cacheCapacity);
    }

    private static IndonesianStemmer LoadShared()
    {
        using var stream = typeof(IndonesianStemmer).Assembly.GetManifestResourceStream(DictionaryResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{DictionaryResourceName}' not found.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Load(reader);
    }

    private string StemUncached(string word)
    {
        if (_rootLookup.TryGetValue(word.AsSpan(), out var root))
        {
            return root;
        }

        // Working space: two buffers for prefix recodings that rewrite the word ("menyapu" -> "sapu") and one
        // for "recoding letter + remainder" look-ups. A remainder is never longer than the word, a recoding
        // letter at most two characters.
        var size = word.Length + 2;
        var rented = ArrayPool<char>.Shared.Rent(3 * size);
        try
        {
            var buffer = rented.AsSpan();
            return StemWithBuffers(word, buffer[..size], buffer.Slice(size, size), buffer.Slice(2 * size, size)) ?? word;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    // sastrawijs Stemmer.stem: returns the root, or null when none is found (the caller then keeps the word).
    private string? StemWithBuffers(string word, Span<char> recodeBuffer, Span<char> loopRecodeBuffer, Span<char> joinBuffer)
    {
        ReadOnlySpan<char> current = word;
        string? root;
        int particleLength;
        int possessiveLength;
        int suffixLength;

        if (HasConfixPrecedence(word))
        {
            // be-lah, be-an, me-i, di-i, pe-i, ter-i: prefixes first, then the suffixes of what is left.
            if (RemovePrefixes(current, recodeBuffer, joinBuffer, out root, out current))
            {
                return root;
            }

            particleLength = ParticleLength(current);
            current = current[..^particleLength];
            if (_rootLookup.TryGetValue(current, out root))
            {
                return root;
            }

            possessiveLength = PossessiveLength(current);
            current = current[..^possessiveLength];
            if (_rootLookup.TryGetValue(current, out root))
            {
                return root;
            }

            suffixLength = DerivationalSuffixLength(current);
            current = current[..^suffixLength];
            if (_rootLookup.TryGetValue(current, out root))
            {
                return root;
            }
        }
        else
        {
            particleLength = ParticleLength(current);
            current = current[..^particleLength];
            if (_rootLookup.TryGetValue(current, out root))
            {
                return root;
            }

            possessiveLength = PossessiveLength(current);
            current = current[..^possessiveLength];
            if (_rootLookup.TryGetValue(current, out root))
            {
                return root;
            }

            suffixLength = DerivationalSuffixLength(current);
            current = current[..^suffixLength];
            if (_rootLookup.TryGetValue(current, out root))
            {
                return root;
            }

            if (RemovePrefixes(current, recodeBuffer, joinBuffer, out root, out _))
            {
                return root;
            }
        }

        return LoopLastReturn(word, suffixLength, possessiveLength, particleLength, loopRecodeBuffer, joinBuffer);
    }

    // sastrawijs lastReturnLoop: puts the removed suffixes back one at a time (a "-kan" suffix as "k" then "an")
    // and retries the dictionary and the prefix removal on each. The removed suffixes are always the tail of the
    // original word, so every candidate is a prefix of it.
    private string? LoopLastReturn(
        string word, int suffixLength, int possessiveLength, int particleLength, Span<char> recodeBuffer, Span<char> joinBuffer)
    {
        var baseLength = Math.Max(0, word.Length - suffixLength - possessiveLength - particleLength);
        Span<int> pieces = stackalloc int[5];
        var count = 0;
        pieces[count++] = 0;
        if (word.AsSpan(baseLength, suffixLength).SequenceEqual("kan"))
        {
            pieces[count++] = 1;
            pieces[count++] = 2;
        }
        else
        {
            pieces[count++] = suffixLength;
        }

        pieces[count++] = possessiveLength;
        pieces[count++] = particleLength;

        var length = baseLength;
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && pieces[i] == 0)
            {
                continue; // same candidate as the previous step, which already failed
            }

            length += pieces[i];
            var candidate = word.AsSpan(0, length);
            if (_rootLookup.TryGetValue(candidate, out var root))
            {
                return root;
            }

            if (RemovePrefixes(candidate, recodeBuffer, joinBuffer, out root, out _))
            {
                return root;
            }
        }

        return null;
    }

    // sastrawijs removePrefixes: removes up to three prefixes, checking the dictionary (and the recodings of the
    // removed prefix) after each. On failure, remainder is what is left, or the input if it got shorter than 3.
    private bool RemovePrefixes(
        ReadOnlySpan<char> word, Span<char> recodeBuffer, Span<char> joinBuffer, out string? root, out ReadOnlySpan<char> remainder)
    {
        var current = word;
        string? previousPrefix = null;
        for (var step = 0; step < 3; step++)
        {
            if (current.Length < 3)
            {
                root = null;
                remainder = word;
                return false;
            }

            // Stop when the same two-letter prefix comes again ("didi...", "meme...").
            if (previousPrefix is { Length: 2 } && current[0] == previousPrefix[0] && current[1] == previousPrefix[1])
            {
                break;
            }

            var before = current;
            previousPrefix = RemovePrefix(before, recodeBuffer, out current, out var recoding);
            if (_rootLookup.TryGetValue(current, out root))
            {
                remainder = current;
                return true;
            }

            if (TryRecodings(before, current, recoding, joinBuffer, out root))
            {
                remainder = current;
                return true;
            }
        }

        root = null;
        remainder = current;
        return false;
    }

    private bool TryRecodings(ReadOnlySpan<char> before, ReadOnlySpan<char> after, Recoding recoding, Span<char> joinBuffer, out string? root)
    {
        switch (recoding)
        {
            case Recoding.R:
                return TryJoined("r", after, joinBuffer, out root);
            case Recoding.K:
                return TryJoined("k", after, joinBuffer, out root);
            case Recoding.MP:
                return TryJoined("m", after, joinBuffer, out root) || TryJoined("p", after, joinBuffer, out root);
            case Recoding.NT:
                return TryJoined("n", after, joinBuffer, out root) || TryJoined("t", after, joinBuffer, out root);
            case Recoding.NgK:
                return TryJoined("ng", after, joinBuffer, out root) || TryJoined("k", after, joinBuffer, out root);
            case Recoding.SNy:
                return TryJoined("s", after, joinBuffer, out root) || TryJoined("ny", after, joinBuffer, out root);
            case Recoding.Infix:
                // Candidates are the first three letters + rest (the word as it was) and the first letter + rest.
                return _rootLookup.TryGetValue(before, out root) || TryJoined(before[..1], after, joinBuffer, out root);
            case Recoding.None:
            default:
                root = null;
                return false;
        }
    }

    private bool TryJoined(ReadOnlySpan<char> head, ReadOnlySpan<char> tail, Span<char> joinBuffer, out string? root)
    {
        head.CopyTo(joinBuffer);
        tail.CopyTo(joinBuffer[head.Length..]);
        return _rootLookup.TryGetValue(joinBuffer[..(head.Length + tail.Length)], out root);
    }

    // sastrawijs removePrefix: returns the removed prefix ("di", "me", ...; null for an infix or nothing).
    private static string? RemovePrefix(ReadOnlySpan<char> word, Span<char> recodeBuffer, out ReadOnlySpan<char> rest, out Recoding recoding)
    {
        if (word.StartsWith("di", StringComparison.Ordinal))
        {
            rest = word[2..];
            recoding = Recoding.None;
            return "di";
        }

        if (word.StartsWith("ke", StringComparison.Ordinal))
        {
            rest = word[2..];
            recoding = Recoding.None;
            return "ke";
        }

        if (word.StartsWith("se", StringComparison.Ordinal))
        {
            rest = word[2..];
            recoding = Recoding.None;
            return "se";
        }

        if (word.StartsWith("ku", StringComparison.Ordinal))
        {
            rest = word[2..];
            recoding = Recoding.None;
            return "ku";
        }

        if (word.StartsWith("kau", StringComparison.Ordinal))
        {
            rest = word[3..];
            recoding = Recoding.None;
            return "kau";
        }

        if (word.StartsWith("me", StringComparison.Ordinal))
        {
            rest = RemoveMePrefix(word, recodeBuffer, out recoding);
            return "me";
        }

        if (word.StartsWith("pe", StringComparison.Ordinal))
        {
            rest = RemovePePrefix(word, out recoding);
            return "pe";
        }

        if (word.StartsWith("be", StringComparison.Ordinal))
        {
            rest = RemoveBePrefix(word, out recoding);
            return "be";
        }

        if (word.StartsWith("te", StringComparison.Ordinal))
        {
            rest = RemoveTePrefix(word, out recoding);
            return "te";
        }

        rest = RemoveInfix(word, out recoding);
        return null;
    }

    private static ReadOnlySpan<char> RemoveMePrefix(ReadOnlySpan<char> w, Span<char> recodeBuffer, out Recoding recoding)
    {
        char c2 = At(w, 2), c3 = At(w, 3), c4 = At(w, 4);
        recoding = Recoding.None;
        if (c2 is 'l' or 'r' or 'w' or 'y' && IsVowel(c3))
        {
            return w[2..]; // me{l|r|w|y}V -> {l|r|w|y}V
        }

        if (c2 == 'm' && (c3 is 'b' or 'f' or 'v' || (c3 == 'p' && c4 == 'e')))
        {
            return w[3..]; // mem{b|f|v}, mempe
        }

        if (c2 == 'm' && (IsVowel(c3) || (c3 == 'r' && IsVowel(c4))))
        {
            recoding = Recoding.MP; // memV -> m/pV, memrV -> m/prV
            return w[3..];
        }

        if (c2 == 'n' && c3 is 'c' or 'd' or 'j' or 's' or 't' or 'z')
        {
            return w[3..]; // men{c|d|j|s|t|z}
        }

        if (c2 == 'n' && IsVowel(c3))
        {
            recoding = Recoding.NT; // menV -> n/tV
            return w[3..];
        }

        if (c2 == 'n' && c3 == 'g' && c4 is 'g' or 'h' or 'q' or 'k')
        {
            return w[4..]; // meng{g|h|q|k}
        }

        if (c2 == 'n' && c3 == 'g' && IsVowel(c4))
        {
            if (c4 == 'e')
            {
                return w[5..]; // menge + monosyllable
            }

            recoding = Recoding.NgK; // mengV -> ng/kV
            return w[4..];
        }

        if (c2 == 'n' && c3 == 'y' && IsVowel(c4))
        {
            if (c4 == 'a')
            {
                return w[2..]; // menya -> nya (as sastrawijs does)
            }

            // menyV -> sV, written out: copy first, as w may already live in the buffer.
            w[4..].CopyTo(recodeBuffer[1..]);
            recodeBuffer[0] = 's';
            return recodeBuffer[..(w.Length - 3)];
        }

        if (c2 == 'm' && c3 == 'p' && c4 != 'e')
        {
            return w[3..]; // memp{non-e}
        }

        return w;
    }

    private static ReadOnlySpan<char> RemovePePrefix(ReadOnlySpan<char> w, out Recoding recoding)
    {
        char c2 = At(w, 2), c3 = At(w, 3), c4 = At(w, 4), c5 = At(w, 5), c6 = At(w, 6), c7 = At(w, 7);
        recoding = Recoding.None;
        if (c2 is 'w' or 'y' && IsVowel(c3))
        {
            return w[2..];
        }

        if (c2 == 'r' && IsVowel(c3))
        {
            recoding = Recoding.R; // perV -> per-V / pe-rV
            return w[3..];
        }

        // perCAP (P != "er"), perCAerV, pem{b|f|v}. sastrawijs's "isNotOneOf(c4, '')" test is always true.
        if ((c2 == 'r' && IsConsonant(c3) && c3 != 'r' && c5 != 'e')
            || (c2 == 'r' && IsConsonant(c3) && c3 != 'r' && c5 == 'e' && c6 == 'r' && IsVowel(c7))
            || (c2 == 'm' && c3 is 'b' or 'f' or 'v'))
        {
            return w[3..];
        }

        if (c2 == 'm' && (IsVowel(c3) || (c3 == 'r' && IsVowel(c4))))
        {
            recoding = Recoding.MP;
            return w[3..];
        }

        if (c2 == 'n' && c3 is 'c' or 'd' or 'j' or 's' or 't' or 'z')
        {
            return w[3..];
        }

        if (c2 == 'n' && IsVowel(c3))
        {
            recoding = Recoding.NT;
            return w[3..];
        }

        if (c2 == 'n' && c3 == 'g' && IsConsonant(c4))
        {
            return w[4..];
        }

        if (c2 == 'n' && c3 == 'g' && IsVowel(c4))
        {
            if (c4 == 'e')
            {
                return w[5..];
            }

            recoding = Recoding.K;
            return w[4..];
        }

        if (c2 == 'n' && c3 == 'y' && IsVowel(c4))
        {
            recoding = Recoding.SNy;
            return w[4..];
        }

        if (c2 == 'l' && IsVowel(c3))
        {
            return w.SequenceEqual("pelajar") ? w[3..] : w[2..];
        }

        if (IsConsonant(c2) && c2 is not ('r' or 'w' or 'y' or 'l' or 'm' or 'n') && c3 == 'e' && c4 == 'r' && IsVowel(c5))
        {
            return w[3..];
        }

        if (IsConsonant(c2) && c2 is not ('r' or 'w' or 'y' or 'l' or 'm' or 'n'))
        {
            return w[2..];
        }

        return w;
    }

    private static ReadOnlySpan<char> RemoveBePrefix(ReadOnlySpan<char> w, out Recoding recoding)
    {
        char c2 = At(w, 2), c3 = At(w, 3), c4 = At(w, 4), c5 = At(w, 5), c6 = At(w, 6), c7 = At(w, 7);
        recoding = Recoding.None;
        if (c2 == 'r' && IsVowel(c3))
        {
            recoding = Recoding.R; // berV -> ber-V / be-rV
            return w[3..];
        }

        if ((c2 == 'r' && IsConsonant(c3) && c3 != 'r' && c5 != 'e')
            || (c2 == 'r' && IsConsonant(c3) && c3 != 'r' && c5 == 'e' && c6 == 'r' && IsVowel(c7))
            || w.SequenceEqual("belajar"))
        {
            return w[3..];
        }

        if (IsConsonant(c2) && c2 != 'r' && c2 != 'l' && c3 == 'e' && c4 == 'r' && IsConsonant(c5))
        {
            return w[2..]; // beC1erC2
        }

        return w;
    }

    private static ReadOnlySpan<char> RemoveTePrefix(ReadOnlySpan<char> w, out Recoding recoding)
    {
        char c2 = At(w, 2), c3 = At(w, 3), c4 = At(w, 4), c5 = At(w, 5), c6 = At(w, 6);
        recoding = Recoding.None;
        if (c2 == 'r' && IsVowel(c3))
        {
            recoding = Recoding.R;
            return w[3..];
        }

        if ((c2 == 'r' && IsConsonant(c3) && c3 != 'r' && c4 == 'e' && c5 == 'r' && IsVowel(c6))
            || (c2 == 'r' && IsConsonant(c3) && c3 != 'r' && c4 != 'e'))
        {
            return w[3..];
        }

        if (IsConsonant(c2) && c2 != 'r' && c3 == 'e' && c4 == 'r' && IsConsonant(c5))
        {
            return w[2..];
        }

        if (c2 == 'r' && IsConsonant(c3) && c3 != 'r' && c4 == 'e' && c5 == 'r' && IsConsonant(c6))
        {
            return w[3..];
        }

        return w;
    }

    // Infixes -el-, -er-, -em-, -in- after the first consonant ("gemetar" -> "getar").
    private static ReadOnlySpan<char> RemoveInfix(ReadOnlySpan<char> w, out Recoding recoding)
    {
        char c0 = At(w, 0), c1 = At(w, 1), c2 = At(w, 2), c3 = At(w, 3);
        if ((IsConsonant(c0) && c1 == 'e' && c2 is 'r' or 'l' or 'm' && IsVowel(c3))
            || (IsConsonant(c0) && c1 == 'i' && c2 == 'n' && IsVowel(c3)))
        {
            recoding = Recoding.Infix;
            return w[3..];
        }

        recoding = Recoding.None;
        return w;
    }

    // sastrawijs checks /^(be.+lah|be.+an|me.+i|di.+i|pe.+i|ter.+i)$/ to take prefixes before suffixes.
    private static bool HasConfixPrecedence(ReadOnlySpan<char> w) =>
        (w.StartsWith("be", StringComparison.Ordinal) && w.Length >= 6 && w.EndsWith("lah", StringComparison.Ordinal))
        || (w.StartsWith("be", StringComparison.Ordinal) && w.Length >= 5 && w.EndsWith("an", StringComparison.Ordinal))
        || (w.Length >= 4 && w[^1] == 'i'
            && (w.StartsWith("me", StringComparison.Ordinal) || w.StartsWith("di", StringComparison.Ordinal) || w.StartsWith("pe", StringComparison.Ordinal)))
        || (w.Length >= 5 && w.StartsWith("ter", StringComparison.Ordinal) && w[^1] == 'i');

    // Length of the text that /-?(lah|kah|tah|pun)$/ removes (0 when none).
    private static int ParticleLength(ReadOnlySpan<char> w)
    {
        var length = w.EndsWith("lah", StringComparison.Ordinal) || w.EndsWith("kah", StringComparison.Ordinal)
            || w.EndsWith("tah", StringComparison.Ordinal) || w.EndsWith("pun", StringComparison.Ordinal) ? 3 : 0;
        return WithHyphen(w, length);
    }

    // Length of the text that /-?(ku|mu|nya)$/ removes.
    private static int PossessiveLength(ReadOnlySpan<char> w)
    {
        var length = w.EndsWith("nya", StringComparison.Ordinal) ? 3
            : w.EndsWith("ku", StringComparison.Ordinal) || w.EndsWith("mu", StringComparison.Ordinal) ? 2
            : 0;
        return WithHyphen(w, length);
    }

    // Length of the text that /-?(is|isme|isasi|i|kan|an)$/ removes: the leftmost match, i.e. the longest suffix.
    private static int DerivationalSuffixLength(ReadOnlySpan<char> w)
    {
        var length = w.EndsWith("isasi", StringComparison.Ordinal) ? 5
            : w.EndsWith("isme", StringComparison.Ordinal) ? 4
            : w.EndsWith("kan", StringComparison.Ordinal) ? 3
            : w.EndsWith("an", StringComparison.Ordinal) || w.EndsWith("is", StringComparison.Ordinal) ? 2
            : w.EndsWith('i') ? 1
            : 0;
        return WithHyphen(w, length);
    }

    private static int WithHyphen(ReadOnlySpan<char> w, int length) =>
        length > 0 && w.Length > length && w[w.Length - length - 1] == '-' ? length + 1 : length;

    // sastrawijs newChar: the character at index, or "" (here '\0', which is in no letter class) past the end.
    private static char At(ReadOnlySpan<char> w, int index) => index < w.Length ? w[index] : '\0';

    private static bool IsVowel(char c) => c is 'a' or 'i' or 'u' or 'e' or 'o';

    private static bool IsConsonant(char c) => c is >= 'b' and <= 'z' && !IsVowel(c);

    private enum Recoding
    {
        None,
        R,
        K,
        MP,
        NT,
        NgK,
        SNy,
        Infix,
    }
}
