using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Innovations;

public sealed class DetailsModel(JippnasDb db, ReferenceCatalog catalog, SearchService search, Evidence.EvidenceShelf evidence) : PageModel
{
    public InnovationDetail Innovation { get; private set; } = null!;
    public ReferenceSnapshot Reference { get; private set; } = null!;
    public IReadOnlyList<SearchHit> Similar { get; private set; } = [];
    public IReadOnlyList<Evidence.EvidenceItem> Files { get; private set; } = [];
    public Replication.Lineage Lineage { get; private set; } = Replication.Lineage.None;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var key) || key < 1)
        {
            return NotFound();
        }

        var detail = await db.DetailAsync(key, cancellationToken);
        if (detail is null)
        {
            // A record merged into another by a curator leads to the one kept (a merge can be undone, so not permanently).
            var kept = await db.DuplicatePairs.Where(p => p.State == DuplicateState.Merged && (p.FirstId == key || p.SecondId == key) && p.KeptId != key)
                .Select(p => p.KeptId).FirstOrDefaultAsync(cancellationToken);
            return kept is { } target ? Redirect($"/inovasi/{target}") : NotFound();
        }

        Innovation = detail;
        Reference = await catalog.GetAsync(cancellationToken);
        Similar = await search.SimilarAsync(key, 5, cancellationToken);
        Files = await evidence.ListAsync([key], publicOnly: true, cancellationToken);
        Lineage = await Replication.LineageQueries.ReadAsync(db, Reference, key, Replication.LineageQueries.OnPage, cancellationToken);
        return Page();
    }
}
