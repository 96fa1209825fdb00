using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Regions;

public sealed class RegencyModel(JippnasDb db, ReferenceCatalog catalog) : PageModel
{
    public Region Regency { get; private set; } = null!;
    public ReferenceSnapshot Reference { get; private set; } = null!;
    public InnovationPage Latest { get; private set; } = null!;

    /// <summary>The regency/city's innovation needs still open or matched, highest priority first.</summary>
    public IReadOnlyList<Need> Needs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Reference = await catalog.GetAsync(cancellationToken);
        if (!Reference.Regions.TryGetValue(code, out var region) || region.Level == RegionLevel.Province)
        {
            return NotFound();
        }

        Regency = region;
        Latest = await db.ListAsync(new InnovationFilter(Regency: code, PageSize: 20), cancellationToken);
        Needs = await db.Needs.Include(n => n.Indicators).Include(n => n.Sector)
            .Where(n => n.RegencyCode == code && (n.Status == NeedStatus.Open || n.Status == NeedStatus.Matched))
            .OrderBy(n => n.Priority).ThenBy(n => n.Id).Take(50).ToListAsync(cancellationToken);
        return Page();
    }
}
