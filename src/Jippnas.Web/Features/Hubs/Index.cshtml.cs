using Jippnas.Web.Data;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jippnas.Web.Features.Hubs;

public sealed class IndexModel(JippnasDb db, ReferenceCatalog catalog, TimeProvider clock) : PageModel
{
    public const int GoalYear = 2024;
    public IReadOnlyList<HubItem> Hubs { get; private set; } = [];
    public ReferenceSnapshot Reference { get; private set; } = null!;
    public int ProvinceCount { get; private set; }

    public int Year { get; private set; }

    /// <summary>Every province: hub or not and since when, and its figures of the year.</summary>
    public IReadOnlyList<ProvinceTile> Tiles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reference = await catalog.GetAsync(cancellationToken);
        ProvinceCount = Reference.Provinces.Count();
        Hubs = await db.HubsAsync(cancellationToken);
        Year = clock.JakartaNow().Year;
        Tiles = await db.TilesAsync(Year, cancellationToken);
    }
}
