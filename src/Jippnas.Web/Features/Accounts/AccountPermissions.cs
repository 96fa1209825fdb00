using Jippnas.Web.Domain;

namespace Jippnas.Web.Features.Accounts;

public static class AccountPermissions
{
    /// <summary>Invite people, grant and revoke roles.</summary>
    public const string Manage = "accounts.manage";

    internal static readonly PermissionRule[] All = [new(Manage, "Mengelola akun dan peran", AccountRole.NationalAdministrator)];
}
