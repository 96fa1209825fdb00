using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jippnas.Web.Features.Regions;

public sealed class ProvinceModel(JippnasDb db, ReferenceCatalog catalog) : PageModel
{
    public Region Province { get; private set; } = null!;
    public ReferenceSnapshot Reference { get; private set; } = null!;
    public IReadOnlyList<Region> Children { get; private set; } = [];
    public Dictionary<string, int> RegencyCounts { get; private set; } = [];
    public InnovationPage Latest { get; private set; } = null!;
    public HubSummary? Hub { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Reference = await catalog.GetAsync(cancellationToken);
        if (!Reference.Regions.TryGetValue(code, out var region) || region.Level != RegionLevel.Province)
        {
            return NotFound();
        }

        Province = region;
        Children = [.. Reference.ChildrenOf(code)];
        Hub = Reference.HubsByProvince.GetValueOrDefault(code);
        RegencyCounts = await db.ReadRegenciesAsync(code, cancellationToken);
        Latest = await db.ListAsync(new InnovationFilter(Province: code, PageSize: 10), cancellationToken);
        return Page();
    }
}
