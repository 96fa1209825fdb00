namespace Jippnas.Web.Domain;

/// <summary>Kemendagri administrative levels JIPPNas works with.</summary>
public enum RegionLevel
{
    Province = 1,
    Regency = 2,
    City = 3,
}

/// <summary>A province (<c>PP</c>) or a regency/city (<c>PP.RR</c>) under its Kemendagri code.</summary>
public sealed class Region
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public RegionLevel Level { get; init; }
    public string? ParentCode { get; init; }
    public Region? Parent { get; init; }

    public static bool IsProvinceCode(string code) =>
        code.Length == 2 && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]);

    public static bool IsRegencyCode(string code) =>
        code.Length == 5 && IsProvinceCode(code[..2]) && code[2] == '.'
        && char.IsAsciiDigit(code[3]) && char.IsAsciiDigit(code[4]);

    /// <summary>Regency codes 01–69 are kabupaten, 71–79 kota (Kemendagri scheme).</summary>
    public static RegionLevel LevelOfRegencyCode(string code) =>
        IsRegencyCode(code) && code[3] == '7' ? RegionLevel.City : RegionLevel.Regency;
}
