using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Hubs;

public sealed record DesignationItem(int Year, string? DecreeNumber, string? DecreeTitle, DateOnly? DecreeDate, DateOnly? EndedOn);

public sealed record HubItem(int Id, string Name, HubKind Kind, string? ProvinceCode, HubStatus Status, IReadOnlyList<DesignationItem> Designations)
{
    public int FirstYear => Designations.Count == 0 ? 0 : Designations.Min(d => d.Year);
}

public static class HubQueries
{
    public static async Task<List<HubItem>> HubsAsync(this JippnasDb db, CancellationToken cancellationToken)
    {
        // Candidates never designated are the national administrator's business, not the public's.
        var hubs = await db.Hubs.Where(h => h.Designations.Any())
            .Select(h => new HubItem(h.Id, h.Name, h.Kind, h.ProvinceCode, h.Status,
                h.Designations.OrderBy(d => d.Year).Select(d => new DesignationItem(d.Year, d.DecreeNumber, d.DecreeTitle, d.DecreeDate, d.EndedOn)).ToList()))
            .ToListAsync(cancellationToken);
        return [.. hubs.OrderBy(h => h.FirstYear).ThenBy(h => h.ProvinceCode, StringComparer.Ordinal)];
    }
}
