namespace Jippnas.Web.Domain;

/// <summary>One field as a revision changed it: its value before and after (null when empty).</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>
/// One change of a record, kept forever: who, when, what they did (saved, submitted, returned, verified, published,
/// restored), the state after it, the fields it changed (old and new values) and every field's value after it, so
/// any earlier version can be shown and restored. Numbered per public record: a revision of a published record
/// (its own edition row until published) writes its history under the record it revises.
/// </summary>
public sealed class InnovationRevision
{
    public long Id { get; init; }

    /// <summary>The record whose history this is (the published record, for a revision of it).</summary>
    public int InnovationId { get; init; }

    /// <summary>The edition that was changed, while it exists (a revision's own row is removed once published).</summary>
    public int? EditionId { get; init; }

    public int Number { get; init; }
    public int? UserId { get; init; }
    public DateTimeOffset At { get; init; }
    public RevisionAction Action { get; init; }
    public EditorialState State { get; init; }
    public string? Comment { get; init; }

    /// <summary>JSON array of <see cref="FieldChange"/>.</summary>
    public required string Changes { get; init; }

    /// <summary>JSON object: every editable field's value after this revision.</summary>
    public required string Snapshot { get; init; }
}

public enum RevisionAction
{
    Create = 0,
    Save = 1,
    Submit = 2,
    Return = 3,
    Verify = 4,
    Publish = 5,
    Revise = 6,
    Restore = 7,
}
