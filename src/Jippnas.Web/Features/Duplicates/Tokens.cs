using System.Collections.Frozen;
using Jippnas.Web.Features.Search.Analysis;

namespace Jippnas.Web.Features.Duplicates;

/// <summary>Word-by-word comparison of names and agencies.</summary>
internal static class Tokens
{
    private const double GenericWeight = 0.35;
    private const double TypoQuality = 0.9;
    private const double AbbreviationQuality = 0.8;
    private const int MaxSpan = 6;

    // Words so many innovation names contain that sharing them says little (stems: "gerak" is gerakan, "layan" layanan).
    private static readonly FrozenSet<string> GenericStems = FrozenSet.ToFrozenSet(
        ["program", "gerak", "inovasi", "aplikasi", "sistem", "informasi", "layan", "online", "daring", "digital", "padu",
         "integrasi", "smart", "e", "bas", "kelola"],
        StringComparer.Ordinal);

    public static bool IsGeneric(string stem) => GenericStems.Contains(stem);

    public static double WeightOf(bool generic) => generic ? GenericWeight : 1;

    /// <summary>
    /// How much of each side the other covers (by weight, 0–1), whether every word met its twin exactly, and how
    /// many words of each side met nothing. Words meet by stem or synonym group, written together ("Sapa Warga",
    /// "Sapawarga"), with a typo, or as an abbreviation of one or more words ("PKM" Puskesmas, "Dinkes" Dinas Kesehatan).
    /// </summary>
    public static (double CoverA, double CoverB, double MatchedA, double MatchedB, bool Exact, int LooseA, int LooseB) Align(Term[] a, Term[] b, double[]? presetB = null)
    {
        var qa = new double[a.Length];
        var qb = presetB ?? new double[b.Length];
        var exact = 0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < b.Length; j++)
            {
                if (qb[j] == 0 && a[i].Stem == b[j].Stem)
                {
                    qa[i] = qb[j] = 1;
                    exact++;
                    break;
                }
            }
        }

        Joined(a, qa, b, qb);
        Joined(b, qb, a, qa);
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < b.Length && qa[i] == 0; j++)
            {
                if (qb[j] == 0 && IsTypo(a[i].Word, b[j].Word))
                {
                    qa[i] = qb[j] = TypoQuality;
                }
            }
        }

        Abbreviated(a, qa, b, qb);
        Abbreviated(b, qb, a, qa);
        var (matchedA, totalA) = Matched(a, qa);
        var (matchedB, totalB) = Matched(b, qb);
        return (totalA == 0 ? 0 : matchedA / totalA, totalB == 0 ? 0 : matchedB / totalB, matchedA, matchedB,
            exact == a.Length && exact == b.Length, Loose(a, qa), Loose(b, qb));
    }

    /// <summary>Same when each agency covers most of the other; different when two units of one kind differ ("Puskesmas Waru", "Puskesmas Taman").</summary>
    public static AgencyRelation CompareAgencies(Term[] a, Term[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return AgencyRelation.Unknown;
        }

        var (coverA, coverB, _, _, _, looseA, looseB) = Align(a, b);
        if (Math.Min(coverA, coverB) >= AbbreviationQuality)
        {
            return AgencyRelation.Same;
        }

        return a[0].Word == b[0].Word && looseA > 0 && looseB > 0 ? AgencyRelation.Different : AgencyRelation.Unknown;
    }

    /// <summary>
    /// The share of the name's words (other than generic ones) the acronym spells, or 0 when it spells less than 60%
    /// (SIMBAS: SIstem Manajemen BAnk Sampah, SIKADAR: SIstem KetersediAan DARah, MTC: Manado Tanggap Cepat): each
    /// word used gives a piece that starts with its first letter and takes further letters of it in order; generic
    /// words may give nothing; at least two pieces are parts of their words, not whole words.
    /// </summary>
    public static double Spells(string acronym, (string Word, bool Generic)[] words)
    {
        var content = words.Count(w => !w.Generic);
        if (acronym.Length < 3 || content == 0 || !Array.Exists(words, w => w.Word[0] == acronym[0]))
        {
            return 0;
        }

        var memo = new int[acronym.Length * words.Length * 3];
        memo.AsSpan().Fill(Unknown);
        var best = -1;
        for (var start = 0; start < words.Length; start++)
        {
            best = Math.Max(best, Spell(acronym, 0, words, start, 0, memo));
        }

        return best >= 0.6 * content ? (double)best / content : 0;
    }

    private const int Unknown = -2;

    // The most words (other than generic ones) that spell acronym[i..] from word w on, or -1 if none can.
    private static int Spell(string acronym, int i, (string Word, bool Generic)[] words, int w, int partial, int[] memo)
    {
        if (i == acronym.Length)
        {
            return partial >= 2 ? 0 : -1;
        }

        if (w == words.Length)
        {
            return -1;
        }

        partial = Math.Min(partial, 2);
        var state = (i * words.Length + w) * 3 + partial;
        if (memo[state] != Unknown)
        {
            return memo[state];
        }

        var (word, generic) = words[w];
        var best = generic ? Spell(acronym, i, words, w + 1, partial, memo) : -1;
        if (word[0] == acronym[i])
        {
            for (int k = i + 1, p = 1; ; k++)
            {
                var rest = Spell(acronym, k, words, w + 1, partial + (k - i < word.Length ? 1 : 0), memo);
                best = rest < 0 ? best : Math.Max(best, rest + (generic ? 0 : 1));
                if (k == acronym.Length || (p = word.IndexOf(acronym[k], p)) < 0)
                {
                    break;
                }

                p++;
            }
        }

        memo[state] = best;
        return best;
    }

    /// <summary>
    /// Whether the short form is read from the words in order: its first letter is the first word's, every word gives
    /// at least one letter (din-kes, p-k-m, dis-duk-ca-pil, hal-sel).
    /// </summary>
    public static bool Abbreviates(string shortForm, ReadOnlySpan<Term> words)
    {
        if (words.Length == 0 || shortForm.Length < Math.Max(2, words.Length) || words[0].Word[0] != shortForm[0]
            || words.Length == 1 && shortForm.Length >= words[0].Word.Length)
        {
            return false;
        }

        // reach[i]: the first i letters are read from the words so far, each word giving one or more.
        Span<bool> reach = stackalloc bool[shortForm.Length + 1];
        Span<bool> next = stackalloc bool[shortForm.Length + 1];
        reach[0] = true;
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w].Word;
            next.Clear();
            for (var i = 0; i < shortForm.Length; i++)
            {
                if (!reach[i])
                {
                    continue;
                }

                // The first word gives the first letter from its start; later letters come from anywhere after.
                var k = i;
                var p = 0;
                if (w == 0)
                {
                    k = p = 1;
                    next[k] = true;
                }

                while (k < shortForm.Length && (p = word.IndexOf(shortForm[k], p)) >= 0)
                {
                    p++;
                    k++;
                    next[k] = true;
                }
            }

            next.CopyTo(reach);
        }

        return reach[shortForm.Length];
    }

    // Words other than generic ones that met nothing.
    private static int Loose(Term[] terms, double[] quality)
    {
        var loose = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            loose += quality[i] == 0 && terms[i].Weight == 1 ? 1 : 0;
        }

        return loose;
    }

    private static (double Matched, double Total) Matched(Term[] terms, double[] quality)
    {
        double total = 0, matched = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            total += terms[i].Weight;
            matched += terms[i].Weight * quality[i];
        }

        return (matched, total);
    }

    // "Sapawarga" and "Sapa Warga", "Dottorota" and "Dottoro'ta", "eKinerja" and "E-Kinerja".
    private static void Joined(Term[] a, double[] qa, Term[] b, double[] qb)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (qa[i] > 0)
            {
                continue;
            }

            for (var j = 0; j + 1 < b.Length && qa[i] == 0; j++)
            {
                var length = 0;
                for (var end = j; end < b.Length && end - j < 3 && qb[end] == 0; end++)
                {
                    var word = b[end].Word;
                    if (length + word.Length > a[i].Word.Length || !a[i].Word.AsSpan(length, word.Length).SequenceEqual(word))
                    {
                        break;
                    }

                    length += word.Length;
                    if (length == a[i].Word.Length && end > j)
                    {
                        qa[i] = 1;
                        qb.AsSpan(j, end - j + 1).Fill(1);
                        break;
                    }
                }
            }
        }
    }

    private static void Abbreviated(Term[] a, double[] qa, Term[] b, double[] qb)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var word = a[i].Word;
            if (qa[i] > 0 || word.Length < 2 || !word.All(char.IsAsciiLetterLower) || IndonesianStemmer.Shared.IsRootWord(word))
            {
                continue;
            }

            for (var j = 0; j < b.Length && qa[i] == 0; j++)
            {
                for (var span = 1; span <= MaxSpan && j + span <= b.Length && qb[j + span - 1] == 0; span++)
                {
                    if (Abbreviates(word, b.AsSpan(j, span)))
                    {
                        qa[i] = AbbreviationQuality;
                        qb.AsSpan(j, span).Fill(AbbreviationQuality);
                        break;
                    }
                }
            }
        }
    }

    // One slip in a word of four or more letters, two in one of eight or more; not between two dictionary words (rumah, ramah).
    private static bool IsTypo(string a, string b)
    {
        var shorter = Math.Min(a.Length, b.Length);
        if (shorter < 4 || a.Any(char.IsAsciiDigit) || b.Any(char.IsAsciiDigit)
            || IndonesianStemmer.Shared.IsRootWord(a) && IndonesianStemmer.Shared.IsRootWord(b))
        {
            return false;
        }

        var allowed = shorter >= 8 ? 2 : 1;
        return EditDistance.Bounded(a, b, allowed) <= allowed;
    }
}
