using System.Collections.Concurrent;
using System.Collections.Frozen;

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

    // A proposal run compares each innovation with up to 60 candidates: a few thousand profiles hold the hot ones,
    // and the scorer lives as long as the process, so its memory must stay small.
    private const int MaxCachedProfiles = 10_000;

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
