using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;

namespace Jippnas.Web.Features.Innovations;

/// <summary>The editorial permissions (docs/design/accounts.md): each is checked again over the record's agency and region.</summary>
public static class InnovationPermissions
{
    /// <summary>Write drafts of an agency's innovations and submit them.</summary>
    public const string Edit = "innovations.edit";

    /// <summary>Return, verify and publish submitted records (a hub of the record's province or ministry, or a curator).</summary>
    public const string Review = "innovations.review";

    internal static readonly PermissionRule[] All =
    [
        new(Edit, "Menyusun dan mengajukan data inovasi instansi", AccountRole.Operator, AccountRole.NationalAdministrator),
        new(Review, "Memverifikasi dan menerbitkan data inovasi", AccountRole.HubAdministrator, AccountRole.Curator, AccountRole.NationalAdministrator),
    ];
}
