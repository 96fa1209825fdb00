using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Hubs;

/// <summary>What the hub programme's pages share: finding a hub the person runs, and showing a refused form.</summary>
public static class HubPages
{
    /// <summary>A designated hub the signed-in person runs, or the answer refusing it (404 unknown or never designated, 403 not theirs).</summary>
    public static async Task<(Hub? Hub, IActionResult? Refusal)> RunAsync(this PageModel page, JippnasDb db, IAuthorizationService authorization, int id, CancellationToken cancellationToken)
    {
        if (await db.Hubs.FirstOrDefaultAsync(h => h.Id == id && h.Designations.Any(), cancellationToken) is not { } hub)
        {
            return (null, page.NotFound());
        }

        return (await authorization.AuthorizeAsync(page.User, HubPermissions.PlaceOf(hub), HubPermissions.Run)).Succeeded ? (hub, null) : (null, page.Forbid());
    }

    /// <summary>The page again, answered 400, with each problem on its field (and nothing else the binder said).</summary>
    public static PageResult Refused(this PageModel page, IEnumerable<(string Field, string Message)> errors)
    {
        page.ModelState.Clear();
        foreach (var (field, message) in errors)
        {
            page.ModelState.AddModelError(field, message);
        }

        page.Response.StatusCode = StatusCodes.Status400BadRequest;
        return page.Page();
    }
}
