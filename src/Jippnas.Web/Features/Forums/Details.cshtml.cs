using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Forums;

/// <summary>A forum's public page: when and where in its series, who organised and came, materials and outcomes.</summary>
public sealed class DetailsModel(JippnasDb db) : PageModel
{
    public Forum Forum { get; private set; } = null!;

    public string Province { get; private set; } = "";

    public Hub? Hub { get; private set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Forums.FirstOrDefaultAsync(f => f.Id == id, cancellationToken) is not { } forum)
        {
            return NotFound();
        }

        Forum = forum;
        Province = await db.Regions.Where(r => r.Code == forum.ProvinceCode).Select(r => r.Name).FirstAsync(cancellationToken);
        Hub = forum.HubId is { } hub ? await db.Hubs.FirstOrDefaultAsync(h => h.Id == hub, cancellationToken) : null;
        return Page();
    }
}
