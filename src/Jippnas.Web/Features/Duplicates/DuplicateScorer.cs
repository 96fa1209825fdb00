using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using Jippnas.Web.Features.Imports;
using Jippnas.Web.Features.Search.Analysis;

namespace Jippnas.Web.Features.Duplicates;

/// <summary>What the scorer compares of an innovation.</summary>
public sealed record DuplicateFacts(string Name, string? Acronym, string? Agency, string? ProvinceCode, string? RegencyCode, int? Year);

/// <summary>Why two records look like one innovation, or not. Curators see each kind translated, so each must be true of the pair.</summary>
public enum DuplicateReasonKind
{
    /// <summary>The names are the same once case, punctuation, spelling, synonyms, word order and leading words like "Program" are set aside.</summary>
    SameName,

    /// <summary>The names share most of their words (value: similarity 0–1).</summary>
    SimilarName,

    /// <summary>Both records give the same acronym.</summary>
    SameAcronym,

    /// <summary>One record's acronym is written in the other's name ("Si Kadar" for SIKADAR).</summary>
    AcronymInName,

    /// <summary>An acronym written as one record's name spells the other's name (SIMBAS: Sistem Informasi Manajemen Bank Sampah).</summary>
    AcronymMatchesName,

    SameRegencyCity,

    /// <summary>Same province; the regency or city of at least one record is unknown.</summary>
    SameProvince,

    /// <summary>The same agency, however abbreviated ("Dinkes", "Dinas Kesehatan").</summary>
    SameAgency,

    /// <summary>The years are at most one apart (value: the difference).</summary>
    CloseYears,

    /// <summary>Different regencies or cities of one province: usually a replication, which is its own record.</summary>
    DifferentRegencyCity,

    DifferentProvince,

    /// <summary>Two units of the same kind (two health centres, two offices) of the same government.</summary>
    DifferentAgency,

    /// <summary>Both records give an acronym, and the acronyms differ.</summary>
    DifferentAcronym,

    /// <summary>Each name has words the other lacks, as "Samsat Corner" and "Samsat Keliling" (value: how many).</summary>
    DifferentNameWords,

    /// <summary>The years are three or more apart (value: the difference).</summary>
    DistantYears,
}

public sealed record DuplicateReason(DuplicateReasonKind Kind, double? Value = null);

public sealed record DuplicateScore(double Score, IReadOnlyList<DuplicateReason> Reasons)
{
    public bool IsLikely => Score >= DuplicateScorer.Threshold;
}

/// <summary>
/// Scores how likely two innovation records describe one innovation from their names, acronyms, regions, agencies
/// and years alone (no database): "Sistem Informasi Ketersediaan Darah" (SIKADAR) and "Si Kadar" of one hospital
/// are one, while "Smart Kampung" of Banyuwangi and of Bondowoso are two. Thread-safe; each record is analysed once
/// and kept (up to a bound), so comparing one record with many candidates costs little more than the comparisons.
/// </summary>
public sealed class DuplicateScorer
{
    /// <summary>Pairs scoring this or more are proposed to curators.</summary>
    public const double Threshold = 0.5;

    private const int MaxCachedProfiles = 100_000;

    private static readonly FrozenSet<string> LeadingWords = FrozenSet.ToFrozenSet(
        ["inovasi", "program", "gerakan", "aplikasi", "layanan", "pelayanan", "sistem", "kegiatan"], StringComparer.Ordinal);

    private readonly RegionFinder regions;
    private readonly ConcurrentDictionary<DuplicateFacts, Profile> profiles = new();

    /// <param name="regions">Kemendagri regions: provinces without a parent, regencies and cities under their province.</param>
    public DuplicateScorer(IEnumerable<(string Code, string Name, string? ParentCode)> regions)
    {
        this.regions = new RegionFinder(regions);
    }

    public DuplicateScore Score(DuplicateFacts a, DuplicateFacts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        // Words are matched greedily, so compare in one fixed order: Score(a, b) and Score(b, a) are the same.
        if (Compare(a, b) > 0)
        {
            (a, b) = (b, a);
        }

        var evidence = DuplicateEvidence.Of(ProfileOf(a), ProfileOf(b));
        return new DuplicateScore(evidence.Probability(), evidence.Reasons());
    }

