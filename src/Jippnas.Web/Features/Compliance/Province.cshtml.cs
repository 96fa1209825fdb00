using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Compliance;

/// <summary>
/// One agency, one innovation in a province: the province's own government and each regency/city, with the policy
/// the province adopted (set by its hub's administrators or a national administrator).
/// </summary>
[Authorize(Policy = Accounts.AccountsSetup.SignedInToWrite)]
public sealed class ProvinceModel(JippnasDb db, ComplianceDesk desk, CurrentAccess access, IAuthorizationService authorization, TimeProvider clock, Texts t) : CompliancePage(clock, t)
{
    public Region Province { get; private set; } = null!;

    public ProvincePolicy? Policy { get; private set; }

    public IReadOnlyList<RollupRow> Rows { get; private set; } = [];

    public bool CanSetPolicy { get; private set; }

    [BindProperty(Name = "from_year")]
    public string? FromYear { get; set; }

    [BindProperty(Name = "decree")]
    public string? Decree { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(string province, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(province, cancellationToken))
        {
            return NotFound();
        }

        (FromYear, Decree) = (Policy?.AdoptedFromYear.ToString(System.Globalization.CultureInfo.InvariantCulture), Policy?.Decree);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string province, string? format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(province, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await ExportAsync(format, $"satu-opd-satu-inovasi-{province}-{Year}", ["id_pemerintah", "pemerintah_daerah", "tahun", "opd", "opd_berinovasi_baru", "persentase"],
            Rows.Select(r => new object?[] { r.Key, r.Name, Year, r.Opds, r.Compliant, r.Rate is { } rate ? Math.Round(rate * 100, 1) : null }), cancellationToken);
    }

    public async Task<IActionResult> OnPostPolicyAsync(string province, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(province, cancellationToken))
        {
            return NotFound();
        }

        if (!CanSetPolicy)
        {
            return Refuse();
        }

        ModelState.Clear();
        var me = (await access.GetAsync(User, cancellationToken))!;
        var outcome = await desk.SetPolicyAsync(province, FromYear, Decree, me.UserId, cancellationToken);
        if (outcome.Succeeded)
        {
            Flash = T["Kebijakan satu OPD satu inovasi tersimpan."];
            return Redirect($"/satu-opd-satu-inovasi/{province}");
        }

        return this.Refused(outcome.Errors);
    }

    private async Task<bool> LoadAsync(string province, CancellationToken cancellationToken)
    {
        if (await db.Regions.FirstOrDefaultAsync(r => r.Code == province && r.Level == RegionLevel.Province, cancellationToken) is not { } region)
        {
            return false;
        }

        if (!ReadYear())
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Province = region;
        Policy = await db.ProvincePolicies.FirstOrDefaultAsync(p => p.ProvinceCode == province, cancellationToken);
        Rows = await db.ProvinceAsync(province, Year, cancellationToken);
        CanSetPolicy = User.Identity?.IsAuthenticated == true
            && (await authorization.AuthorizeAsync(User, new ScopePlace(null, province, null), HubPermissions.Run)).Succeeded;
        return true;
    }
}
