using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Editorial;

/// <summary>
/// Where a person's grants of a permission reach, as sets a query can filter on: everything (a national grant), the
/// agencies under an agency or ministry grant (with their units), the provinces of a hub administrator's grant.
/// </summary>
public sealed record EditorialScope(bool All, IReadOnlySet<int> Agencies, IReadOnlySet<string> Provinces)
{
    public static readonly EditorialScope None = new(false, new HashSet<int>(), new HashSet<string>());

    public bool IsEmpty => !All && Agencies.Count == 0 && Provinces.Count == 0;

    public IQueryable<Innovation> Filter(IQueryable<Innovation> innovations)
    {
        if (All)
        {
            return innovations;
        }

        var agencies = Agencies.ToList();
        var provinces = Provinces.ToList();
        return innovations.Where(i => (i.AgencyId != null && agencies.Contains(i.AgencyId.Value)) || (i.ProvinceCode != null && provinces.Contains(i.ProvinceCode)));
    }

    public static async Task<EditorialScope> OfAsync(JippnasDb db, AccessView? view, PermissionRule permission, CancellationToken cancellationToken)
    {
        var scope = await OfGrantsAsync(db, view, permission, cancellationToken);
        if (view?.TokenPermissions is { } allowed && !allowed.Contains(permission.Name))
        {
            return None;
        }

        if (view?.TokenAgency is not { } agency || scope.IsEmpty)
        {
            return scope;
        }

        // A token limited to an agency reaches that agency and its units, if its owner's grants reach the agency.
        var region = await db.Agencies.Where(a => a.Id == agency).Select(a => a.RegionCode).FirstOrDefaultAsync(cancellationToken);
        var reached = scope.All || scope.Agencies.Contains(agency) || (region is { Length: >= 2 } && scope.Provinces.Contains(region[..2]));
        return reached ? new EditorialScope(false, await SubtreeAsync(db, [agency], cancellationToken), new HashSet<string>()) : None;
    }

    private static async Task<EditorialScope> OfGrantsAsync(JippnasDb db, AccessView? view, PermissionRule permission, CancellationToken cancellationToken)
    {
        var grants = view?.Grants.Where(g => permission.Roles.Contains(g.Role) && view.Coverage.Roles.Contains(g.Role)).ToList() ?? [];
        if (grants.Count == 0)
        {
            return None;
        }

        if (grants.Exists(g => g.Scope == GrantScope.National))
        {
            return new EditorialScope(true, new HashSet<int>(), new HashSet<string>());
        }

        var provinces = grants.Where(g => g.Scope == GrantScope.Province).Select(g => g.ScopeKey!).ToHashSet(StringComparer.Ordinal);
        var tops = grants.Where(g => g.Scope is GrantScope.Agency or GrantScope.Ministry)
            .Select(g => int.TryParse(g.ScopeKey, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).ToList();
        return new EditorialScope(false, tops.Count > 0 ? await SubtreeAsync(db, tops, cancellationToken) : [], provinces);
    }

    // The agencies and every unit under them (agencies.parent_id).
    private static async Task<HashSet<int>> SubtreeAsync(JippnasDb db, List<int> tops, CancellationToken cancellationToken)
    {
        var agencies = new HashSet<int>();
        var children = (await db.Agencies.Where(a => a.ParentId != null).Select(a => new { a.Id, a.ParentId }).ToListAsync(cancellationToken))
            .ToLookup(a => a.ParentId!.Value, a => a.Id);
        var queue = new Queue<int>(tops);
        while (queue.TryDequeue(out var id))
        {
            if (agencies.Add(id))
            {
                foreach (var child in children[id])
                {
                    queue.Enqueue(child);
                }
            }
        }

        return agencies;
    }
}
