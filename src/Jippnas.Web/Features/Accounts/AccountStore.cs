using Jippnas.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Accounts;

/// <summary>
/// Identity's EF store over <see cref="JippnasDb"/>, whose queries default to no tracking: Identity finds a user or
/// token and then changes it in place, so its queries track (one instance per row within a request). Claims and
/// external logins are not used by JIPPNas.
/// </summary>
public sealed class AccountStore(JippnasDb context, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<AccountUser, JippnasDb, int>(context, describer)
{
    public override IQueryable<AccountUser> Users => base.Users.AsTracking();

    public override Task<AccountUser?> FindByIdAsync(string userId, CancellationToken cancellationToken = default)
    {
        var id = ConvertIdFromString(userId);
        return Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
    }

    // Tokens (the authenticator key, recovery codes) are found and then changed in place: tracked too.
    protected override Task<IdentityUserToken<int>?> FindTokenAsync(AccountUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        Context.Set<IdentityUserToken<int>>().AsTracking()
            .FirstOrDefaultAsync(t => t.UserId == user.Id && t.LoginProvider == loginProvider && t.Name == name, cancellationToken);
}
