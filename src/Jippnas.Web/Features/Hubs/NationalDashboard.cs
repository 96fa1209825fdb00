using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Hubs;

/// <summary>A province on the national dashboard: hub since when (or not), and its figures of the year.</summary>
public sealed record ProvinceTile(string Code, string Name, int? HubSince, int? HubId, int Innovations, int OpenNeeds, int Sessions, int Forums);

/// <summary>
/// The national dashboard's figures per province (docs/design/hubs.md): whether it is an active hub and since when,
/// its published innovations (from the tallies), open needs, mentoring sessions and forums of the year. A handful of
/// grouped queries, whatever the size of the base.
/// </summary>
public static class NationalDashboard
{
    public static async Task<List<ProvinceTile>> TilesAsync(this JippnasDb db, int year, CancellationToken cancellationToken)
    {
        var provinces = await db.Regions.Where(r => r.Level == RegionLevel.Province).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
        var hubs = (await db.Hubs.Where(h => h.Status == HubStatus.Active && h.ProvinceCode != null)
                .Select(h => new { h.Id, h.ProvinceCode, Since = h.Designations.Where(d => d.EndedOn == null).Min(d => (int?)d.Year) }).ToListAsync(cancellationToken))
            .ToDictionary(h => h.ProvinceCode!, StringComparer.Ordinal);
        var innovations = await db.ReadAsync(Tally.Province, cancellationToken);
        var needs = (await db.Needs.Where(n => n.Status == NeedStatus.Open).GroupBy(n => n.RegencyCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .GroupBy(n => n.Key.Split('.')[0]).ToDictionary(g => g.Key, g => g.Sum(n => n.Count), StringComparer.Ordinal);
        var sessions = (await db.MentoringSessions.Where(s => s.HeldOn.Year == year).GroupBy(s => s.RegencyCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .GroupBy(s => s.Key.Split('.')[0]).ToDictionary(g => g.Key, g => g.Sum(s => s.Count), StringComparer.Ordinal);
        var forums = await db.Forums.Where(f => f.HeldOn.Year == year).GroupBy(f => f.ProvinceCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
        return provinces.ConvertAll(p => new ProvinceTile(p.Code, p.Name, hubs.GetValueOrDefault(p.Code)?.Since, hubs.GetValueOrDefault(p.Code)?.Id,
            innovations.GetValueOrDefault(p.Code), needs.GetValueOrDefault(p.Code), sessions.GetValueOrDefault(p.Code), forums.GetValueOrDefault(p.Code)));
    }
}
