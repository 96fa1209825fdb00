using Jippnas.Web.Data;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jippnas.Web.Features.Regions;

public sealed class IndexModel(JippnasDb db, ReferenceCatalog catalog) : PageModel
{
    public ReferenceSnapshot Reference { get; private set; } = null!;
    public Dictionary<string, int> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reference = await catalog.GetAsync(cancellationToken);
        Counts = await db.ReadAsync(Tally.Province, cancellationToken);
    }
}
