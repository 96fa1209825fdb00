using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Hubs;

/// <summary>The public directory of the network's members: universities, NGOs, firms, partners and media, with their roles in hubs.</summary>
public sealed class NetworkModel(JippnasDb db) : PageModel
{
    public sealed record Row(NetworkMember Member, IReadOnlyList<(int HubId, string Hub, string Role, int Since)> Roles);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var members = await db.NetworkMembers.OrderBy(m => m.Kind).ThenBy(m => m.Name).ToListAsync(cancellationToken);
        var roles = await db.HubMembers.Where(m => m.UntilYear == null)
            .Join(db.Hubs, m => m.HubId, h => h.Id, (m, h) => new { m.MemberId, HubId = h.Id, Hub = h.Name, m.Role, m.SinceYear })
            .ToListAsync(cancellationToken);
        Rows = [.. members.Select(m => new Row(m, [.. roles.Where(r => r.MemberId == m.Id).OrderBy(r => r.Hub, StringComparer.Ordinal).Select(r => (r.HubId, r.Hub, r.Role, r.SinceYear))]))];
    }
}
