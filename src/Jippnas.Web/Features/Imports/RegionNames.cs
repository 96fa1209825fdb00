namespace Jippnas.Web.Features.Imports;

/// <summary>
/// Region names as sources write them, brought to one form: "Kab. Lumajang", "PEMKAB LUMAJANG" and "Kabupaten
/// Lumajang" meet; so do "Pemkot Palembang" and "Kota Palembang", "Prov. Jawa Timur" and "Jawa Timur". Jakarta's
/// "Kota Administrasi" may be written without "Administrasi".
/// </summary>
public static class RegionNames
{
    // Longest first: "pemerintah kabupaten" before "kabupaten".
    private static readonly (string Written, string Canonical)[] Prefixes =
    [
        ("pemerintah kabupaten administrasi ", "kabupaten "), ("pemerintah kota administrasi ", "kota "),
        ("kabupaten administrasi ", "kabupaten "), ("kota administrasi ", "kota "), ("kota adm ", "kota "), ("kab adm ", "kabupaten "),
        ("pemerintah kabupaten ", "kabupaten "), ("pemerintah kota ", "kota "), ("pemerintah provinsi ", ""),
        ("pemkab ", "kabupaten "), ("pemkot ", "kota "), ("pemprov ", ""), ("kabupaten ", "kabupaten "), ("kab ", "kabupaten "),
        ("kota ", "kota "), ("provinsi ", ""), ("prov ", ""),
    ];

    /// <summary>Lower case, punctuation as spaces, one space between words, the level's prefix in one spelling.</summary>
    public static string Normalize(string written)
    {
        var words = new string([.. written.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', words) + " ";
        foreach (var (prefix, canonical) in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = canonical + text[prefix.Length..];
                break;
            }
        }

        text = text.Trim();
        foreach (var (shortName, fullName) in Abbreviations)
        {
            if (text == shortName)
            {
                return fullName;
            }
        }

        return text;
    }

    // Province names written short, and Jakarta's name since 2024.
    private static readonly (string Short, string Full)[] Abbreviations =
    [
        ("dki jakarta", "daerah khusus ibukota jakarta"), ("daerah khusus jakarta", "daerah khusus ibukota jakarta"), ("dk jakarta", "daerah khusus ibukota jakarta"),
        ("diy", "daerah istimewa yogyakarta"), ("di yogyakarta", "daerah istimewa yogyakarta"), ("yogyakarta", "daerah istimewa yogyakarta"),
    ];

    /// <summary>The name without its level ("kabupaten lumajang" → "lumajang"), for sources that write the bare name.</summary>
    public static string Bare(string normalized) =>
        normalized.StartsWith("kabupaten ", StringComparison.Ordinal) ? normalized["kabupaten ".Length..]
        : normalized.StartsWith("kota ", StringComparison.Ordinal) ? normalized["kota ".Length..]
        : normalized;
}
