using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Search;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Replication;

/// <summary>
/// Matching a region's need to innovations worth replicating, for its mentor and the hub's and national
/// administrators: from a recorded need (<c>kebutuhan</c>) or a problem in words (<c>masalah</c>) with a sector
/// (<c>sektor</c>) and the regency/city or province (<c>wilayah</c>); ten suggestions, each with its reasons; the
/// region's shortlist, from which a replication is opened.
/// </summary>
[Authorize(Policy = ReplicationPermissions.Review)]
public sealed class MatchingModel(JippnasDb db, MatchingService matching, ReplicationDesk desk, CurrentAccess access, IAuthorizationService authorization, Texts t) : PageModel
{
    public sealed record Listed(int InnovationId, string Name, string? Note, int? NeedId);

    [BindProperty(SupportsGet = true, Name = "kebutuhan")]
    public string? NeedText { get; set; }

    [BindProperty(SupportsGet = true, Name = "masalah")]
    public string? Problem { get; set; }

    [BindProperty(SupportsGet = true, Name = "sektor")]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true, Name = "wilayah")]
    public string? Regency { get; set; }

    [BindProperty(Name = "asal")]
    public string? Innovation { get; set; }

    [BindProperty(Name = "catatan")]
    public string? Note { get; set; }

    public Need? Need { get; private set; }

    public string? RegencyName { get; private set; }

    public IReadOnlyList<MatchSuggestion> Suggestions { get; private set; } = [];

    public IReadOnlyList<Listed> Shortlist { get; private set; } = [];

    public IReadOnlyList<Sector> Sectors { get; private set; } = [];

    public bool Asked { get; private set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ReadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Asked && ModelState.IsValid)
        {
            Suggestions = await matching.SuggestAsync(new MatchRequest(Need?.Problem ?? Problem!, Need?.SectorId ?? SectorId(), Regency!), cancellationToken);
        }
        else if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>Adds an innovation to the regency's shortlist (once).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await ReadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Regency is null || !ModelState.IsValid)
        {
            return this.Refused([("wilayah", t["wilayah: pilih provinsi atau kabupaten/kota yang membutuhkan."])]);
        }

        var me = (await access.GetAsync(User, cancellationToken))!;
        var outcome = await desk.ShortlistAsync(Regency, Need?.Id, Innovation, Note, me.UserId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome.Errors);
        }

        Flash = t["Masuk daftar pendek."];
        return Redirect(Need is not null ? $"/kelola/padanan?kebutuhan={Need.Id}" : $"/kelola/padanan?wilayah={Uri.EscapeDataString(Regency)}");
    }

    private int? SectorId() =>
        int.TryParse(Sector, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Sectors.Any(s => s.Id == id) ? id : null;

    // Reads the need or the problem, sector and regency asked for, checks the person may work there, and reads the shortlist.
    private async Task<IActionResult?> ReadAsync(CancellationToken cancellationToken)
    {
        Sectors = await db.Sectors.Where(s => s.IsActive).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(NeedText))
        {
            Need = int.TryParse(NeedText, NumberStyles.None, CultureInfo.InvariantCulture, out var needId)
                ? await db.Needs.FirstOrDefaultAsync(n => n.Id == needId, cancellationToken)
                : null;
            if (Need is null)
            {
                return NotFound();
            }

            (Regency, Problem, Sector) = (Need.RegencyCode, Need.Problem, Need.SectorId?.ToString(CultureInfo.InvariantCulture));
            Asked = true;
        }
        else
        {
            Regency = string.IsNullOrWhiteSpace(Regency) ? null : Regency.Trim();
            Problem = string.IsNullOrWhiteSpace(Problem) ? null : Problem.Trim();
            Asked = Problem is not null || Regency is not null;
            if (Asked && Problem is null)
            {
                ModelState.AddModelError("masalah", t["masalah: tulis masalah atau kebutuhan yang hendak dijawab."]);
            }
            else if (Problem?.Length > SearchQuery.MaxQueryLength)
            {
                ModelState.AddModelError("masalah", t.Format("masalah: paling panjang {0} karakter.", SearchQuery.MaxQueryLength));
            }

            if (!string.IsNullOrWhiteSpace(Sector) && SectorId() is null)
            {
                ModelState.AddModelError("sektor", t.Format("sektor: '{0}' tidak dikenal.", Sector));
            }
        }

        if (Regency is not null)
        {
            var regency = Region.IsRegencyCode(Regency);
            RegencyName = regency || Region.IsProvinceCode(Regency) ? await db.Regions.Where(r => r.Code == Regency).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) : null;
            if (RegencyName is null)
            {
                ModelState.AddModelError("wilayah", t.Format("wilayah: '{0}' bukan kode provinsi atau kabupaten/kota (contoh: 33 atau 35.01).", Regency));
                Regency = null;
            }
            else if (!(await authorization.AuthorizeAsync(User, new ScopePlace(null, Regency[..2], regency ? Regency : null), ReplicationPermissions.Review)).Succeeded)
            {
                return Forbid();
            }
        }
        else if (Asked)
        {
            ModelState.AddModelError("wilayah", t["wilayah: pilih provinsi atau kabupaten/kota yang membutuhkan."]);
        }

        if (Regency is not null)
        {
            Shortlist = await db.Shortlist.Where(s => s.RegencyCode == Regency).OrderBy(s => s.Id)
                .Join(db.Innovations, s => s.InnovationId, i => i.Id, (s, i) => new Listed(i.Id, i.Name, s.Note, s.NeedId))
                .ToListAsync(cancellationToken);
        }

        return null;
    }
}
