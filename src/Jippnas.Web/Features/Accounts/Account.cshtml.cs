using Jippnas.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jippnas.Web.Features.Accounts;

/// <summary>A signed-in person's own page: their roles and scopes, two-step sign-in, and the work their roles open.</summary>
[Authorize]
public sealed class AccountModel(CurrentAccess access, GrantNames names) : PageModel
{
    public AccessView View { get; private set; } = null!;

    public Dictionary<long, string> Scopes { get; private set; } = [];

    public GrantNames Names => names;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = (await access.GetAsync(User, cancellationToken))!;
        Scopes = await names.DescribeAsync(View.Grants, cancellationToken);
    }

    public bool Counts(RoleGrant grant) => View.TwoFactorEnabled || !AccessView.NeedsTwoFactor(grant.Role);
}
