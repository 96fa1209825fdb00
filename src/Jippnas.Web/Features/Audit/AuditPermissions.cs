using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;

namespace Jippnas.Web.Features.Audit;

public static class AuditPermissions
{
    /// <summary>Search and export the audit log.</summary>
    public const string Read = "audit.read";

    internal static readonly PermissionRule[] All = [new(Read, "Membaca dan mengunduh log audit", AccountRole.NationalAdministrator)];
}
