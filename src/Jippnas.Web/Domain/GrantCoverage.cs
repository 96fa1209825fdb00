namespace Jippnas.Web.Domain;

/// <summary>Where a record sits, as a grant's scope sees it: its agency and its region.</summary>
public readonly record struct ScopePlace(int? AgencyId, string? ProvinceCode, string? RegencyCode);

/// <summary>
/// What a person's live grants cover, resolved against the reference data: a province covers every record placed
/// in it (its regencies/cities and their agencies'); an agency or ministry covers its own records and its units'
/// (agencies whose parent chain reaches it); a hub covers its province, or for a ministry's hub that ministry's; a
/// regency/city covers the records placed in it; a competition round covers no record.
/// </summary>
public sealed class GrantCoverage
{
    private readonly Dictionary<AccountRole, List<Func<ScopePlace, bool>>> covers = [];

    /// <param name="grants">The person's grants (revoked ones are left out here).</param>
    /// <param name="parents">Each agency's parent (null at the top).</param>
    /// <param name="hubs">Each hub's province, or the agency it belongs to.</param>
    public GrantCoverage(IEnumerable<RoleGrant> grants, IReadOnlyDictionary<int, int?> parents, IReadOnlyDictionary<int, (string? ProvinceCode, int? AgencyId)> hubs)
    {
        foreach (var grant in grants.Where(g => g.IsLive))
        {
            if (!covers.TryGetValue(grant.Role, out var list))
            {
                covers[grant.Role] = list = [];
            }

            list.Add(Test(grant, parents, hubs));
        }
    }

    public IReadOnlyCollection<AccountRole> Roles => covers.Keys;

    /// <summary>Whether a live grant of <paramref name="role"/> covers <paramref name="place"/>.</summary>
    public bool Covers(AccountRole role, ScopePlace place) => covers.TryGetValue(role, out var tests) && tests.Exists(test => test(place));

    private static Func<ScopePlace, bool> Test(RoleGrant grant, IReadOnlyDictionary<int, int?> parents, IReadOnlyDictionary<int, (string? ProvinceCode, int? AgencyId)> hubs)
    {
        // A key that is not a number (written around the application) covers nothing rather than failing.
        int? number = int.TryParse(grant.ScopeKey, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        return grant.Scope switch
        {
            GrantScope.National => _ => true,
            GrantScope.Province => Province(grant.ScopeKey),
            GrantScope.Regency => place => place.RegencyCode == grant.ScopeKey,
            GrantScope.Ministry or GrantScope.Agency => number is { } agencyId ? Within(agencyId, parents) : _ => false,
            GrantScope.Hub => number is { } hubId && hubs.TryGetValue(hubId, out var hub)
                ? hub.AgencyId is { } agency ? Within(agency, parents) : Province(hub.ProvinceCode)
                : _ => false,
            GrantScope.Round => _ => false,
            _ => throw new ArgumentOutOfRangeException(nameof(grant), grant.Scope, "Unknown scope."),
        };
    }

    private static Func<ScopePlace, bool> Province(string? code) => place => code is not null && place.ProvinceCode == code;

    // The agency or one of its units: walk up from the record's agency (a bounded walk: a damaged cycle stops it).
    private static Func<ScopePlace, bool> Within(int top, IReadOnlyDictionary<int, int?> parents) => place =>
    {
        var current = place.AgencyId;
        for (var depth = 0; current is { } id && depth < 32; depth++)
        {
            if (id == top)
            {
                return true;
            }

            current = parents.GetValueOrDefault(id);
        }

        return false;
    };
}
