namespace Jippnas.Web.Domain;

/// <summary>
/// A year's instrument for the hubs' maturity self-assessment, kept as data (it changes every year): aspects, their
/// weighted questions and graded options, and the levels a total falls into. Loaded from a file; replaced only while
/// no hub has begun an assessment on it.
/// </summary>
public sealed class MaturityInstrument
{
    public const int MaxTitle = 300, MaxSource = 200;

    public int Id { get; init; }
    public int Year { get; init; }
    public required string Title { get; set; }

    /// <summary>The file it was loaded from.</summary>
    public string? Source { get; set; }
    public int? LoadedBy { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
    public List<MaturityLevel> Levels { get; init; } = [];
    public List<MaturityAspect> Aspects { get; init; } = [];

    public IEnumerable<MaturityQuestion> Questions => Aspects.OrderBy(a => a.Ordinal).SelectMany(a => a.Questions.OrderBy(q => q.Ordinal));

    /// <summary>The level a total (0–100) falls into: the last whose lower bound it reaches.</summary>
    public MaturityLevel? LevelOf(double total) => Levels.OrderBy(l => l.FromScore).LastOrDefault(l => total >= l.FromScore);
}

/// <summary>A named band of the total score (for example "Berkembang" from 40).</summary>
public sealed class MaturityLevel
{
    public const int MaxName = 100;

    public int Id { get; init; }
    public int InstrumentId { get; init; }
    public int FromScore { get; init; }
    public required string Name { get; init; }
}

/// <summary>An aspect of maturity (planning, institutionalisation, dissemination, evaluation…).</summary>
public sealed class MaturityAspect
{
    public const int MaxCode = 20, MaxName = 200;

    public int Id { get; init; }
    public int InstrumentId { get; init; }
    public int Ordinal { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public List<MaturityQuestion> Questions { get; init; } = [];
}

/// <summary>A question of an aspect: its weight, whether an answer needs evidence, and its graded options.</summary>
public sealed class MaturityQuestion
{
    public const int MaxCode = 20, MaxText = 2000, MaxWeight = 100;

    public int Id { get; init; }
    public int AspectId { get; init; }
    public int Ordinal { get; init; }
    public required string Code { get; init; }
    public required string Text { get; init; }
    public string? Guidance { get; init; }
    public int Weight { get; init; }
    public bool EvidenceRequired { get; init; }
    public List<MaturityOption> Options { get; init; } = [];

    public int MaxScore => Options.Count == 0 ? 0 : Options.Max(o => o.Score);
}

/// <summary>One graded answer to a question, with its score (0–100).</summary>
public sealed class MaturityOption
{
    public const int MaxText = 1000, MaxScore = 100;

    public int Id { get; init; }
    public int QuestionId { get; init; }
    public int Ordinal { get; init; }
    public required string Text { get; init; }
    public int Score { get; init; }
}

public enum MaturityState
{
    /// <summary>The hub is filling it in.</summary>
    Draft = 0,

    /// <summary>Sent for verification; the hub no longer changes it.</summary>
    Submitted = 1,

    /// <summary>Sent back by the verifier with a note; the hub changes it and submits again.</summary>
    Returned = 2,

    /// <summary>Every answer verified; final.</summary>
    Verified = 3,
}

/// <summary>
/// A hub's self-assessment on one year's instrument: its answers, its state, and the totals (self and verified)
/// kept when it is submitted and verified, so lists need not recompute them.
/// </summary>
public sealed class MaturityAssessment
{
    public const int MaxNote = 4000;

    public int Id { get; init; }
    public int HubId { get; init; }
    public int InstrumentId { get; init; }
    public MaturityState State { get; set; }
    public double? SelfTotal { get; set; }
    public double? VerifiedTotal { get; set; }

    /// <summary>The verifier's note when returning or verifying it.</summary>
    public string? VerifierNote { get; set; }
    public int CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int? SubmittedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public int? VerifiedBy { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public int Version { get; set; } = 1;
    public List<MaturityAnswer> Answers { get; init; } = [];
}

/// <summary>The hub's answer to one question (option, evidence, note) and the verifier's option and note.</summary>
public sealed class MaturityAnswer
{
    public const int MaxText = 4000;

    public int Id { get; init; }
    public int AssessmentId { get; init; }
    public int QuestionId { get; init; }
    public int? SelfOptionId { get; set; }
    public string? Evidence { get; set; }
    public string? SelfNote { get; set; }
    public int? VerifiedOptionId { get; set; }
    public string? VerifierNote { get; set; }
}