    /// <summary>
    /// The name for finding candidates cheaply: lower case, no punctuation, an acronym in parentheses removed and
    /// leading words many names start with ("inovasi", "program", "layanan") dropped.
    /// </summary>
    public static string NameKey(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var (outside, parentheses, _) = NameText.Split(name);
        return KeyOf(outside, parentheses);
    }

    internal static string KeyOf(string outside, List<string> parentheses)
    {
        var words = NameText.Words(string.Join(' ', [outside, .. parentheses.Where(p => !NameText.LooksLikeAcronym(p, 3))]));
        var first = 0;
        while (first < words.Count - 1 && LeadingWords.Contains(words[first]))
        {
            first++;
        }

        return string.Join(' ', words.Skip(first));
    }

    private static int Compare(DuplicateFacts a, DuplicateFacts b)
    {
        int[] order =
        [
            string.CompareOrdinal(a.Name, b.Name), string.CompareOrdinal(a.Acronym, b.Acronym), string.CompareOrdinal(a.Agency, b.Agency),
            string.CompareOrdinal(a.ProvinceCode, b.ProvinceCode), string.CompareOrdinal(a.RegencyCode, b.RegencyCode),
            Nullable.Compare(a.Year, b.Year),
        ];
        return Array.Find(order, c => c != 0);
    }

    private Profile ProfileOf(DuplicateFacts facts)
    {
        if (profiles.TryGetValue(facts, out var profile))
        {
            return profile;
        }

        if (profiles.Count >= MaxCachedProfiles)
        {
            profiles.Clear();
        }

        return profiles.GetOrAdd(facts, f => Profile.Build(f, regions));
    }
}

internal enum PlaceRelation { Unknown, SameRegencyCity, SameProvince, DifferentRegencyCity, DifferentProvince }

internal enum AgencyRelation { Unknown, Same, Different }

