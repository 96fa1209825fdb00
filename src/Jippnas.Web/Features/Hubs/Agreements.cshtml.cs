using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Hubs;

/// <summary>A hub's agreements (MoU / PKS) for its administrators: those signed so far and the form that records one.</summary>
[Authorize(Policy = HubPermissions.Run)]
public sealed class AgreementsModel(JippnasDb db, AgreementDesk desk, Evidence.EvidenceShelf shelf, CurrentAccess access, IAuthorizationService authorization, Texts t) : PageModel
{
    public Hub Hub { get; private set; } = null!;

    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];

    public IReadOnlyList<HubMember> Members { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Regions { get; private set; } = [];

    [BindProperty(Name = "kind")]
    public string? Kind { get; set; } = "mou";

    [BindProperty(Name = "number")]
    public string? Number { get; set; }

    [BindProperty(Name = "scope")]
    public string? Scope { get; set; }

    [BindProperty(Name = "signed_on")]
    public string? SignedOn { get; set; }

    [BindProperty(Name = "valid_until")]
    public string? ValidUntil { get; set; }

    [BindProperty(Name = "document")]
    public string? Document { get; set; }

    [BindProperty(Name = "ministry")]
    public bool Ministry { get; set; }

    [BindProperty(Name = "members")]
    public List<string> ChosenMembers { get; set; } = [];

    [BindProperty(Name = "regions")]
    public List<string> ChosenRegions { get; set; } = [];

    /// <summary>The signed document, optional: kept like an innovation's evidence (type read from the content).</summary>
    [BindProperty(Name = "berkas")]
    public IFormFile? Upload { get; set; }

    public long MaxBytes => shelf.MaxBytes;

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var me = (await access.GetAsync(User, cancellationToken))!;
        var outcome = await desk.RecordAsync(Hub, new AgreementInput(Kind, Number, Scope, SignedOn, ValidUntil, Document, Ministry, ChosenMembers, ChosenRegions),
            Upload is { Length: > 0 } upload ? token => shelf.StoreAsync(upload, token) : null, me.UserId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome.Errors);
        }

        Flash = t["Perjanjian tercatat."];
        return Redirect($"/kelola/hub/{id}/kerja-sama");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (hub, refusal) = await this.RunAsync(db, authorization, id, cancellationToken);
        if (hub is null)
        {
            return refusal;
        }

        Hub = hub;
        Agreements = await db.Agreements.Include(a => a.Parties).Where(a => a.HubId == id).OrderByDescending(a => a.SignedOn).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);
        Members = await db.HubMembers.Include(m => m.Member).Where(m => m.HubId == id && m.UntilYear == null).OrderBy(m => m.Member!.Name).ToListAsync(cancellationToken);
        Regions = hub.ProvinceCode is { } province
            ? [.. (await db.Regions.Where(r => r.ParentCode == province).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken)).Select(r => (r.Code, r.Name))]
            : [];
        return null;
    }
}
