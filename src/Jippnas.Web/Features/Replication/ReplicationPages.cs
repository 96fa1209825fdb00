using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Replication;

/// <summary>What the replication pages share: finding a replication the signed-in person works on.</summary>
public static class ReplicationPages
{
    /// <summary>
    /// The replication <paramref name="id"/> from <paramref name="replications"/> (with what the page includes), or
    /// the answer refusing it: 404 unknown, 403 when the person may not work over its agency's place.
    /// </summary>
    public static async Task<(Domain.Replication? Replication, IActionResult? Refusal)> WorkAsync(
        this PageModel page, IQueryable<Domain.Replication> replications, IAuthorizationService authorization, int id, CancellationToken cancellationToken)
    {
        if (await replications.AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } replication)
        {
            return (null, page.NotFound());
        }

        return (await authorization.AuthorizeAsync(page.User, ReplicationPermissions.PlaceOf(replication), ReplicationPermissions.Work)).Succeeded
            ? (replication, null)
            : (null, page.Forbid());
    }
}
