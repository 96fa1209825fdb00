using Jippnas.Web.Data;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jippnas.Web.Features.Innovations;

public sealed class IndexModel(JippnasDb db, ReferenceCatalog catalog, Texts t, TimeProvider clock) : PageModel
{
    public InnovationPage Result { get; private set; } = new([], 0, new InnovationFilter());
    public ReferenceSnapshot Reference { get; private set; } = null!;
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public int CurrentYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Reference = await catalog.GetAsync(cancellationToken);
        CurrentYear = clock.JakartaNow().Year;
        var errors = new QueryErrors(t);
        var filter = InnovationFilter.Parse(Request.Query, Reference, errors, CurrentYear);
        if (errors.Any)
        {
            Errors = errors.All;
            Result = new InnovationPage([], 0, filter);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await db.ListAsync(filter, cancellationToken);
        if (filter.Page > Result.PageCount)
        {
            errors.Add("page", t.Format("Halaman {0} tidak ada: daftar ini hanya {1} halaman.", filter.Page, Result.PageCount));
            Errors = errors.All;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
