using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Hubs;

/// <summary>The hubs the signed-in person runs (a national administrator: every designated hub), with this year's progress.</summary>
[Authorize(Policy = HubPermissions.Run)]
public sealed class WorkModel(JippnasDb db, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Name, HubStatus Status, int Done);

    public int Year { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Year = Shared.Formats.JakartaNow(clock).Year;
        var hubs = await db.Hubs.Where(h => h.Designations.Any()).OrderBy(h => h.Name).ToListAsync(cancellationToken);
        var milestones = await db.HubMilestones.Where(m => m.Year == Year).GroupBy(m => m.HubId)
            .Select(g => new { HubId = g.Key, Done = g.Count(m => m.Status == MilestoneStatus.Done) })
            .ToDictionaryAsync(g => g.HubId, cancellationToken);
        var rows = new List<Row>();
        foreach (var hub in hubs)
        {
            if ((await authorization.AuthorizeAsync(User, HubPermissions.PlaceOf(hub), HubPermissions.Run)).Succeeded)
            {
                var m = milestones.GetValueOrDefault(hub.Id);
                rows.Add(new Row(hub.Id, hub.Name, hub.Status, m?.Done ?? 0));
            }
        }

        Rows = rows;
    }
}
