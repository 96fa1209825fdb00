using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Hubs;

/// <summary>
/// The national administrator's list of hubs and candidates, with the latest assessment of each, and the form that
/// proposes a province or a ministry/agency as a candidate.
/// </summary>
[Authorize(Policy = HubPermissions.Designate)]
public sealed class ManageModel(JippnasDb db, HubOffice office, CurrentAccess access) : PageModel
{
    public sealed record Row(int Id, string Name, HubKind Kind, HubStatus Status, int? Since, AssessmentDecision? Assessment);

    public sealed record Choice(string Value, string Label);

    [BindProperty]
    public string? Province { get; set; }

    [BindProperty]
    public string? Agency { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<Choice> Provinces { get; private set; } = [];

    public IReadOnlyList<Choice> Agencies { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var me = (await access.GetAsync(User, cancellationToken))!;
        var outcome = await office.ProposeAsync(Province, Agency, me.UserId, cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect($"/admin/hub/{outcome.Id}");
        }

        await LoadAsync(cancellationToken);
        return this.Refused(outcome.Errors);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var hubs = await db.Hubs.Select(h => new
        {
            h.Id, h.Name, h.Kind, h.Status, h.ProvinceCode, h.AgencyId,
            Since = h.Designations.Where(d => d.EndedOn == null).Min(d => (int?)d.Year),
            Assessment = db.HubAssessments.Where(a => a.HubId == h.Id).OrderByDescending(a => a.Id).Select(a => (AssessmentDecision?)a.Decision).FirstOrDefault(),
        }).ToListAsync(cancellationToken);
        Rows = [.. hubs.OrderBy(h => h.Status == HubStatus.Active ? 1 : 0).ThenBy(h => h.Since).ThenBy(h => h.Name, StringComparer.Ordinal)
            .Select(h => new Row(h.Id, h.Name, h.Kind, h.Status, h.Since, h.Assessment))];
        var active = hubs.Where(h => h.Status == HubStatus.Active).ToList();
        var activeProvinces = active.Select(h => h.ProvinceCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var activeAgencies = active.Select(h => h.AgencyId).OfType<int>().ToHashSet();
        Provinces = [.. (await db.Regions.Where(r => r.Level == RegionLevel.Province).OrderBy(r => r.Name).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken))
            .Where(r => !activeProvinces.Contains(r.Code)).Select(r => new Choice(r.Code, r.Name))];
        Agencies = [.. (await db.Agencies.Where(a => a.Kind == AgencyKind.Ministry || a.Kind == AgencyKind.NonMinistryAgency).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .Where(a => !activeAgencies.Contains(a.Id)).Select(a => new Choice($"{a.Id}", a.Name))];
    }
}
