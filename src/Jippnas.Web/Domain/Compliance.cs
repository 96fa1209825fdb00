namespace Jippnas.Web.Domain;

/// <summary>
/// A province's "one agency, one innovation" policy: every regional agency (OPD) of the province and its
/// regencies/cities develops at least one innovation a year, from the year it was adopted.
/// </summary>
public sealed class ProvincePolicy
{
    public const int MaxDecree = 200;

    public required string ProvinceCode { get; init; }
    public int AdoptedFromYear { get; set; }
    public string? Decree { get; set; }
    public int? RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
