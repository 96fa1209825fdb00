using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;

namespace Jippnas.Web.Features.Hubs;

/// <summary>The hub programme's permissions (docs/design/hubs.md).</summary>
public static class HubPermissions
{
    /// <summary>Propose and assess candidates, designate hubs by decree and end designations.</summary>
    public const string Designate = "hubs.designate";

    /// <summary>Run a hub's programme year; checked again over the hub's province or ministry.</summary>
    public const string Run = "hubs.run";

    internal static readonly PermissionRule[] All =
    [
        new(Designate, "Menilai calon dan menetapkan Hub JIPP", AccountRole.NationalAdministrator),
        new(Run, "Mengelola program tahunan Hub JIPP", AccountRole.HubAdministrator, AccountRole.NationalAdministrator),
    ];

    /// <summary>The place a hub covers, for the checks over it.</summary>
    public static ScopePlace PlaceOf(Hub hub) => new(hub.AgencyId, hub.ProvinceCode, null);
}
