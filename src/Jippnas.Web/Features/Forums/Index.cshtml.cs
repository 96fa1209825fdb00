using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Forums;

/// <summary>The public list of forums, newest first, optionally of one province (<c>provinsi</c>).</summary>
public sealed class IndexModel(JippnasDb db, ReferenceCatalog catalog, Texts t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "provinsi")]
    public string? Province { get; set; }

    public IReadOnlyList<Forum> Forums { get; private set; } = [];

    public ReferenceSnapshot Reference { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Reference = await catalog.GetAsync(cancellationToken);
        if (Province is not null && (!Reference.Regions.TryGetValue(Province, out var region) || region.Level != RegionLevel.Province))
        {
            ModelState.AddModelError("provinsi", t.Format("provinsi: '{0}' bukan kode provinsi.", Province));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Forums = await db.Forums.Where(f => Province == null || f.ProvinceCode == Province)
            .OrderByDescending(f => f.HeldOn).ThenByDescending(f => f.Id).Take(500).ToListAsync(cancellationToken);
        return Page();
    }
}
