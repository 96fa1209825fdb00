namespace Jippnas.Web.Domain;

/// <summary>
/// Which column of a source's files fills which field of the exchange format (or is ignored, <see cref="Ignore"/>).
/// Sources name their columns their own way and rename them between years: a curator keeps this list.
/// </summary>
public sealed class ImportColumn
{
    public const string Ignore = "-";
    public const int MaxLength = 100;

    public int Id { get; init; }
    public int SourceSystemId { get; init; }

    /// <summary>The column's name as files write it, compared without case and with spaces collapsed (<see cref="Normalize"/>).</summary>
    public required string ColumnName { get; set; }

    /// <summary>An exchange-format field (name, province, summary…) or <see cref="Ignore"/>.</summary>
    public required string Field { get; set; }

    public static string Normalize(string column) => string.Join(' ', column.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

/// <summary>An earlier payload of a source record, kept when a re-import changed it.</summary>
public sealed class SourceRecordVersion
{
    public long Id { get; init; }
    public long SourceRecordId { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset FetchedAt { get; init; }
    public DateTimeOffset ReplacedAt { get; init; }
}

public enum ImportJobState
{
    /// <summary>Queued or being read for the preview.</summary>
    Checking = 0,

    /// <summary>Checked: the preview is ready (with or without errors).</summary>
    Checked = 1,

    /// <summary>Queued or being saved.</summary>
    Saving = 2,

    Saved = 3,

    /// <summary>Stopped by an error of the server; nothing of the file was saved.</summary>
    Failed = 4,

    /// <summary>Cut off by a restart while checking or saving; its transaction never committed, so nothing was saved.</summary>
    Interrupted = 5,
}

/// <summary>One file a curator uploaded: the stored file, its preview, and whether and what it saved.</summary>
public sealed class ImportJob
{
    public const int MaxFileName = 255;

    public int Id { get; init; }
    public int SourceSystemId { get; init; }
    public required string FileName { get; init; }

    /// <summary>The file's name in the import folder (a random name, never the uploaded one).</summary>
    public required string StoredName { get; init; }

    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public ImportJobState State { get; set; }
    public bool SaveRequested { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int ErrorCount { get; set; }
    public int InvalidRows { get; set; }

    /// <summary>The first errors, as JSON (<c>[{"line":…,"field":…,"message":…}]</c>).</summary>
    public string? Errors { get; set; }

    /// <summary>Names the check could not resolve, as JSON (<c>[{"kind":…,"field":…,"written":…,"rows":…,"line":…}]</c>).</summary>
    public string? Unresolved { get; set; }

    /// <summary>How many likely duplicates the search after saving proposed; null until it has run.</summary>
    public int? DuplicatesProposed { get; set; }

    public string? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum NameKind
{
    /// <summary>A province, regency or city as sources write it.</summary>
    Region = 0,

    /// <summary>An agency as sources write it ("Pemkab OKU").</summary>
    Agency = 1,
}

/// <summary>
/// A name a curator resolved once ("Kab. OKU" → 16.01), remembered so later imports resolve it by themselves.
/// The name is kept as <see cref="Features.Imports.RegionNames.Normalize"/> writes it.
/// </summary>
public sealed class NameMapping
{
    public const int MaxWritten = 300;

    public int Id { get; init; }
    public NameKind Kind { get; init; }
    public required string Written { get; init; }

    /// <summary>The region the name stands for (for an agency: the region whose government it is), or null for <see cref="AgencyId"/>.</summary>
    public string? RegionCode { get; init; }

    public int? AgencyId { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