/// <summary>What two records share and where they disagree, and how much that weighs.</summary>
internal sealed record DuplicateEvidence(
    double WordSimilarity, bool SameName, double AcronymSimilarity, bool SameAcronym, bool DifferentAcronym,
    bool AcronymInName, bool AcronymMatchesName, int DifferentWords, PlaceRelation Place, AgencyRelation Agency, int? YearGap)
{
    // One word in common ("Jakarta Kini" and "Lapor Banjir Jakarta Utara") says little, however short a name is.
    private const double MinNameWeight = 1.5;

    public static DuplicateEvidence Of(Profile a, Profile b)
    {
        var words = Tokens.Align(a.Terms, b.Terms);
        // A region both names mention ("Tangerang LIVE") is a word in common, though not compared as one.
        var matched = Math.Max(words.MatchedA, words.MatchedB) + (a.NameRegions.Overlaps(b.NameRegions) ? 1 : 0);
        var wordSimilarity = Similarity(words.CoverA, words.CoverB) * Math.Min(1, matched / MinNameWeight);
        double acronymSimilarity = 0;
        bool inName = false, spelled = false;
        foreach (var (x, y) in new[] { (a, b), (b, a) })
        {
            // x's acronym written in y's name stands for all of x's name, and covers its own words of y.
            foreach (var run in x.Acronyms.Select(y.RunOf).OfType<HashSet<string>>())
            {
                inName = true;
                var preset = Array.ConvertAll(y.Terms, t => run.Contains(t.Word) ? 1.0 : 0);
                acronymSimilarity = Math.Max(acronymSimilarity, Similarity(1, Tokens.Align(x.Terms, y.Terms, preset).CoverB));
            }

            foreach (var spelling in x.Spellings)
            {
                var share = Tokens.Spells(spelling, y.Content);
                spelled |= share > 0;
                acronymSimilarity = Math.Max(acronymSimilarity, share > 0 ? Similarity(1, share) : 0);
            }
        }

        var sameAcronym = a.Acronyms.Any(b.Acronyms.Contains);
        var place = Places.Compare(a.Place, b.Place);
        return new DuplicateEvidence(
            wordSimilarity,
            words.Exact || a.Key.Length > 0 && a.Key == b.Key || Math.Min(words.CoverA, words.CoverB) == 1,
            acronymSimilarity,
            sameAcronym,
            // "KTR" and "KTR RT" are one acronym, shortened.
            a.Acronyms.Length > 0 && b.Acronyms.Length > 0 && !inName
                && !a.Acronyms.Any(x => b.Acronyms.Any(y => x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal))),
            inName,
            spelled,
            // Words left on both sides mean the names differ in substance, unless an acronym explains them.
            acronymSimilarity > wordSimilarity ? 0 : Math.Min(words.LooseA, words.LooseB),
            place,
            // "Disdukcapil" of two regencies are two agencies.
            place is PlaceRelation.DifferentProvince or PlaceRelation.DifferentRegencyCity ? AgencyRelation.Unknown : Tokens.CompareAgencies(a.Agency, b.Agency),
            a.Year is { } first && b.Year is { } second ? Math.Abs(first - second) : null);
    }

    /// <summary>The evidence of the names: the better of their words and their acronyms.</summary>
    public double NameSimilarity => Math.Max(SameName ? 1 : WordSimilarity, AcronymSimilarity);

    /// <summary>
    /// A logistic score: alike names make a duplicate, a different regency or province or two units of one kind
    /// almost rule it out (a replication is its own record), the rest tips the balance. Weights were set by hand
    /// on half of the labelled pairs (tests/Jippnas.UnitTests/Data/duplicate-pairs.json) and checked on the other.
    /// </summary>
    public double Probability()
    {
        var z = -5.5 + 7.0 * NameSimilarity
            + (SameAcronym ? 0.5 : 0) + (DifferentAcronym ? -2.0 : 0) - 1.5 * DifferentWords
            + Place switch
            {
                PlaceRelation.SameRegencyCity => 1.5,
                PlaceRelation.SameProvince => 0.5,
                PlaceRelation.DifferentRegencyCity or PlaceRelation.DifferentProvince => -8.0,
                _ => 0,
            }
            + Agency switch
            {
                AgencyRelation.Same => 0.5,
                AgencyRelation.Different => -5.0,
                _ => 0,
            }
            + YearGap switch
            {
                <= 1 => 0.3,
                >= 3 => -1.5,
                _ => 0,
            };
        return Math.Round(1 / (1 + Math.Exp(-z)), 3);
    }

    public List<DuplicateReason> Reasons()
    {
        var reasons = new List<DuplicateReason>();
        if (SameName)
        {
            reasons.Add(new(DuplicateReasonKind.SameName));
        }
        else if (WordSimilarity >= 0.5)
        {
            reasons.Add(new(DuplicateReasonKind.SimilarName, Math.Round(WordSimilarity, 2)));
        }

        (bool, DuplicateReasonKind)[] facts =
        [
            (SameAcronym, DuplicateReasonKind.SameAcronym), (AcronymInName, DuplicateReasonKind.AcronymInName),
            (AcronymMatchesName, DuplicateReasonKind.AcronymMatchesName), (Place == PlaceRelation.SameRegencyCity, DuplicateReasonKind.SameRegencyCity),
            (Place == PlaceRelation.SameProvince, DuplicateReasonKind.SameProvince), (Agency == AgencyRelation.Same, DuplicateReasonKind.SameAgency),
            (Place == PlaceRelation.DifferentRegencyCity, DuplicateReasonKind.DifferentRegencyCity),
            (Place == PlaceRelation.DifferentProvince, DuplicateReasonKind.DifferentProvince),
            (Agency == AgencyRelation.Different, DuplicateReasonKind.DifferentAgency), (DifferentAcronym, DuplicateReasonKind.DifferentAcronym),
        ];
        reasons.AddRange(facts.Where(f => f.Item1).Select(f => new DuplicateReason(f.Item2)));
        if (DifferentWords > 0)
        {
            reasons.Add(new(DuplicateReasonKind.DifferentNameWords, DifferentWords));
        }

        if (YearGap is { } gap && gap is <= 1 or >= 3)
        {
            reasons.Add(new(gap <= 1 ? DuplicateReasonKind.CloseYears : DuplicateReasonKind.DistantYears, gap));
        }

        return reasons;
    }

    // An extra word on one side (a tagline, the region) weighs less than a word in place of another.
    private static double Similarity(double coverA, double coverB) => 0.75 * Math.Max(coverA, coverB) + 0.25 * Math.Min(coverA, coverB);
}

/// <summary>A word of a name or agency: as written (lower case), the term it stands for (stem or synonym group) and its weight.</summary>
internal readonly record struct Term(string Word, string Stem, double Weight);

/// <summary>A record analysed once for comparison.</summary>
internal sealed class Profile
{
    private const int MaxTerms = 32;
    private const int MaxShortNameLetters = 12;

