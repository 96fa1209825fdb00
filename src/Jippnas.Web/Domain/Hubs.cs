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

/// <summary>
/// A decree that designated a hub; kept as history (a hub may be re-designated). A row is never changed except to
/// end it, when the hub stops: a later decree is a new row.
/// </summary>
public sealed class HubDesignation
{
    public const int MaxNumber = 100, MaxTitle = 300, MaxNote = 500;

    public int Id { get; init; }
    public int HubId { get; init; }
    public int Year { get; init; }
    public string? DecreeNumber { get; init; }
    public string? DecreeTitle { get; init; }
    public DateOnly? DecreeDate { get; init; }
    public string? SourceNote { get; init; }

    /// <summary>The approved assessment it rests on (null for the designations of the reference data).</summary>
    public int? AssessmentId { get; init; }

    /// <summary>The account that recorded it (null for the designations of the reference data).</summary>
    public int? RecordedBy { get; init; }
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>When the designation ended (the hub stopped), and why.</summary>
    public DateOnly? EndedOn { get; set; }
    public string? EndNote { get; set; }
}

/// <summary>The four criteria a candidate hub is assessed on (KepmenPANRB 94/2020).</summary>
public enum HubCriterion
{
    /// <summary>Track record in fostering public-service innovation.</summary>
    TrackRecord = 1,

    /// <summary>Commitment of the leadership.</summary>
    Leadership = 2,

    /// <summary>Innovation potential of its regencies/cities, tied to regional needs.</summary>
    Potential = 3,

    /// <summary>Support of the bureaucracy and stakeholders.</summary>
    Support = 4,
}

public enum AssessmentDecision
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>A candidate's assessment against the four criteria, and the decision on it.</summary>
public sealed class HubAssessment
{
    public const int MinScore = 0, MaxScore = 100, MaxText = 4000;

    public int Id { get; init; }
    public int HubId { get; init; }
    public int Year { get; set; }
    public AssessmentDecision Decision { get; set; }
    public string? DecisionNote { get; set; }
    public int? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public int CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Version { get; set; } = 1;
    public List<HubAssessmentScore> Scores { get; init; } = [];

    /// <summary>The mean of the scored criteria (null before any is scored).</summary>
    public double? Mean => Scores.Count == 0 ? null : Scores.Average(s => s.Score);
}

public sealed class HubAssessmentScore
{
    public int Id { get; init; }
    public int AssessmentId { get; init; }
    public HubCriterion Criterion { get; init; }
    public int Score { get; set; }
    public string? Evidence { get; set; }
    public string? Notes { get; set; }
}

/// <summary>The six steps of a hub's programme year, in their order.</summary>
public enum MilestoneKind
{
    Decree = 1,
    Agreement = 2,
    Platform = 3,
    Mentoring = 4,
    Forum = 5,
    Evaluation = 6,
}

public enum MilestoneStatus
{
    Planned = 0,
    InProgress = 1,
    Done = 2,
    Cancelled = 3,
}

/// <summary>One step of a hub's programme year: planned and actual dates, status and what proves it.</summary>
public sealed class HubMilestone
{
    public const int MaxEvidence = 2000;

    public int Id { get; init; }
    public int HubId { get; init; }
    public int Year { get; init; }
    public MilestoneKind Kind { get; init; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public DateOnly? ActualStart { get; set; }
    public DateOnly? ActualEnd { get; set; }
    public MilestoneStatus Status { get; set; }
    public string? Evidence { get; set; }
    public int? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
}
