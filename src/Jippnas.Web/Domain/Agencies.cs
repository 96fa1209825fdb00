namespace Jippnas.Web.Domain;

public enum AgencyKind
{
    Ministry = 1,
    NonMinistryAgency = 2,
    ProvincialGovernment = 3,
    RegencyGovernment = 4,
    CityGovernment = 5,
    RegionalAgency = 6,
    TechnicalUnit = 7,
    HealthCentre = 8,
    School = 9,
    Village = 10,
    Other = 99,
}

/// <summary>An instansi: a ministry, an agency, a regional government or one of its units.</summary>
public sealed class Agency
{
    public int Id { get; init; }
    public required string Name { get; set; }
    public string? Acronym { get; set; }
    public AgencyKind Kind { get; set; }
    public string? RegionCode { get; set; }
    public Region? Region { get; set; }
    public int? ParentId { get; set; }
    public Agency? Parent { get; set; }
}
