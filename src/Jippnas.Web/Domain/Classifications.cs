namespace Jippnas.Web.Domain;

/// <summary>
/// A classification list entry kept as data (sectors, SDGs, award kinds, source systems): the lists change
/// every year, so an administrator extends them without a release.
/// </summary>
public abstract class Classification
{
    public int Id { get; init; }
    public required string Code { get; init; }
    public required string NameId { get; set; }
    public required string NameEn { get; set; }
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }

    public string Name(bool english) => english ? NameEn : NameId;
}

/// <summary>Urusan pemerintahan (government affair) that an innovation serves.</summary>
public sealed class Sector : Classification;

/// <summary>Sustainable Development Goal (1–17).</summary>
public sealed class Sdg : Classification;

/// <summary>A kind of award: KIPP Top 99, Top 45, Outstanding Achievement, IGA, and others.</summary>
public sealed class AwardKind : Classification
{
    /// <summary>Higher weighs more when ranking "most awarded".</summary>
    public int Weight { get; set; } = 1;
}

/// <summary>A system JIPPNas takes records from: KIPP/SINOVIK, IGA, LAN Innovation Lab, a provincial portal.</summary>
public sealed class SourceSystem : Classification;

/// <summary>A competition category (KIPP groups change every year).</summary>
public sealed class CompetitionCategory : Classification
{
    public int? Year { get; set; }
}
