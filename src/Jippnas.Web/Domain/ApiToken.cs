namespace Jippnas.Web.Domain;

/// <summary>
/// A personal access token for a machine (a source system, a provincial portal): it acts as its owner, limited to
/// the permissions it names and, when it names one, to an agency and its units; it expires, and can be revoked.
/// Only the SHA-256 of the secret is kept; the token is shown once, when made.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; init; }
    public int UserId { get; init; }
    public required string Name { get; init; }

    /// <summary>The public part of the token (<c>jip_{prefix}_{secret}</c>), to find it without the secret.</summary>
    public required string Prefix { get; init; }

    /// <summary>SHA-256 of the whole token, lower-case hex.</summary>
    public required string SecretHash { get; init; }

    /// <summary>Permission names, comma-separated.</summary>
    public required string Permissions { get; init; }

    public int? AgencyId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
