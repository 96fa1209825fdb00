namespace Jippnas.Web.Domain;

public enum HubKind
{
    Province = 1,
    Ministry = 2,
}

public enum HubStatus
{
    Candidate = 0,
    Active = 1,
    Inactive = 2,
}

/// <summary>A Hub JIPP: a province (or a ministry/agency) designated by ministerial decree.</summary>
public sealed class Hub
{
    public int Id { get; init; }
    public required string Name { get; set; }
    public HubKind Kind { get; init; }
    public string? ProvinceCode { get; init; }
    public Region? Province { get; init; }
    public int? AgencyId { get; init; }
    public Agency? Agency { get; init; }
    public HubStatus Status { get; set; }
    public List<HubDesignation> Designations { get; init; } = [];
}

/// <summary>A decree that designated a hub; kept as history (a hub may be re-designated).</summary>
public sealed class HubDesignation
{
    public int Id { get; init; }
    public int HubId { get; init; }
    public int Year { get; init; }
    public string? DecreeNumber { get; init; }
    public string? DecreeTitle { get; init; }
    public DateOnly? DecreeDate { get; init; }
    public string? SourceNote { get; init; }
}
