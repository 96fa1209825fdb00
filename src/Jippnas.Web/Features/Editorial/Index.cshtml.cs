using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Editorial;

/// <summary>
/// The editorial desk: an operator's records (drafts, returned, submitted, published) and, for a verifier, what waits
/// in their province or ministry (oldest first); filtered by state, newest record first, fifty a page.
/// </summary>
[Authorize]
public sealed class IndexModel(JippnasDb db, CurrentAccess access, Texts t) : PageModel
{
    private const int PageSize = 50;

    public sealed record Row(int Id, string Name, string? Agency, EditorialState State, bool IsRevision, DateTimeOffset UpdatedAt);

    [BindProperty(SupportsGet = true, Name = "keadaan")]
    public string? StateFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public bool CanEdit { get; private set; }

    public IReadOnlyList<Row> Mine { get; private set; } = [];

    public IReadOnlyList<Row> Waiting { get; private set; } = [];

    public int MineTotal { get; private set; }

    public static IReadOnlyList<(string Slug, EditorialState State)> States { get; } =
        [("draf", EditorialState.Draft), ("diajukan", EditorialState.Submitted), ("dikembalikan", EditorialState.Returned), ("terverifikasi", EditorialState.Verified), ("terbit", EditorialState.Published)];

    public string Link(int page) => $"/kelola/inovasi?halaman={page}{(StateFilter is null ? "" : "&keadaan=" + StateFilter)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        EditorialState? state = null;
        if (StateFilter is not null)
        {
            if (States.FirstOrDefault(s => s.Slug == StateFilter) is not { Slug: not null } found)
            {
                ModelState.AddModelError("keadaan", t.Format("keadaan: '{0}' tidak dikenal; pilih draf, diajukan, dikembalikan, terverifikasi atau terbit.", StateFilter));
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            state = found.State;
        }

        var view = await access.GetAsync(User, cancellationToken);
        var edit = await EditorialScope.OfAsync(db, view, InnovationPermissions.All.First(p => p.Name == InnovationPermissions.Edit), cancellationToken);
        var review = await EditorialScope.OfAsync(db, view, InnovationPermissions.All.First(p => p.Name == InnovationPermissions.Review), cancellationToken);
        if (edit.IsEmpty && review.IsEmpty)
        {
            return Forbid();
        }

        CanEdit = !edit.IsEmpty;
        if (CanEdit)
        {
            // Editions in progress and published records, not records merged away as duplicates.
            var mine = edit.Filter(db.Innovations).Where(i => i.EditorialState != EditorialState.Published || i.IsPublished);
            if (state is { } only)
            {
                mine = mine.Where(i => i.EditorialState == only);
            }

            MineTotal = await mine.CountAsync(cancellationToken);
            PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (MineTotal + PageSize - 1) / PageSize));
            Mine = await Rows(mine.OrderByDescending(i => i.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
        }

        if (!review.IsEmpty)
        {
            Waiting = await Rows(review.Filter(db.Innovations).Where(i => i.EditorialState == EditorialState.Submitted || i.EditorialState == EditorialState.Verified)
                .OrderBy(i => i.Id).Take(200)).ToListAsync(cancellationToken);
        }

        return Page();
    }

    public string StateName(EditorialState state) => t[EditorialWorkflow.Name(state)];

    private static IQueryable<Row> Rows(IQueryable<Innovation> innovations) =>
        innovations.Select(i => new Row(i.Id, i.Name, i.Agency!.Name, i.EditorialState, i.RevisionOfId != null, i.UpdatedAt));
}
