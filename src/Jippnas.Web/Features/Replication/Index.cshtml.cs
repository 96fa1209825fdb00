using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Replication;

/// <summary>
/// The replications a person works on (newest first), and for hub and national administrators the form
/// that opens one: an origin innovation, the replicating agency, the need it answers and how it adapts the origin
/// (the form can be filled from a link, <c>?asal=&amp;instansi=&amp;kebutuhan=</c>).
/// </summary>
[Authorize(Policy = ReplicationPermissions.Work)]
public sealed class IndexModel(JippnasDb db, ReplicationDesk desk, CurrentAccess access, IAuthorizationService authorization, Texts t) : PageModel
{
    public const int Shown = 200;

    public sealed record Row(int Id, string Origin, string Agency, string Regency, ReplicationStage Stage, DateTimeOffset UpdatedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public bool CanOpen { get; private set; }

    [BindProperty(SupportsGet = true, Name = "asal")]
    public string? Origin { get; set; }

    [BindProperty(SupportsGet = true, Name = "instansi")]
    public string? Agency { get; set; }

    [BindProperty(SupportsGet = true, Name = "kebutuhan")]
    public string? Need { get; set; }

    [BindProperty(Name = "adaptation")]
    public string? Adaptation { get; set; }

    [BindProperty(Name = "adaptation_note")]
    public string? AdaptationNote { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!CanOpen)
        {
            return Forbid();
        }

        // The agency's place decides whether this person may open a replication for it.
        if (int.TryParse(Agency, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var agencyId)
            && await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.RegionCode).FirstOrDefaultAsync(cancellationToken) is { } region
            && Region.IsRegencyCode(region)
            && !(await authorization.AuthorizeAsync(User, new ScopePlace(agencyId, region[..2], region), ReplicationPermissions.Open)).Succeeded)
        {
            return this.Refused([("agency", t["Instansi pereplikasi: di luar cakupan peran Anda."])]);
        }

        var me = (await access.GetAsync(User, cancellationToken))!;
        var outcome = await desk.OpenAsync(new OpenInput(Origin, Agency, null, Need, Adaptation, AdaptationNote), me.UserId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome.Errors);
        }

        Flash = t["Replikasi dibuka; replikanya tercatat sebagai draf inovasi instansi pereplikasi."];
        return Redirect($"/kelola/replikasi/{outcome.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = (await access.GetAsync(User, cancellationToken))!;
        CanOpen = (await authorization.AuthorizeAsync(User, ReplicationPermissions.Open)).Succeeded;
        var grants = me.Grants;
        var national = grants.Any(g => g.Scope == GrantScope.National);
        var provinces = grants.Where(g => g.Scope == GrantScope.Province).Select(g => g.ScopeKey!).ToList();
        var hubIds = grants.Where(g => g.Scope == GrantScope.Hub).Select(g => int.TryParse(g.ScopeKey, out var h) ? h : 0).ToList();
        provinces.AddRange(await db.Hubs.Where(h => hubIds.Contains(h.Id) && h.ProvinceCode != null).Select(h => h.ProvinceCode!).ToListAsync(cancellationToken));
        var regencies = grants.Where(g => g.Scope == GrantScope.Regency).Select(g => g.ScopeKey!).ToList();
        var agencies = grants.Where(g => g.Scope is GrantScope.Agency or GrantScope.Ministry).Select(g => int.TryParse(g.ScopeKey, out var a) ? a : 0).ToList();

        // A first cut by the grants in the database; the permission check over each place decides.
        var candidates = await db.Replications
            .Where(r => national || provinces.Contains(r.RegencyCode.Substring(0, 2)) || regencies.Contains(r.RegencyCode) || agencies.Contains(r.AgencyId)
                || db.Agencies.Any(a => a.Id == r.AgencyId && a.ParentId != null && agencies.Contains(a.ParentId.Value)))
            .OrderByDescending(r => r.Id).Take(Shown * 2)
            .Select(r => new { r.Id, r.AgencyId, r.RegencyCode, Origin = r.Origin!.Name, Agency = r.Agency!.Name, r.Stage, r.UpdatedAt })
            .ToListAsync(cancellationToken);
        var names = await db.Regions.Where(g => candidates.Select(c => c.RegencyCode).Contains(g.Code)).ToDictionaryAsync(g => g.Code, g => g.Name, cancellationToken);
        var rows = new List<Row>();
        foreach (var c in candidates)
        {
            if (rows.Count < Shown && (await authorization.AuthorizeAsync(User, new ScopePlace(c.AgencyId, c.RegencyCode[..2], c.RegencyCode), ReplicationPermissions.Work)).Succeeded)
            {
                rows.Add(new Row(c.Id, c.Origin, c.Agency, names.GetValueOrDefault(c.RegencyCode, c.RegencyCode), c.Stage, c.UpdatedAt));
            }
        }

        Rows = rows;
    }
}
