using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;

namespace Jippnas.Web.Features.Search.Analysis;

/// <summary>
/// Indonesian stemmer: reduces an inflected word ("pelayanan", "kependudukan") to its root ("layan", "duduk").
/// </summary>
/// <remarks>
/// <para>
/// The Enhanced Confix Stripping algorithm (Nazief–Adriani rules, Asian's confix stripping, Arifin's enhancements,
/// the "CC" infix rules and Sastrawi's own additions) as the PHP library Sastrawi implements it, MIT licence,
/// Copyright (c) 2014 Andy Librian: see SASTRAWI-LICENSE.txt beside this file. This is a reimplementation of
/// Sastrawi's behaviour, not a translation of its code: the steps are the same (suffixes, then up to three
/// rounds of prefix removal, the confix precedence adjustment for be-lah, be-an, me-i, di-i, pe-i and ter-i,
/// "loop last return" that puts suffixes back one at a time, "kan" tried as "k" first), and so is the prefix
/// disambiguation: every rule of a group is tried in turn and the first reading found in the dictionary wins
/// ("menikah" -> "nikah", "memakan" -> "makan"); when none is, the group's last reading is kept and stripping
/// goes on from it. The result is returned only when it is in the dictionary; otherwise the word is unchanged.
/// </para>
/// <para>
/// The embedded root-words.txt is the word list of the hunspell-id dictionary (Copyright (C) 2017 Ali Ahmadi,
/// LGPL-3, see ROOT-WORDS-LICENSE.txt), not Sastrawi's own dictionary. Differences from Sastrawi: words shorter
/// than four letters are returned unchanged without a dictionary look-up (Sastrawi stops at three letters too,
/// but returns them as they are only when they are not affixed), and reduplicated words ("anak-anak") and
/// punctuation are the caller's job: input is one word of letters. A word containing upper-case ASCII letters is
/// lower-cased (invariant culture) first. Results are memoised in a bounded concurrent cache; instances are
/// thread-safe.
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

    /// <summary>The stemmer over the embedded hunspell-id root-word list, loaded once on first use.</summary>
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
        var result = _roots.Contains(lower) ? lower : new ConfixStripping(this, lower).Run();
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

    private bool IsRoot(ReadOnlySpan<char> word) => word.Length > 0 && _rootLookup.Contains(word);

    private enum AffixKind
    {
        Particle,
        Possessive,
        DerivationalSuffix,
        DerivationalPrefix,
    }

    /// <summary>One affix removal: the word before it, the word after it, whether the affix was the suffix "-kan".</summary>
    private readonly record struct Removal(string Subject, string Result, bool WasKan, AffixKind Kind);

    /// <summary>
    /// A reading proposed by a prefix rule: the word from <see cref="Start"/> on, preceded by <see cref="Recode"/>
    /// when that is not '\0' ("menyapu" -> 's' + "apu"). <see cref="Start"/> is -1 when the rule does not apply.
    /// </summary>
    private readonly record struct Reading(char Recode, int Start)
    {
        public static readonly Reading None = new('\0', -1);

        public bool Applies => Start >= 0;

        public static Reading From(int start) => new('\0', start);

        public static Reading Recoded(char recode, int start) => new(recode, start);
    }

    private delegate Reading PrefixRule(string word);

    /// <summary>The state of stemming one word: the current form and the removals that led to it.</summary>
    private sealed class ConfixStripping
    {
        private readonly IndonesianStemmer _owner;
        private readonly string _original;
        private readonly List<Removal> _removals = new(8);
        private char[]? _buffer;
        private string _current;

        public ConfixStripping(IndonesianStemmer owner, string word)
        {
            _owner = owner;
            _original = word;
            _current = word;
        }

        public string Run()
        {
            // The caller has already looked the word itself up.
            if (HasConfixPrecedence(_original))
            {
                // Confix stripping precedence adjustment: try prefixes before suffixes; if that fails, start again
                // in the usual order.
                RemovePrefixes();
                if (IsRoot(_current))
                {
                    return _current;
                }

                RemoveSuffixes();
                if (IsRoot(_current))
                {
                    return _current;
                }

                _current = _original;
                _removals.Clear();
            }

            RemoveSuffixes();
            if (IsRoot(_current))
            {
                return _current;
            }

            RemovePrefixes();
            if (IsRoot(_current))
            {
                return _current;
            }

            LoopLastReturn();
            return IsRoot(_current) ? _current : _original;
        }

        private bool IsRoot(string word) => _owner.IsRoot(word);

        // Inflectional particle, then possessive pronoun, then derivational suffix; stops at the first dictionary hit.
        private void RemoveSuffixes()
        {
            if (IsRoot(_current))
            {
                return;
            }

            if (RemoveSuffix(ParticleLength(_current), AffixKind.Particle) && IsRoot(_current))
            {
                return;
            }

            if (RemoveSuffix(PossessiveLength(_current), AffixKind.Possessive) && IsRoot(_current))
            {
                return;
            }

            RemoveSuffix(DerivationalSuffixLength(_current), AffixKind.DerivationalSuffix);
        }

        private bool RemoveSuffix(int length, AffixKind kind)
        {
            if (length == 0)
            {
                return false;
            }

            var word = _current;
            var result = word[..^length];
            var wasKan = kind == AffixKind.DerivationalSuffix && length == 3; // -isasi, -isme, -kan, -is, -an, -i
            _removals.Add(new Removal(word, result, wasKan, kind));
            _current = result;
            return true;
        }

        // Up to three rounds, each removing at most one prefix; stops as soon as the current word is a root.
        private void RemovePrefixes()
        {
            for (var round = 0; round < 3; round++)
            {
                RemoveOnePrefix();
                if (IsRoot(_current))
                {
                    return;
                }
            }
        }

        // Tries the plain prefixes and then each rule group in order; stops after the first that removes something
        // or as soon as the current word is a root.
        private void RemoveOnePrefix()
        {
            if (IsRoot(_current))
            {
                return;
            }

            var word = _current;
            if (word.Length >= 2 && (word.StartsWith("di", StringComparison.Ordinal)
                || word.StartsWith("ke", StringComparison.Ordinal) || word.StartsWith("se", StringComparison.Ordinal)))
            {
                AddPrefixRemoval(word, word[2..]);
                return;
            }

            foreach (var group in PrefixRuleGroups)
            {
                if (ApplyGroup(group))
                {
                    return;
                }
            }
        }

        // Every rule of the group in turn: the first reading that is a root is taken; when none is, the reading of
        // the group's last rule is (nothing, if that rule does not apply to the word).
        private bool ApplyGroup(PrefixRule[] group)
        {
            var word = _current;
            var reading = Reading.None;
            foreach (var rule in group)
            {
                reading = rule(word);
                if (reading.Applies && IsRoot(word, reading))
                {
                    break;
                }
            }

            if (!reading.Applies)
            {
                return false;
            }

            AddPrefixRemoval(word, Materialise(word, reading));
            return true;
        }

        private void AddPrefixRemoval(string subject, string result)
        {
            _removals.Add(new Removal(subject, result, WasKan: false, AffixKind.DerivationalPrefix));
            _current = result;
        }

        // ECS "loop pengembalian akhiran": go back to the word before the first prefix removal, then put the
        // removed suffixes back one at a time, last removed first, retrying the prefix removal each time; a
        // removed "-kan" is first put back as "-k" only.
        private void LoopLastReturn()
        {
            var firstPrefix = _removals.FindIndex(r => r.Kind == AffixKind.DerivationalPrefix);
            if (firstPrefix >= 0)
            {
                _current = _removals[firstPrefix].Subject;
            }

            _removals.RemoveAll(r => r.Kind == AffixKind.DerivationalPrefix);
            var suffixRemovals = _removals.ToArray();
            var restored = _current;

            for (var i = suffixRemovals.Length - 1; i >= 0; i--)
            {
                var removal = suffixRemovals[i];
                if (removal.WasKan)
                {
                    _current = removal.Result + "k";
                    RemovePrefixes();
                    if (IsRoot(_current))
                    {
                        return;
                    }

                    _current = removal.Subject;
                }
                else
                {
                    _current = removal.Subject;
                }

                RemovePrefixes();
                if (IsRoot(_current))
                {
                    return;
                }

                _removals.Clear();
                _removals.AddRange(suffixRemovals);
                _current = restored;
            }
        }

        private bool IsRoot(string word, Reading reading)
        {
            if (reading.Recode == '\0')
            {
                return _owner.IsRoot(word.AsSpan(reading.Start));
            }

            var length = word.Length - reading.Start + 1;
            var buffer = _buffer is { } existing && existing.Length >= length ? existing : (_buffer = new char[Math.Max(length, 16)]);
            buffer[0] = reading.Recode;
            word.AsSpan(reading.Start).CopyTo(buffer.AsSpan(1));
            return _owner.IsRoot(buffer.AsSpan(0, length));
        }

        private static string Materialise(string word, Reading reading)
        {
            if (reading.Recode == '\0')
            {
                return reading.Start == 0 ? word : word[reading.Start..];
            }

            return string.Create(word.Length - reading.Start + 1, (word, reading), static (span, state) =>
            {
                span[0] = state.reading.Recode;
                state.word.AsSpan(state.reading.Start).CopyTo(span[1..]);
            });
        }
    }

    // be-lah, be-an, me-i, di-i, pe-i, ter-i (checked on the original word).
    private static bool HasConfixPrecedence(string word) =>
        HasConfix(word, "be", "lah") || HasConfix(word, "be", "an") || HasConfix(word, "me", "i")
        || HasConfix(word, "di", "i") || HasConfix(word, "pe", "i") || HasConfix(word, "ter", "i");

    private static bool HasConfix(string word, string prefix, string suffix) =>
        word.Length >= prefix.Length + suffix.Length
        && word.StartsWith(prefix, StringComparison.Ordinal)
        && word.EndsWith(suffix, StringComparison.Ordinal);

    // -lah, -kah, -tah, -pun, with any hyphens before it ("allah-lah").
    private static int ParticleLength(string word) =>
        WithHyphens(word, EndsWithAny(word, "lah", "kah", "tah", "pun"));

    // -ku, -mu, -nya, with any hyphens before it ("nikmat-ku").
    private static int PossessiveLength(string word) =>
        WithHyphens(word, word.EndsWith("nya", StringComparison.Ordinal) ? 3 : EndsWithAny(word, "ku", "mu"));

    // -i, -kan, -an and the adopted -is, -isme, -isasi: the longest that matches.
    private static int DerivationalSuffixLength(string word)
    {
        if (word.EndsWith("isasi", StringComparison.Ordinal))
        {
            return 5;
        }

        if (word.EndsWith("isme", StringComparison.Ordinal))
        {
            return 4;
        }

        if (word.EndsWith("kan", StringComparison.Ordinal))
        {
            return 3;
        }

        if (word.EndsWith("is", StringComparison.Ordinal) || word.EndsWith("an", StringComparison.Ordinal))
        {
            return 2;
        }

        return word.EndsWith('i') ? 1 : 0;
    }

    private static int EndsWithAny(string word, string first, string second, string? third = null, string? fourth = null)
    {
        foreach (var suffix in (ReadOnlySpan<string?>)[first, second, third, fourth])
        {
            if (suffix is not null && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return suffix.Length;
            }
        }

        return 0;
    }

    private static int WithHyphens(string word, int length)
    {
        if (length == 0)
        {
            return 0;
        }

        while (length < word.Length && word[^(length + 1)] == '-')
        {
            length++;
        }

        return length;
    }

    private static bool IsVowel(char c) => c is 'a' or 'i' or 'u' or 'e' or 'o';

    private static bool IsConsonant(char c) => c is >= 'a' and <= 'z' && !IsVowel(c);

    private static bool IsLetter(char c) => c is >= 'a' and <= 'z';

    // [bcdfghjkpqstvxz]: a consonant other than r, w, y, l, m, n.
    private static bool IsObstruent(char c) => IsConsonant(c) && c is not ('r' or 'w' or 'y' or 'l' or 'm' or 'n');

    private static bool At(string word, int index, string text) =>
        word.Length >= index + text.Length && word.AsSpan(index, text.Length).SequenceEqual(text);

    private static bool VowelAt(string word, int index) => index < word.Length && IsVowel(word[index]);

    private static bool ConsonantAt(string word, int index) => index < word.Length && IsConsonant(word[index]);

    // The prefix disambiguation rules, grouped and ordered as Sastrawi's visitor list (V vowel, C consonant,
    // A any letter, P any rest). Rule 22 and 33 do not exist; rule 13, 15, 17, 18, 26, 28, 30, 31 and 37-40 are the
    // alternative readings of one prefix, tried in order.
    private static readonly PrefixRule[][] PrefixRuleGroups =
    [
        // 1: berV -> ber-V | be-rV
        [
            static w => At(w, 0, "ber") && VowelAt(w, 3) ? Reading.From(3) : Reading.None,
            static w => At(w, 0, "ber") && VowelAt(w, 3) ? Reading.From(2) : Reading.None,
        ],
        // 2: berCAP -> ber-CAP where P does not start with "er"
        [static w => At(w, 0, "ber") && ConsonantAt(w, 3) && w.Length > 4 && IsLetter(w[4]) && !At(w, 5, "er") ? Reading.From(3) : Reading.None],
        // 3: berCAerV -> ber-CAerV where C != r
        [static w => At(w, 0, "ber") && ConsonantAt(w, 3) && w[3] != 'r' && w.Length > 4 && IsLetter(w[4]) && At(w, 5, "er") && VowelAt(w, 7) ? Reading.From(3) : Reading.None],
        // 4: belajar -> bel-ajar
        [static w => w == "belajar" ? Reading.From(3) : Reading.None],
        // 5: beC1erC2 -> be-C1erC2 where C1 != r
        [static w => At(w, 0, "be") && ConsonantAt(w, 2) && w[2] != 'r' && At(w, 3, "er") && ConsonantAt(w, 5) ? Reading.From(2) : Reading.None],
        // 6: terV -> ter-V | te-rV
        [
            static w => At(w, 0, "ter") && VowelAt(w, 3) ? Reading.From(3) : Reading.None,
            static w => At(w, 0, "ter") && VowelAt(w, 3) ? Reading.From(2) : Reading.None,
        ],
        // 7: terCerV -> ter-CerV where C != r
        [static w => At(w, 0, "ter") && ConsonantAt(w, 3) && w[3] != 'r' && At(w, 4, "er") && VowelAt(w, 6) ? Reading.From(3) : Reading.None],
        // 8: terCP -> ter-CP where C != r and P does not start with "er"
        [static w => At(w, 0, "ter") && ConsonantAt(w, 3) && w[3] != 'r' && !At(w, 4, "er") ? Reading.From(3) : Reading.None],
        // 9: teC1erC2 -> te-C1erC2 where C1 != r
        [static w => At(w, 0, "te") && ConsonantAt(w, 2) && w[2] != 'r' && At(w, 3, "er") && ConsonantAt(w, 5) ? Reading.From(2) : Reading.None],
        // 10: me{l|r|w|y}V -> me-{l|r|w|y}V
        [static w => At(w, 0, "me") && w.Length > 2 && w[2] is 'l' or 'r' or 'w' or 'y' && VowelAt(w, 3) ? Reading.From(2) : Reading.None],
        // 11: mem{b|f|v} -> mem-{b|f|v}
        [static w => At(w, 0, "mem") && w.Length > 3 && w[3] is 'b' or 'f' or 'v' ? Reading.From(3) : Reading.None],
        // 12: mempe -> mem-pe
        [static w => At(w, 0, "mempe") ? Reading.From(3) : Reading.None],
        // 13: memV -> me-mV | me-pV
        [
            static w => At(w, 0, "mem") && VowelAt(w, 3) ? Reading.From(2) : Reading.None,
            static w => At(w, 0, "mem") && VowelAt(w, 3) ? Reading.Recoded('p', 3) : Reading.None,
        ],
        // 14: men{c|d|j|s|t|z} -> men-{c|d|j|s|t|z}
        [static w => At(w, 0, "men") && w.Length > 3 && w[3] is 'c' or 'd' or 'j' or 's' or 't' or 'z' ? Reading.From(3) : Reading.None],
        // 15: menV -> me-nV | me-tV
        [
            static w => At(w, 0, "men") && VowelAt(w, 3) ? Reading.From(2) : Reading.None,
            static w => At(w, 0, "men") && VowelAt(w, 3) ? Reading.Recoded('t', 3) : Reading.None,
        ],
        // 16: meng{g|h|q|k} -> meng-{g|h|q|k}
        [static w => At(w, 0, "meng") && w.Length > 4 && w[4] is 'g' or 'h' or 'q' or 'k' ? Reading.From(4) : Reading.None],
        // 17: mengV -> meng-V | meng-kV | menge-P | me-ngV
        [
            static w => At(w, 0, "meng") && VowelAt(w, 4) ? Reading.From(4) : Reading.None,
            static w => At(w, 0, "meng") && VowelAt(w, 4) ? Reading.Recoded('k', 4) : Reading.None,
            static w => At(w, 0, "menge") ? Reading.From(5) : Reading.None,
            static w => At(w, 0, "meng") && VowelAt(w, 4) ? Reading.From(2) : Reading.None,
        ],
        // 18: menyV -> me-nyV | meny-sV
        [
            static w => At(w, 0, "meny") && VowelAt(w, 4) ? Reading.From(2) : Reading.None,
            static w => At(w, 0, "meny") && VowelAt(w, 4) ? Reading.Recoded('s', 4) : Reading.None,
        ],
        // 19: mempA -> mem-pA where A is neither e nor n
        [static w => At(w, 0, "memp") && w.Length > 4 && IsLetter(w[4]) && w[4] is not ('e' or 'n') ? Reading.From(3) : Reading.None],
        // 20: pe{w|y}V -> pe-{w|y}V
        [static w => At(w, 0, "pe") && w.Length > 2 && w[2] is 'w' or 'y' && VowelAt(w, 3) ? Reading.From(2) : Reading.None],
        // 21: perV -> per-V | pe-rV
        [
            static w => At(w, 0, "per") && VowelAt(w, 3) ? Reading.From(3) : Reading.None,
            static w => At(w, 0, "per") && VowelAt(w, 3) ? Reading.From(2) : Reading.None,
        ],
        // 23: perCAP -> per-CAP where P does not start with "er"
        [static w => At(w, 0, "per") && ConsonantAt(w, 3) && w.Length > 4 && IsLetter(w[4]) && !At(w, 5, "er") ? Reading.From(3) : Reading.None],
        // 24: perCAerV -> per-CAerV where C != r
        [static w => At(w, 0, "per") && ConsonantAt(w, 3) && w[3] != 'r' && w.Length > 4 && IsLetter(w[4]) && At(w, 5, "er") && VowelAt(w, 7) ? Reading.From(3) : Reading.None],
        // 25: pem{b|f|v} -> pem-{b|f|v}
        [static w => At(w, 0, "pem") && w.Length > 3 && w[3] is 'b' or 'f' or 'v' ? Reading.From(3) : Reading.None],
        // 26: pemV -> pe-mV | pe-pV
        [
            static w => At(w, 0, "pem") && VowelAt(w, 3) ? Reading.From(2) : Reading.None,
            static w => At(w, 0, "pem") && VowelAt(w, 3) ? Reading.Recoded('p', 3) : Reading.None,
        ],
        // 27: pen{c|d|j|s|t|z} -> pen-{c|d|j|s|t|z}
        [static w => At(w, 0, "pen") && w.Length > 3 && w[3] is 'c' or 'd' or 'j' or 's' or 't' or 'z' ? Reading.From(3) : Reading.None],
        // 28: penV -> pe-nV | pe-tV
        [
            static w => At(w, 0, "pen") && VowelAt(w, 3) ? Reading.From(2) : Reading.None,
            static w => At(w, 0, "pen") && VowelAt(w, 3) ? Reading.Recoded('t', 3) : Reading.None,
        ],
        // 29: pengC -> peng-C
        [static w => At(w, 0, "peng") && ConsonantAt(w, 4) ? Reading.From(4) : Reading.None],
        // 30: pengV -> peng-V | peng-kV | penge-P
        [
            static w => At(w, 0, "peng") && VowelAt(w, 4) ? Reading.From(4) : Reading.None,
            static w => At(w, 0, "peng") && VowelAt(w, 4) ? Reading.Recoded('k', 4) : Reading.None,
            static w => At(w, 0, "penge") ? Reading.From(5) : Reading.None,
        ],
        // 31: penyV -> pe-nyV | peny-sV
        [
            static w => At(w, 0, "peny") && VowelAt(w, 4) ? Reading.From(2) : Reading.None,
            static w => At(w, 0, "peny") && VowelAt(w, 4) ? Reading.Recoded('s', 4) : Reading.None,
        ],
        // 32: pelV -> pe-lV, except pelajar -> pel-ajar
        [static w => w == "pelajar" ? Reading.From(3) : At(w, 0, "pel") && VowelAt(w, 3) ? Reading.From(2) : Reading.None],
        // 34: peCP -> pe-CP where P does not start with "er"
        [static w => At(w, 0, "pe") && ConsonantAt(w, 2) && !At(w, 3, "er") ? Reading.From(2) : Reading.None],
        // 35: terC1erC2 -> ter-C1erC2 where C1 is not r, w, y, l, m or n
        [static w => At(w, 0, "ter") && w.Length > 3 && IsObstruent(w[3]) && At(w, 4, "er") && ConsonantAt(w, 6) ? Reading.From(3) : Reading.None],
        // 36: peC1erC2 -> pe-C1erC2 where C1 is not r, w, y, l, m or n
        [static w => At(w, 0, "pe") && w.Length > 2 && IsObstruent(w[2]) && At(w, 3, "er") && ConsonantAt(w, 5) ? Reading.From(2) : Reading.None],
        // 37-40: infixes -er-, -el-, -em-, -in-: CerV -> CerV | CV, and so on
        InfixGroup('r'),
        InfixGroup('l'),
        InfixGroup('m'),
        InfixGroup('n'),
        // 41, 42: ku-A, kau-A
        [static w => At(w, 0, "ku") ? Reading.From(2) : Reading.None],
        [static w => At(w, 0, "kau") ? Reading.From(3) : Reading.None],
    ];

    // C + (e|i) + infix consonant + V: the word as it is, or without the infix (C kept as the recoding letter).
    private static PrefixRule[] InfixGroup(char consonant)
    {
        var infixVowel = consonant == 'n' ? 'i' : 'e';
        bool Matches(string w) => ConsonantAt(w, 0) && w.Length > 2 && w[1] == infixVowel && w[2] == consonant && VowelAt(w, 3);
        return
        [
            w => Matches(w) ? Reading.From(0) : Reading.None,
            w => Matches(w) ? Reading.Recoded(w[0], 3) : Reading.None,
        ];
    }
}
