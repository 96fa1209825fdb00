namespace Jippnas.Web.Domain;

/// <summary>
/// A document attached to an innovation (decree, SOP, budget, photo): its type read from the content, never the
/// name; its SHA-256, which is also where the store keeps it (the same file is stored once). Public files of a
/// published record are served to anyone; the others only to those whose grants cover the record.
/// </summary>
public sealed class EvidenceFile
{
    public long Id { get; init; }
    /// <summary>The edition it is attached to; a revision's files move to the record when the revision is published.</summary>
    public int InnovationId { get; set; }
    public required string Name { get; init; }
    public required string MediaType { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public string? Description { get; init; }
    public bool IsPublic { get; init; }
    public int? UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}
