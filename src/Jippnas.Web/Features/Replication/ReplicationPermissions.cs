using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;

namespace Jippnas.Web.Features.Replication;

/// <summary>Replication's permissions (docs/design/replication.md), each checked again over the replicating agency's place.</summary>
public static class ReplicationPermissions
{
    /// <summary>Open a replication for an agency (from a need or a shortlist).</summary>
    public const string Open = "replication.open";

    /// <summary>Record a replication's study visits, action plan and stages.</summary>
    public const string Work = "replication.work";

    /// <summary>Review an action plan with comments.</summary>
    public const string Review = "replication.review";

    internal static readonly PermissionRule[] All =
    [
        new(Open, "Membuka replikasi inovasi", AccountRole.HubAdministrator, AccountRole.NationalAdministrator),
        new(Work, "Mencatat studi tiru, rencana aksi dan tahap replikasi", AccountRole.Operator, AccountRole.Mentor, AccountRole.HubAdministrator, AccountRole.NationalAdministrator),
        new(Review, "Menelaah rencana aksi replikasi", AccountRole.Mentor, AccountRole.HubAdministrator, AccountRole.NationalAdministrator),
    ];

    /// <summary>The place a replication is worked in: the replicating agency in its regency/city.</summary>
    public static ScopePlace PlaceOf(Domain.Replication replication) => new(replication.AgencyId, replication.RegencyCode[..2], replication.RegencyCode);
}
