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
