using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;

namespace Jippnas.Web.Features.Imports;

public static class ImportPermissions
{
    /// <summary>Import files of the source systems, map their columns and names.</summary>
    public const string Run = "imports.run";

    internal static readonly PermissionRule[] All = [new(Run, "Mengimpor data sistem sumber", AccountRole.NationalAdministrator, AccountRole.Curator)];
}
