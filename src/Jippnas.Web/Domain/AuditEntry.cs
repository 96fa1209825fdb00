namespace Jippnas.Web.Domain;

/// <summary>
/// One line of the audit log: a write (a row added, changed or removed, with its values before and after) or a
/// sign-in event; who (account, or "sistem" for the command line and background work), when, from where.
/// Append-only: the database refuses to change or delete a line.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public int? UserId { get; init; }

    /// <summary>The account's e-mail, "sistem", or what signed in ("anonim" for a failed sign-in of an unknown address).</summary>
    public required string Actor { get; init; }

    /// <summary>insert, update, delete, sign-in, sign-in-failed, sign-out, locked-out.</summary>
    public required string Action { get; init; }

    /// <summary>The table written, or "akun" for sign-in events.</summary>
    public required string Entity { get; init; }

    public string? EntityId { get; init; }
    public string? Ip { get; init; }
    public string? UserAgent { get; init; }

    /// <summary>JSON object of the row's values before the write (changed fields only for an update); secrets left out.</summary>
    public string? Before { get; init; }

    /// <summary>JSON object of the row's values after the write.</summary>
    public string? After { get; init; }
}
