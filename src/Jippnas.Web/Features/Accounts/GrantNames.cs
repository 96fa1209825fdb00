using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Accounts;

/// <summary>Roles and scopes as people read them: "Operator instansi — Dinas Kesehatan Kab. Sleman".</summary>
public sealed class GrantNames(JippnasDb db, Texts t)
{
    public string Role(AccountRole role) => role switch
    {
        AccountRole.NationalAdministrator => t["Administrator nasional"],
        AccountRole.Curator => t["Kurator sumber data"],
        AccountRole.HubAdministrator => t["Admin hub"],
        AccountRole.Operator => t["Operator instansi"],
        AccountRole.Mentor => t["Mentor"],
        AccountRole.Evaluator => t["Penilai"],
        _ => role.ToString(),
    };

    public string Scope(GrantScope scope) => scope switch
    {
        GrantScope.National => t["Nasional"],
        GrantScope.Province => t["Provinsi"],
        GrantScope.Ministry => t["Kementerian/lembaga"],
        GrantScope.Agency => t["Instansi"],
        GrantScope.Hub => t["Hub"],
        GrantScope.Regency => t["Kabupaten/kota"],
        GrantScope.Round => t["Putaran kompetisi"],
        _ => scope.ToString(),
    };

    /// <summary>What each grant's key names (a region, agency or hub), looked up in one query per kind.</summary>
    public async Task<Dictionary<long, string>> DescribeAsync(IReadOnlyCollection<RoleGrant> grants, CancellationToken cancellationToken)
    {
        var codes = grants.Where(g => g.Scope is GrantScope.Province or GrantScope.Regency).Select(g => g.ScopeKey!).Distinct().ToList();
        var agencyIds = Numbers(grants, GrantScope.Agency, GrantScope.Ministry);
        var hubIds = Numbers(grants, GrantScope.Hub);
        var regions = codes.Count == 0 ? [] : await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        var agencies = agencyIds.Count == 0 ? [] : await db.Agencies.Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var hubs = hubIds.Count == 0 ? [] : await db.Hubs.Where(h => hubIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, cancellationToken);
        return grants.ToDictionary(g => g.Id, g =>
        {
            var what = g.Scope switch
            {
                GrantScope.National => null,
                GrantScope.Province or GrantScope.Regency => regions.GetValueOrDefault(g.ScopeKey!),
                GrantScope.Agency or GrantScope.Ministry => Number(g) is { } a ? agencies.GetValueOrDefault(a) : null,
                GrantScope.Hub => Number(g) is { } h ? hubs.GetValueOrDefault(h) : null,
                _ => null,
            };
            return g.Scope == GrantScope.National ? Scope(g.Scope) : $"{Scope(g.Scope)}: {what ?? g.ScopeKey}";
        });
    }

    private static List<int> Numbers(IEnumerable<RoleGrant> grants, params GrantScope[] scopes) =>
        [.. grants.Where(g => scopes.Contains(g.Scope)).Select(Number).OfType<int>().Distinct()];

    private static int? Number(RoleGrant grant) =>
        int.TryParse(grant.ScopeKey, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
