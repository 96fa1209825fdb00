using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Jippnas.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Imports;

/// <summary>The names curators mapped for imports ("Kab. OKU" → 16.01): listed, added and removed.</summary>
[Authorize(Policy = ImportPermissions.Run)]
public sealed class ImportNamesModel(JippnasDb db, NameMappings mappings, Texts t) : PageModel
{
    public IReadOnlyList<NameMapping> Mappings { get; private set; } = [];

    public IReadOnlyList<NameMappings.RegionChoice> Regions { get; private set; } = [];

    /// <summary>Names of the agencies mappings point to.</summary>
    public Dictionary<int, string> Agencies { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(NameKind kind, string? written, string? target, CancellationToken cancellationToken)
    {
        var problem = Enum.IsDefined(kind) ? await mappings.MapAsync(kind, written, target, User.Identity?.Name, cancellationToken) : t["jenis: harus wilayah atau instansi."];
        if (problem is not null)
        {
            Flash = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        Flash = t.Format("'{0}' dipetakan ke {1} untuk impor berikutnya.", written!.Trim(), target!.Trim());
        return Redirect("/admin/impor/nama");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (await mappings.DeleteAsync(id, cancellationToken) == 0)
        {
            return NotFound();
        }

        Flash = t["Pemetaan nama dihapus."];
        return Redirect("/admin/impor/nama");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Mappings = await mappings.ListAsync(cancellationToken);
        Regions = await mappings.RegionsAsync(cancellationToken);
        var ids = Mappings.Select(m => m.AgencyId).OfType<int>().Distinct().ToList();
        Agencies = await db.Agencies.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
    }
}