    public required Term[] Terms { get; init; }
    public required string Key { get; init; }

    /// <summary>Acronyms the record gives (field, in parentheses, a name written in capitals), letters and digits only.</summary>
    public required string[] Acronyms { get; init; }

    /// <summary>
    /// Acronyms written as the name or in it, and a short name that may be one ("SIMBAS", "Si Kadar", "JSS (Jogja
    /// Smart Service)"). Only these may spell another record's name: an acronym given beside an unrelated name is a
    /// coincidence when it spells another (GPS: Gerakan Pungut Sampah, Gerakan Peduli Stunting).
    /// </summary>
    public required string[] Spellings { get; init; }

    /// <summary>All words of the name, lower case, for finding an acronym written in it.</summary>
    public required string[] Words { get; init; }

    /// <summary>Words of the name without stop words, and whether each is generic: what an acronym may spell.</summary>
    public required (string Word, bool Generic)[] Content { get; init; }

    /// <summary>The regions the name mentions, as written there.</summary>
    public required FrozenSet<string> NameRegions { get; init; }

    public required PlaceFacts Place { get; init; }
    public required Term[] Agency { get; init; }
    public required int? Year { get; init; }

    public static Profile Build(DuplicateFacts facts, RegionFinder regions)
    {
        var (outside, parentheses, head) = NameText.Split(facts.Name ?? "");
        var (nameText, acronyms) = ReadAcronyms(facts.Acronym, outside, parentheses, head);

        // Region names in a name place the record ("Klinik Apung Halmahera Selatan") but are not compared as words.
        var words = NameText.Words(nameText);
        var nameHits = regions.Find(words, forName: true);
        var kept = NameText.Without(words, nameHits);
        var terms = Synonyms.Shared.Apply(Analyze(string.Join(' ', kept)));
        var allWords = NameText.Words(facts.Name ?? "").ToArray();
        var shortName = string.Concat(kept);
        var spellings = kept.Count is > 0 and <= 2 && shortName.Length is >= 3 and <= MaxShortNameLetters ? acronyms.Append(shortName) : acronyms;

        // The agency without its region and level words: "Dinas Kesehatan Kab. Lumajang" is "dinas kesehatan".
        var agencyWords = NameText.Words(facts.Agency ?? "");
        var agencyHits = regions.Find(agencyWords, forName: false);
        var agency = Analyze(string.Join(' ', NameText.Without(agencyWords, agencyHits).Where(w => !RegionFinder.LevelWords.Contains(w))));

        return new Profile
        {
            Terms = terms,
            Key = DuplicateScorer.KeyOf(outside, parentheses),
            Acronyms = [.. acronyms.Distinct()],
            Spellings = [.. spellings.Distinct().Where(a => RunOf(allWords, a) is not null)],
            Words = allWords,
            Content = [.. Analyze(nameText).Select(t => (t.Word, Tokens.IsGeneric(t.Term)))],
            NameRegions = nameHits.Select(h => string.Concat(words.GetRange(h.Start, h.Length))).ToFrozenSet(StringComparer.Ordinal),
            Place = RegionFinder.Locate(facts, agencyHits, nameHits),
            Agency = [.. agency.Select(t => new Term(t.Word, t.Term, 1))],
            Year = facts.Year,
        };
    }

    /// <summary>The consecutive words of the name that, written together, are the acronym ("Si Kadar" for sikadar), or null.</summary>
    public HashSet<string>? RunOf(string acronym) => RunOf(Words, acronym);

    private static HashSet<string>? RunOf(string[] words, string acronym)
    {
        if (acronym.Length < 3)
        {
            return null;
        }

        for (var start = 0; start < words.Length; start++)
        {
            var length = 0;
            for (var end = start; end < words.Length; end++)
            {
                var word = words[end];
                if (length + word.Length > acronym.Length || !acronym.AsSpan(length, word.Length).SequenceEqual(word))
                {
                    break;
                }

                length += word.Length;
                if (length == acronym.Length)
                {
                    return new HashSet<string>(words[start..(end + 1)], StringComparer.Ordinal);
                }
            }
        }

        return null;
    }

