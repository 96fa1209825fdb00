using System.Security.Claims;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Accounts;

/// <summary>
/// Something a person may do, declared once by the feature that owns it (e.g. <c>ImportPermissions</c>), with the
/// roles that hold it. A page or endpoint requires it by name (<c>[Authorize(Policy = ...)]</c>); a handler that
/// acts on one record asks again with the record's <see cref="ScopePlace"/>, so a grant counts only where its scope
/// covers the record.
/// </summary>
public sealed record PermissionRule(string Name, string Label, params AccountRole[] Roles);

public sealed class PermissionRequirement(PermissionRule permission) : IAuthorizationRequirement
{
    public PermissionRule Permission { get; } = permission;
}

/// <summary>What the signed-in person of this request holds: their live grants, read once per request.</summary>
public sealed record AccessView(int UserId, string FullName, bool TwoFactorEnabled, IReadOnlyList<RoleGrant> Grants, GrantCoverage Coverage)
{
    /// <summary>For a request made with an access token: the permissions the token names (others are refused).</summary>
    public IReadOnlySet<string>? TokenPermissions { get; init; }

    /// <summary>For a token limited to an agency: that agency, and what it covers (the agency and its units).</summary>
    public int? TokenAgency { get; init; }

    public GrantCoverage? TokenCoverage { get; init; }

    /// <summary>Roles that count only once their holder signs in with an authenticator app.</summary>
    public static bool NeedsTwoFactor(AccountRole role) => role is AccountRole.NationalAdministrator or AccountRole.Curator;

    /// <summary>Grants held but not yet counted, because the person has not set up two-step sign-in.</summary>
    public bool WaitsForTwoFactor => !TwoFactorEnabled && Grants.Any(g => NeedsTwoFactor(g.Role));

    public bool Holds(PermissionRule permission) =>
        (TokenPermissions is null || TokenPermissions.Contains(permission.Name)) && permission.Roles.Any(Coverage.Roles.Contains);

    public bool Holds(PermissionRule permission, ScopePlace place) =>
        (TokenPermissions is null || TokenPermissions.Contains(permission.Name))
        && (TokenCoverage is null || TokenCoverage.Covers(AccountRole.Operator, place))
        && permission.Roles.Any(role => Coverage.Covers(role, place));
}

/// <summary>The current request's <see cref="AccessView"/> (null for the public), loaded from the database once.</summary>
public sealed class CurrentAccess(JippnasDb db, AccountDirectory directory)
{
    private AccessView? loaded;
    private bool done;

    public static int? UserIdOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    public async Task<AccessView?> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (done)
        {
            return loaded;
        }

        done = true;
        if (UserIdOf(user) is not { } id
            || await db.Users.Where(u => u.Id == id).Select(u => new { u.FullName, u.TwoFactorEnabled }).FirstOrDefaultAsync(cancellationToken) is not { } account)
        {
            return null;
        }

        var grants = await db.RoleGrants.Where(g => g.UserId == id && g.RevokedAt == null).OrderBy(g => g.Id).ToListAsync(cancellationToken);
        // Administrators' and curators' grants count only with two-step sign-in set up.
        var counted = grants.Where(g => account.TwoFactorEnabled || !AccessView.NeedsTwoFactor(g.Role)).ToList();
        loaded = new AccessView(id, account.FullName, account.TwoFactorEnabled, grants, await directory.CoverageAsync(counted, cancellationToken));
        if (user.HasClaim(c => c.Type == Tokens.TokenAuthentication.TokenClaim))
        {
            var agency = int.TryParse(user.FindFirstValue(Tokens.TokenAuthentication.AgencyClaim), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : (int?)null;
            loaded = loaded with
            {
                TokenPermissions = user.FindAll(Tokens.TokenAuthentication.PermissionClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
                TokenAgency = agency,
                TokenCoverage = agency is { } only
                    ? await directory.CoverageAsync([new RoleGrant { Role = AccountRole.Operator, Scope = GrantScope.Agency, ScopeKey = only.ToString(System.Globalization.CultureInfo.InvariantCulture) }], cancellationToken)
                    : null,
            };
        }

        return loaded;
    }
}

/// <summary>Grants a <see cref="PermissionRequirement"/> when a counted grant holds it (over the record, when one is given).</summary>
internal sealed class PermissionHandler(CurrentAccess access) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await access.GetAsync(context.User) is not { } view)
        {
            return;
        }

        var held = context.Resource is ScopePlace place ? view.Holds(requirement.Permission, place) : view.Holds(requirement.Permission);
        if (held)
        {
            context.Succeed(requirement);
        }
    }
}
