namespace Jippnas.Web.Domain;

/// <summary>The stages of a replication, in their order; declined and stopped end it early.</summary>
public enum ReplicationStage
{
    Proposed = 0,
    Agreed = 1,
    StudyVisit = 2,
    ActionPlan = 3,
    Budgeted = 4,
    Trial = 5,
    Implemented = 6,
    Institutionalised = 7,

    /// <summary>The owner of the origin declined (from proposed only), with a reason.</summary>
    Declined = 8,

    /// <summary>Stopped before it was institutionalised, with a reason.</summary>
    Stopped = 9,
}

public enum Adaptation
{
    /// <summary>Adopted as it is.</summary>
    Adopt = 1,

    /// <summary>Modified: what changed is written down.</summary>
    Modify = 2,
}

public enum BudgetSource
{
    Apbd = 1,
    Apbn = 2,
    Did = 3,
    DanaDesa = 4,
    Donor = 5,
    Other = 6,
}

public enum ActionItemStatus
{
    Planned = 0,
    InProgress = 1,
    Done = 2,
    Cancelled = 3,
}

/// <summary>
/// A replication: an agency (and its regency/city) replicating a proven innovation from elsewhere, with its hub and
/// mentor, the need it answers, how it adapts the origin, and where it stands. The replica is an innovation record
/// of its own, linked to its origin; a replication of a replica points at the replication that made it (lineage).
/// </summary>
public sealed class Replication
{
    public const int MaxText = 4000, MaxRegulation = 300;

    public int Id { get; init; }
    public int OriginId { get; init; }
    public Innovation? Origin { get; init; }
    public int? ReplicaId { get; set; }
    public Innovation? Replica { get; init; }
    public int AgencyId { get; init; }
    public Agency? Agency { get; init; }
    public required string RegencyCode { get; init; }
    public int? HubId { get; init; }
    public int? MentorId { get; set; }
    public int? NeedId { get; init; }
    public Adaptation Adaptation { get; set; }

    /// <summary>What was changed from the origin (required when modified).</summary>
    public string? AdaptationNote { get; set; }
    public ReplicationStage Stage { get; set; }

    /// <summary>Why it was declined or stopped.</summary>
    public string? StageNote { get; set; }

    /// <summary>The regulation that made it permanent (institutionalised): number and date.</summary>
    public string? RegulationNumber { get; set; }
    public DateOnly? RegulationDate { get; set; }

    /// <summary>The replication whose replica this one replicates (replicas of replicas).</summary>
    public int? ParentId { get; init; }
    public int CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
    public List<ReplicationStageDate> Dates { get; init; } = [];
}

/// <summary>A stage's planned and actual date (a row per stage reached or planned).</summary>
public sealed class ReplicationStageDate
{
    public const int MaxNote = 2000;

    public int Id { get; init; }
    public int ReplicationId { get; init; }
    public ReplicationStage Stage { get; init; }
    public DateOnly? PlannedOn { get; set; }
    public DateOnly? ActualOn { get; set; }
    public string? Note { get; set; }
    public int? RecordedBy { get; set; }
}

/// <summary>A document of a replication's stage (the owner's agreement, an approval, the regulation), kept in the evidence store.</summary>
public sealed class ReplicationFile
{
    public const int MaxDescription = 300;

    public int Id { get; init; }
    public int ReplicationId { get; init; }
    public ReplicationStage Stage { get; init; }
    public required string Name { get; init; }
    public required string MediaType { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public string? Description { get; init; }
    public int UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}

/// <summary>An innovation shortlisted for a regency/city (and the need it would answer) by its mentor or hub.</summary>
public sealed class ShortlistEntry
{
    public const int MaxNote = 1000;

    public int Id { get; init; }
    public required string RegencyCode { get; init; }
    public int? NeedId { get; init; }
    public int InnovationId { get; init; }
    public string? Note { get; init; }
    public int AddedBy { get; init; }
    public DateTimeOffset AddedAt { get; init; }
}

/// <summary>A study visit (studi tiru) to the origin: when, to whom, who went, the agenda, what was learnt, its cost.</summary>
public sealed class StudyVisit
{
    public const int MaxText = 4000, MaxHost = 300;

    public int Id { get; init; }
    public int ReplicationId { get; init; }
    public DateOnly VisitedOn { get; set; }
    public required string Host { get; set; }
    public int ParticipantCount { get; set; }
    public string? Participants { get; set; }
    public string? Agenda { get; set; }
    public string? Findings { get; set; }

    /// <summary>In rupiah.</summary>
    public decimal? Cost { get; set; }
    public int RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>The replicating agency's action plan (rencana aksi): its activities with budget lines, and the mentor's review.</summary>
public sealed class ActionPlan
{
    public int Id { get; init; }
    public int ReplicationId { get; init; }
    public int Version { get; set; } = 1;
    public int? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ActionItem> Items { get; init; } = [];
    public List<ActionPlanComment> Comments { get; init; } = [];

    /// <summary>Done activities over those not cancelled (0–1); null with none.</summary>
    public double? Progress
    {
        get
        {
            var counted = Items.Where(i => i.Status != ActionItemStatus.Cancelled).ToList();
            return counted.Count == 0 ? null : (double)counted.Count(i => i.Status == ActionItemStatus.Done) / counted.Count;
        }
    }
}

/// <summary>One activity of an action plan: who, when, what it yields, and its budget line.</summary>
public sealed class ActionItem
{
    public const int MaxText = 1000, MaxUnit = 300, MaxItems = 50;

    public int Id { get; init; }
    public int PlanId { get; init; }
    public int Ordinal { get; set; }
    public required string Activity { get; set; }
    public string? Unit { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? Output { get; set; }

    /// <summary>In rupiah.</summary>
    public decimal? Amount { get; set; }
    public BudgetSource? Source { get; set; }
    public int? FiscalYear { get; set; }
    public ActionItemStatus Status { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>A comment of the mentor's (or the hub's) review of an action plan.</summary>
public sealed class ActionPlanComment
{
    public const int MaxText = 4000;

    public int Id { get; init; }
    public int PlanId { get; init; }
    public int AuthorId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Text { get; init; }
}