    // The acronyms a record gives and the text of its name: "GEMPITA" in parentheses is an acronym, "(Ambulans Laut)"
    // more name; in "JSS (Jogja Smart Service)" the acronym is outside and the name inside.
    private static (string NameText, List<string> Acronyms) ReadAcronyms(string? field, string outside, List<string> parentheses, string? head)
    {
        var acronyms = new List<string>();
        Add(field);
        var expansions = new List<string>();
        foreach (var part in parentheses)
        {
            if (NameText.LooksLikeAcronym(part, 3))
            {
                Add(part);
            }
            else
            {
                expansions.Add(part);
            }
        }

        var nameText = string.Join(' ', [outside, .. expansions]);
        if (expansions.Count > 0 && NameText.LooksLikeAcronym(outside, 3))
        {
            Add(outside);
            nameText = string.Join(' ', expansions);
        }
        else if (NameText.LooksLikeAcronym(outside, 1))
        {
            Add(outside);
        }

        if (head is not null && NameText.LooksLikeAcronym(head, 3))
        {
            Add(head);
        }

        return (nameText, acronyms);

        void Add(string? written)
        {
            var compact = written is null ? "" : NameText.Compact(written);
            if (compact.Length >= 2)
            {
                acronyms.Add(compact);
            }
        }
    }

    private static List<AnalyzedToken> Analyze(string text)
    {
        var tokens = new List<AnalyzedToken>();
        IndonesianAnalyzer.Shared.Analyze(text, tokens);
        if (tokens.Count > MaxTerms)
        {
            tokens.RemoveRange(MaxTerms, tokens.Count - MaxTerms);
        }

        return tokens;
    }
}

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

/// <summary>A region named in a text: the words it spans and what it stands for.</summary>
internal sealed record RegionHit(int Start, int Length, RegionPlace Place);

/// <summary>
/// What a region name stands for: a province (no regency, no candidates), one regency or city, or a bare name
/// several share (<see cref="Candidates"/>: "Bogor" is a regency and a city).
/// </summary>
internal sealed record RegionPlace(string? Province, string? Regency, string[] Candidates);

/// <summary>Where a record is: from its codes, else from the regions its agency or name mention.</summary>
internal sealed record PlaceFacts(string? Province, string? Regency, string[] Candidates);

/// <summary>Finds Kemendagri region names in the words of agencies and names, however sources write them.</summary>
internal sealed class RegionFinder
{
    /// <summary>Words that say the level of a region or government, and abbreviations that start a province's name.</summary>
    public static readonly FrozenSet<string> LevelWords = FrozenSet.ToFrozenSet(
        ["pemerintah", "kabupaten", "kab", "pemkab", "kota", "pemkot", "provinsi", "prov", "pemprov", "administrasi", "adm", "dki", "dk", "di", "diy"],
        StringComparer.Ordinal);

