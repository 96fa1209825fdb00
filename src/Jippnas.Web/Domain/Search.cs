namespace Jippnas.Web.Domain;

public enum SynonymKind
{
    /// <summary>Words or phrases that mean the same (meninggal / kematian).</summary>
    Synonym = 1,

    /// <summary>An acronym and its expansion (KTP / kartu tanda penduduk).</summary>
    Acronym = 2,

    /// <summary>An English phrase and the Indonesian words records use for it (maternal mortality / kematian ibu).</summary>
    English = 3,
}

/// <summary>
/// A set of phrases the search treats as one: a query for any of them also finds records that use another.
/// Kept as data so that an administrator can add the words of their own region or sector.
/// </summary>
public sealed class SearchSynonym
{
    public const char Separator = '|';
    public const int MaxPhrases = 12;
    public const int MaxLength = 500;

    public int Id { get; init; }
    public SynonymKind Kind { get; set; }

    /// <summary>The phrases, separated by <see cref="Separator"/>, e.g. "ktp | kartu tanda penduduk".</summary>
    public required string Phrases { get; set; }

    public bool IsActive { get; set; } = true;
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> PhraseList =>
        Phrases.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Checks the phrases and writes them in their normal form; throws <see cref="DomainException"/> naming the field.</summary>
    public static string NormalisePhrases(string? phrases)
    {
        var list = (phrases ?? "").Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count < 2)
        {
            throw new DomainException("phrases", "Isi sedikitnya dua frasa yang dipisah tanda |, misalnya: ktp | kartu tanda penduduk.");
        }

        if (list.Count > MaxPhrases)
        {
            throw new DomainException("phrases", $"Paling banyak {MaxPhrases} frasa dalam satu kelompok.");
        }

        var joined = string.Join(" | ", list);
        if (joined.Length > MaxLength)
        {
            throw new DomainException("phrases", $"Kelompok frasa paling panjang {MaxLength} karakter.");
        }

        return joined;
    }
}

/// <summary>
/// A word as it appears in indexed text, the root the analyser gives it, and in how many innovations it occurs.
/// The search uses it to correct typos and to tell frequent words from selective ones.
/// </summary>
public sealed class SearchWord
{
    public required string Word { get; init; }
    public required string Stem { get; set; }
    public int DocumentCount { get; set; }
}

/// <summary>A setting of the search index, such as the version of the analyser that built it.</summary>
public sealed class SearchSetting
{
    public required string Key { get; init; }
    public required string Value { get; set; }
}
