namespace Jippnas.Web.Domain;

/// <summary>Tahap pembinaan (PermenPANRB 91/2021).</summary>
public enum InnovationPhase
{
    Creation = 1,
    Development = 2,
    Institutionalisation = 3,
}

public enum InnovationStatus
{
    Unconfirmed = 0,
    Running = 1,
    Developing = 2,
    Stopped = 3,
    Dormant = 4,
}

/// <summary>Where a record's facts come from, shown on its page so nobody mistakes a trial record for a real one.</summary>
public enum Provenance
{
    Submitted = 0,
    PublishedFact = 1,
    Imported = 2,
    Synthetic = 9,
}

/// <summary>
/// The canonical record of one real innovation. Source systems contribute <see cref="SourceRecord"/>s to it;
/// the narrative fields are those KIPP and IGA ask for.
/// </summary>
public sealed class Innovation
{
    public int Id { get; init; }
    public required string Name { get; set; }
    public string? Acronym { get; set; }
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public string? UnitName { get; set; }
    public string? ProvinceCode { get; set; }
    public Region? Province { get; set; }
    public string? RegencyCode { get; set; }
    public Region? Regency { get; set; }
    public int? YearStarted { get; set; }
    public InnovationPhase? Phase { get; set; }
    public InnovationStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public DateOnly? StatusConfirmedOn { get; set; }
    public int? SectorId { get; set; }
    public Sector? Sector { get; set; }
    public bool? IsDigital { get; set; }

    public string? Summary { get; set; }
    public string? Problem { get; set; }
    public string? Aims { get; set; }
    public string? Novelty { get; set; }
    public string? Implementation { get; set; }
    public string? Impact { get; set; }
    public string? Adaptability { get; set; }
    public string? Resources { get; set; }
    public string? Sustainability { get; set; }

    public string? VideoUrl { get; set; }
    public string? ApplicationUrl { get; set; }

    /// <summary>Innovator contact: personal data, never shown publicly nor exported.</summary>
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    public Provenance Provenance { get; set; }
    public string? ProvenanceNote { get; set; }
    public bool IsPublished { get; set; } = true;

    /// <summary>Where this edition stands in the editorial workflow (imported and published records: published).</summary>
    public EditorialState EditorialState { get; set; } = EditorialState.Published;

    /// <summary>Incremented by every save and every step of the workflow; a form saved at an older version is refused.</summary>
    public int Version { get; set; } = 1;

    /// <summary>For a revision in progress: the published record it will replace (which stays public meanwhile).</summary>
    public int? RevisionOfId { get; set; }

    /// <summary>
    /// For a revision in progress: the published record's version and field values it was begun from (or last
    /// brought up to date with), so a change made to the published record meanwhile (an import) is never overwritten
    /// unseen when the revision is published.
    /// </summary>
    public int? RevisionBaseVersion { get; set; }

    /// <summary>JSON object of the published record's form values at <see cref="RevisionBaseVersion"/>.</summary>
    public string? RevisionBase { get; set; }

    /// <summary>The verifier's comment when the edition was last returned for revision.</summary>
    public string? EditorialNote { get; set; }

    /// <summary>The account that began this edition (null for imported records).</summary>
    public int? CreatedBy { get; set; }
    public int AwardCount { get; set; }

    /// <summary>Replications of this innovation agreed and under way or done (kept by the replication desk).</summary>
    public int ReplicationCount { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<Award> Awards { get; init; } = [];
    public List<OutcomeIndicator> Outcomes { get; init; } = [];
    public List<InnovationSdg> Sdgs { get; init; } = [];
    public List<SourceRecord> SourceRecords { get; init; } = [];
    public List<StatusCheck> StatusChecks { get; init; } = [];

    /// <summary>Records a status confirmation as history and makes it the current status.</summary>
    public StatusCheck ConfirmStatus(InnovationStatus status, DateOnly on, string? reason, string? checkedBy)
    {
        if (status is InnovationStatus.Stopped or InnovationStatus.Dormant && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(nameof(StatusReason), "Alasan wajib diisi untuk inovasi yang berhenti atau vakum.");
        }

        var check = new StatusCheck { Status = status, CheckedOn = on, Reason = reason, CheckedBy = checkedBy };
        StatusChecks.Add(check);
        Status = status;
        StatusReason = reason;
        StatusConfirmedOn = on;
        return check;
    }

    public void AddAward(Award award)
    {
        if (Awards.Exists(a => a.AwardKindId == award.AwardKindId && a.Year == award.Year))
        {
            throw new DomainException(nameof(Awards), "Penghargaan yang sama untuk tahun yang sama sudah tercatat.");
        }

        Awards.Add(award);
        AwardCount = Awards.Count;
    }
}

public sealed class InnovationSdg
{
    public int InnovationId { get; init; }
    public int SdgId { get; init; }
    public Sdg? Sdg { get; init; }
}

public sealed class Award
{
    public int Id { get; init; }
    public int InnovationId { get; init; }
    public int AwardKindId { get; init; }
    public AwardKind? AwardKind { get; init; }
    public int Year { get; init; }
    public string? DecreeNumber { get; init; }
    public string? Note { get; init; }
}

public sealed class OutcomeIndicator
{
    public int Id { get; init; }
    public int InnovationId { get; init; }
    public required string Name { get; init; }
    public string? Unit { get; init; }
    public decimal? Before { get; init; }
    public decimal? After { get; init; }
    public string? Period { get; init; }
}

public enum MatchStatus
{
    Unmatched = 0,
    Matched = 1,
    ProposedDuplicate = 2,
    Rejected = 3,
}

/// <summary>A record as a source system sent it; the raw payload is kept so a schema change can be re-mapped.</summary>
public sealed class SourceRecord
{
    public long Id { get; init; }
    public int SourceSystemId { get; init; }
    public SourceSystem? SourceSystem { get; init; }
    public required string ExternalId { get; init; }
    public int? InnovationId { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset FetchedAt { get; set; }
    public MatchStatus MatchStatus { get; set; }
}

/// <summary>One confirmation that an innovation still runs (or why it stopped): history, never overwritten.</summary>
public sealed class StatusCheck
{
    public long Id { get; init; }
    public int InnovationId { get; init; }
    public InnovationStatus Status { get; init; }
    public DateOnly CheckedOn { get; init; }
    public string? Reason { get; init; }
    public string? CheckedBy { get; init; }
}

/// <summary>A broken domain rule, with the field it concerns so the edge can name it.</summary>
public sealed class DomainException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