    // Spellings RegionNames does not know: Sumatran "Pemko" for Pemkot, "Kep." for Kepulauan.
    private static readonly FrozenDictionary<string, string> Spellings =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["pemko"] = "pemkot", ["kep"] = "kepulauan" }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly Dictionary<string, RegionPlace> places = new(StringComparer.Ordinal);

    // The most words of a region name starting with a word: most words start none and are passed over at once.
    private readonly Dictionary<string, int> longestFrom = new(StringComparer.Ordinal);

    public RegionFinder(IEnumerable<(string Code, string Name, string? ParentCode)> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var bare = new Dictionary<string, List<(string Code, string Province)>>(StringComparer.Ordinal);
        foreach (var (code, name, parent) in regions)
        {
            var normalized = RegionNames.Normalize(name);
            if (parent is null)
            {
                places.TryAdd(normalized, new RegionPlace(code, null, []));
                continue;
            }

            // "Kota Pangkal Pinang" is also written "Pangkalpinang".
            var place = new RegionPlace(parent, code, [code]);
            var bareName = RegionNames.Bare(normalized);
            var joined = bareName.Replace(" ", "", StringComparison.Ordinal);
            places.TryAdd(normalized, place);
            places.TryAdd(normalized[..^bareName.Length] + joined, place);
            foreach (var key in new[] { bareName, joined }.Distinct())
            {
                if (!bare.TryGetValue(key, out var list))
                {
                    bare[key] = list = [];
                }

                list.Add((code, parent));
            }
        }

        foreach (var (name, list) in bare)
        {
            var provinces = list.Select(r => r.Province).Distinct().ToList();
            var province = provinces.Count == 1 ? provinces[0] : null;
            if (places.TryGetValue(name, out var same))
            {
                // Also a province's name (Bengkulu, Jambi, Gorontalo): the province or its city, so only the province is known.
                places[name] = new RegionPlace(province == same.Province ? province : null, null, []);
            }
            else
            {
                places[name] = new RegionPlace(province, list.Count == 1 ? list[0].Code : null, [.. list.Select(r => r.Code)]);
            }
        }

        foreach (var key in places.Keys)
        {
            var words = key.Split(' ');
            longestFrom[words[0]] = Math.Max(words.Length, longestFrom.GetValueOrDefault(words[0]));
        }
    }

    /// <summary>
    /// The regions named in the words, longest first. In names, a bare region name of one word that is also an
    /// Indonesian word (batu, malang, banjar) is not taken for a region.
    /// </summary>
    public List<RegionHit> Find(List<string> words, bool forName)
    {
        for (var i = 0; i < words.Count; i++)
        {
            words[i] = Spellings.GetValueOrDefault(words[i], words[i]);
        }

        var hits = new List<RegionHit>();
        for (var i = 0; i < words.Count;)
        {
            var level = LevelWords.Contains(words[i]);
            var length = Math.Min(Longest(words, i), words.Count - i);
            for (; length >= 1; length--)
            {
                var phrase = length == 1 ? words[i] : string.Join(' ', words.GetRange(i, length));
                if (places.TryGetValue(level ? RegionNames.Normalize(phrase) : phrase, out var place)
                    && !(forName && length == 1 && !level && IndonesianStemmer.Shared.IsRootWord(phrase)))
                {
                    hits.Add(new RegionHit(i, length, place));
                    break;
                }
            }

            i += Math.Max(length, 1);
        }

        return hits;
    }

    public static PlaceFacts Locate(DuplicateFacts facts, List<RegionHit> agencyHits, List<RegionHit> nameHits)
    {
        var regency = string.IsNullOrWhiteSpace(facts.RegencyCode) ? null : facts.RegencyCode.Trim();
        var province = string.IsNullOrWhiteSpace(facts.ProvinceCode) ? null : facts.ProvinceCode.Trim();
        if (regency is not null && province is null && regency.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot)
        {
            province = regency[..dot];
        }

        // Regions the agency names first, then the name's; none that contradicts the record's own province.
        var named = agencyHits.Concat(nameHits).Select(h => h.Place).Where(p => province is null || p.Province is null || p.Province == province).ToList();
        string[] candidates = [];
        if (regency is null)
        {
            if (named.Find(p => p.Regency is not null) is { } known)
            {
                regency = known.Regency;
            }
            else if (named.Find(p => p.Candidates.Length > 0) is { } shared)
            {
                candidates = province is null ? shared.Candidates : [.. shared.Candidates.Where(c => c.StartsWith(province + ".", StringComparison.Ordinal))];
            }
        }

        return new PlaceFacts(province ?? named.Find(p => p.Province is not null)?.Province, regency, candidates);
    }

    // The most words a region name starting at word i may have: level words ("pemerintah kabupaten administrasi")
    // and the longest name starting with the word after them.
    private int Longest(List<string> words, int i)
    {
        var next = i;
        while (next < words.Count && LevelWords.Contains(words[next]))
        {
            next++;
        }

        return next - i + (next < words.Count ? longestFrom.GetValueOrDefault(words[next]) : 0);
    }
}

/// <summary>How two records' places relate.</summary>
internal static class Places
{
    public static PlaceRelation Compare(PlaceFacts a, PlaceFacts b)
    {
        if (a.Regency is not null && b.Regency is not null)
        {
            return a.Regency == b.Regency ? PlaceRelation.SameRegencyCity : Apart(a, b);
        }

        if (a.Regency is not null && b.Candidates.Length > 0 && !b.Candidates.Contains(a.Regency)
            || b.Regency is not null && a.Candidates.Length > 0 && !a.Candidates.Contains(b.Regency))
        {
            return Apart(a, b);
        }

        if (a.Province is null || b.Province is null)
        {
            return PlaceRelation.Unknown;
        }

        return a.Province == b.Province ? PlaceRelation.SameProvince : PlaceRelation.DifferentProvince;
    }

    private static PlaceRelation Apart(PlaceFacts a, PlaceFacts b) =>
        a.Province is not null && b.Province is not null && a.Province != b.Province ? PlaceRelation.DifferentProvince : PlaceRelation.DifferentRegencyCity;
}

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
