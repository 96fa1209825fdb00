using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;

namespace Jippnas.Web.Features.Duplicates;

public static class DuplicatePermissions
{
    /// <summary>Review proposed duplicates: merge, unmerge, reject.</summary>
    public const string Review = "duplicates.review";

    internal static readonly PermissionRule[] All = [new(Review, "Memeriksa dan menggabungkan duplikat", AccountRole.NationalAdministrator, AccountRole.Curator)];
}
