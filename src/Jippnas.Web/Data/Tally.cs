namespace Jippnas.Web.Data;

/// <summary>
/// A count of published innovations per dimension value (province, sector, year, phase, status, regency),
/// kept up to date by database triggers so headline figures never scan the innovations table.
/// </summary>
public sealed class Tally
{
    public const string Total = "total";
    public const string Province = "province";
    public const string Regency = "regency";
    public const string Sector = "sector";
    public const string Year = "year";
    public const string Phase = "phase";
    public const string Status = "status";

    public required string Dimension { get; init; }
    public required string Key { get; init; }
    public int Count { get; init; }
}
