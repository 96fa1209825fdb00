namespace Jippnas.Web.Domain;

public enum MemberKind
{
    University = 1,
    Ngo = 2,
    Private = 3,
    DevelopmentPartner = 4,
    Media = 5,
    Government = 6,
}

/// <summary>A member of the network (anggota jaringan): a university, NGO, firm, development partner, media or agency.</summary>
public sealed class NetworkMember
{
    public const int MaxName = 300, MaxWebsite = 500, MaxDescription = 2000;

    public int Id { get; init; }
    public required string Name { get; set; }
    public MemberKind Kind { get; set; }
    public string? ProvinceCode { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A member's role in one hub, from a year (and until one, when it ended).</summary>
public sealed class HubMember
{
    public const int MaxRole = 300;

    public int Id { get; init; }
    public int HubId { get; init; }
    public int MemberId { get; init; }
    public NetworkMember? Member { get; init; }
    public required string Role { get; set; }
    public int SinceYear { get; init; }
    public int? UntilYear { get; set; }
}

/// <summary>
/// A mentor (a user, lecturer of a university member) assigned to a hub and some of its regencies/cities for a
/// period. A mentor sees and writes only what their live assignments cover.
/// </summary>
public sealed class MentorAssignment
{
    public int Id { get; init; }
    public int UserId { get; init; }
    public int MemberId { get; init; }
    public NetworkMember? Member { get; init; }
    public int HubId { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateOnly EndsOn { get; set; }
    public int AssignedBy { get; init; }
    public DateTimeOffset AssignedAt { get; init; }
    public List<MentorAssignmentRegion> Regions { get; init; } = [];

    /// <summary>Whether the assignment covers <paramref name="regencyCode"/> on <paramref name="on"/>.</summary>
    public bool Covers(string regencyCode, DateOnly on) =>
        on >= StartsOn && on <= EndsOn && Regions.Exists(r => r.RegencyCode == regencyCode);
}

public sealed class MentorAssignmentRegion
{
    public int AssignmentId { get; init; }
    public required string RegencyCode { get; init; }
}

/// <summary>A stage (tahap) of a hub's mentoring in a year; stage 1 identifies each regency's gaps and needs.</summary>
public sealed class MentoringStage
{
    public const int MaxTitle = 300, MaxNumber = 20;

    public int Id { get; init; }
    public int HubId { get; init; }
    public int Year { get; init; }
    public int Number { get; init; }
    public required string Title { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    public static string DefaultTitle(int number) => number == 1 ? "Identifikasi kesenjangan dan kebutuhan inovasi" : $"Tahap {number}";
}

/// <summary>One mentoring session in a regency/city: what was discussed, found and agreed, and who came.</summary>
public sealed class MentoringSession
{
    public const int MaxText = 4000, MaxFindings = 10_000, MaxAttendance = 10_000;

    public int Id { get; init; }
    public int StageId { get; init; }
    public MentoringStage? Stage { get; init; }
    public required string RegencyCode { get; init; }
    public DateOnly HeldOn { get; set; }
    public int MentorId { get; init; }
    public required string Topics { get; set; }
    public string? Findings { get; set; }
    public string? FollowUps { get; set; }
    public int AttendanceCount { get; set; }
    public string? Attendees { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>A document of a session (attendance list, materials, photos), kept in the evidence store by its SHA-256.</summary>
public sealed class MentoringSessionFile
{
    public const int MaxDescription = 300;

    public int Id { get; init; }
    public int SessionId { get; init; }
    public required string Name { get; init; }
    public required string MediaType { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public string? Description { get; init; }
    public int UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}

public enum NeedPriority
{
    High = 1,
    Medium = 2,
    Low = 3,
}

public enum NeedOrigin
{
    /// <summary>Found in the first stage of mentoring.</summary>
    MentoringStageOne = 1,

    /// <summary>A weak indicator of the regional innovation index (Indeks Inovasi Daerah).</summary>
    WeakIndexIndicator = 2,

    /// <summary>Written in a regional plan (RPJMD, RKPD).</summary>
    RegionalPlan = 3,

    Other = 4,
}

public enum NeedStatus
{
    Open = 0,
    Matched = 1,
    Addressed = 2,
    Closed = 3,
}

/// <summary>A regency/city's gap or innovation need (kebutuhan / kesenjangan inovasi), used by replication matching.</summary>
public sealed class Need
{
    public const int MaxProblem = 4000;

    public int Id { get; init; }
    public required string RegencyCode { get; init; }
    public int? SectorId { get; set; }
    public Sector? Sector { get; init; }
    public required string Problem { get; set; }
    public NeedPriority Priority { get; set; }
    public NeedOrigin Origin { get; set; }
    public int? SessionId { get; set; }
    public NeedStatus Status { get; set; }
    public int CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; } = 1;
    public List<NeedIndicator> Indicators { get; init; } = [];
}

/// <summary>An indicator that measures a need: its name, unit, value and the year of the value.</summary>
public sealed class NeedIndicator
{
    public const int MaxName = 300, MaxUnit = 50;

    public int Id { get; init; }
    public int NeedId { get; init; }
    public required string Name { get; set; }
    public string? Unit { get; set; }
    public decimal? Value { get; set; }
    public int? Year { get; set; }
}

public enum ForumKind
{
    /// <summary>A knowledge-transfer forum (forum alih pengetahuan) of a hub's programme year.</summary>
    KnowledgeTransfer = 1,

    /// <summary>A replication forum (forum replikasi), held province by province as a series.</summary>
    Replication = 2,
}

/// <summary>A forum held in a province: its place in the series, who organised and came, what was shown and agreed.</summary>
public sealed class Forum
{
    public const int MaxTitle = 300, MaxText = 4000, MaxOutcomes = 10_000, MaxParticipants = 100_000;

    public int Id { get; init; }
    public ForumKind Kind { get; init; }
    public required string ProvinceCode { get; init; }
    public int? HubId { get; init; }
    public int SeriesNumber { get; init; }
    public DateOnly HeldOn { get; set; }
    public required string Title { get; set; }
    public string? Organisers { get; set; }
    public int ParticipantCount { get; set; }
    public string? Participants { get; set; }
    public string? Materials { get; set; }
    public string? Outcomes { get; set; }
    public int CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

public enum AgreementKind
{
    /// <summary>Nota kesepahaman.</summary>
    Mou = 1,

    /// <summary>Perjanjian kerja sama.</summary>
    Pks = 2,
}

public enum PartyKind
{
    Ministry = 1,
    Member = 2,
    Region = 3,
}

/// <summary>An agreement (MoU or PKS) a hub signed: with the ministry, universities or regencies/cities ready to replicate.</summary>
public sealed class Agreement
{
    public const int MaxNumber = 100, MaxScope = 2000, MaxDocument = 500;

    public int Id { get; init; }
    public int HubId { get; init; }
    public AgreementKind Kind { get; init; }
    public required string Number { get; init; }
    public required string Scope { get; init; }
    public DateOnly SignedOn { get; init; }
    public DateOnly? ValidUntil { get; init; }

    /// <summary>Where the signed document is kept: a link or an archive reference.</summary>
    public string? Document { get; init; }

    /// <summary>The signed document uploaded (kept in the evidence store by its SHA-256), when there is one.</summary>
    public string? FileName { get; init; }
    public string? FileType { get; init; }
    public long? FileSize { get; init; }
    public string? FileSha256 { get; init; }
    public int CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<AgreementParty> Parties { get; init; } = [];
}

/// <summary>A party to an agreement besides the hub: the ministry, a network member or a regency/city.</summary>
public sealed class AgreementParty
{
    public int Id { get; init; }
    public int AgreementId { get; init; }
    public PartyKind Kind { get; init; }
    public int? MemberId { get; init; }
    public string? RegionCode { get; init; }
    public required string Name { get; init; }
}
