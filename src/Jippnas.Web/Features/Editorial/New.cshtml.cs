using Jippnas.Web.Data;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Jippnas.Web.Features.Editorial;

/// <summary>An operator starts a draft of a new innovation of their agency (or one of its units).</summary>
[Authorize(Policy = InnovationPermissions.Edit)]
public sealed class NewModel(JippnasDb db, CurrentAccess access, EditorialDesk desk, Texts t) : EditionPage(db, access, t)
{
    [BindProperty]
    public Dictionary<string, string?> F { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (_, scope) = await EditScopeAsync(cancellationToken);
        var values = EditionFields.Clean(null);
        if (scope.Agencies.Count == 1)
        {
            values["agency"] = scope.Agencies.Single().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Form = await FormAsync(values, scope, [], readOnly: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (view, scope) = await EditScopeAsync(cancellationToken);
        var outcome = await desk.CreateAsync(F, scope, view.UserId, cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = T["Draf tersimpan. Lengkapi isiannya, lalu ajukan untuk diverifikasi."];
            return Redirect($"/kelola/inovasi/{outcome.Id}");
        }

        ModelState.Clear();
        Form = await FormAsync(EditionFields.Clean(F), scope, outcome.Errors, readOnly: false, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
