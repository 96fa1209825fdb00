using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;

namespace Jippnas.Web.Features.Search;

public static class SearchPermissions
{
    /// <summary>Edit the synonym, acronym and English groups of search.</summary>
    public const string EditSynonyms = "search.synonyms";

    internal static readonly PermissionRule[] All = [new(EditSynonyms, "Mengelola sinonim pencarian", AccountRole.NationalAdministrator, AccountRole.Curator)];
}
