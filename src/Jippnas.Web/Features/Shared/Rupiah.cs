using System.Globalization;
using System.Text.RegularExpressions;

namespace Jippnas.Web.Features.Shared;

/// <summary>
/// Reads an amount of rupiah as Indonesians write it: "Rp1.250.000", "Rp 1.250.000,-", "1.250.000,50", "1250000".
/// A dot separates thousands and a comma the sen; anything else ("1.5", "1,250,000", a negative amount, letters) is
/// refused naming the field, so an amount is never read a thousand times too small or too large.
/// </summary>
public static partial class Rupiah
{
    public const decimal Max = 1_000_000_000_000_000m;

    /// <summary>The amount in <paramref name="text"/>; null when empty or refused (the problem added on <paramref name="field"/>).</summary>
    public static decimal? Parse(string? text, string field, string label, List<(string Field, string Message)> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var written = text.Trim();
        var match = Amount().Match(written);
        if (!match.Success)
        {
            problems.Add((field, $"{label}: '{written}' bukan jumlah rupiah; tulis seperti 1.250.000 atau Rp1.250.000,50."));
            return null;
        }

        var whole = match.Groups["whole"].Value.Replace(".", "", StringComparison.Ordinal);
        var sen = match.Groups["sen"].Success ? match.Groups["sen"].Value : "0";
        var value = decimal.Parse($"{whole}.{sen}", NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (value >= Max)
        {
            problems.Add((field, $"{label}: '{written}' terlalu besar."));
            return null;
        }

        return value;
    }

    // "Rp" and spaces are optional; the whole part is digits, or groups of three behind dots; the sen one or two
    // digits behind a comma, or ",-".
    [GeneratedRegex(@"^(?:Rp\.?\s*)?(?<whole>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?<sen>\d{1,2})|,-)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();
}
