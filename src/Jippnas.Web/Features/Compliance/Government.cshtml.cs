using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jippnas.Web.Features.Compliance;

/// <summary>
/// One agency, one innovation in a regional government: each of its agencies (OPD) with its new and continuing
/// innovations of the year, the rate, and the agencies with none; the hub's administrators enter the agencies.
/// </summary>
[Authorize(Policy = Accounts.AccountsSetup.SignedInToWrite)]
public sealed class GovernmentModel(JippnasDb db, ComplianceDesk desk, IAuthorizationService authorization, TimeProvider clock, Texts t) : CompliancePage(clock, t)
{
    public GovernmentReport Report { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    [BindProperty(Name = "opds")]
    public string? Opds { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(int id, string? format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await ExportAsync(format, $"satu-opd-satu-inovasi-{id}-{Year}", ["id_opd", "opd", "singkatan", "tahun", "inovasi_baru", "inovasi_berlanjut", "memenuhi"],
            Report.Opds.Select(o => new object?[] { o.AgencyId, o.Name, o.Acronym, Year, o.New, o.Continuing, o.Compliant ? "ya" : "tidak" }), cancellationToken);
    }

    public async Task<IActionResult> OnPostOpdsAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Refuse();
        }

        ModelState.Clear();
        var outcome = await desk.AddOpdsAsync(id, Opds, cancellationToken);
        if (outcome.Succeeded)
        {
            Flash = T.Format("{0} OPD ditambahkan.", outcome.Id);
            return Redirect($"/satu-opd-satu-inovasi/pemerintah/{id}");
        }

        return this.Refused(outcome.Errors);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (!ReadYear())
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        if (await db.GovernmentAsync(id, Year, cancellationToken) is not { } report)
        {
            return false;
        }

        Report = report;
        var region = report.RegionCode ?? "";
        var place = new ScopePlace(id, ComplianceQueries.ProvinceOf(region), region.Contains('.', StringComparison.Ordinal) ? region : null);
        CanEdit = User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, place, HubPermissions.Run)).Succeeded;
        return true;
    }
}
