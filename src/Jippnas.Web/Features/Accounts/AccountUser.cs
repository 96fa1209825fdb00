using Microsoft.AspNetCore.Identity;

namespace Jippnas.Web.Features.Accounts;

/// <summary>
/// A person who signs in to JIPPNas (the public needs no account). What they may do comes from their grants
/// (<see cref="Domain.RoleGrant"/>), not from Identity roles: one person can hold several, each with its own scope.
/// </summary>
public sealed class AccountUser : IdentityUser<int>
{
    public string FullName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }
}
