using System.Text;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Search;

/// <summary>Reads what the index needs of innovations: published ones only, by id list or by id range.</summary>
internal static class SearchSources
{
    public static Task<List<SearchSource>> ByIdsAsync(JippnasDb db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        LoadAsync(db, db.Innovations.Where(i => EF.Parameter(ids).Contains(i.Id)), cancellationToken);

    public static Task<List<SearchSource>> RangeAsync(JippnasDb db, int afterId, int count, CancellationToken cancellationToken) =>
        LoadAsync(db, db.Innovations.Where(i => i.Id > afterId).OrderBy(i => i.Id).Take(count), cancellationToken);

    private static async Task<List<SearchSource>> LoadAsync(JippnasDb db, IQueryable<Innovation> innovations, CancellationToken cancellationToken)
    {
        var rows = await innovations.AsNoTracking()
            .Where(i => i.IsPublished)
            .Select(i => new
            {
                i.Id, i.Name, i.Acronym,
                Agency = i.Agency!.Name, i.UnitName,
                i.ProvinceCode, ProvinceName = i.Province!.Name,
                i.RegencyCode, RegencyName = i.Regency!.Name,
                i.SectorId, SectorName = i.Sector!.NameId,
                i.YearStarted, i.Phase, i.Status,
                i.Summary, i.Problem, i.Aims, i.Novelty, i.Implementation, i.Impact, i.Adaptability, i.Resources, i.Sustainability,
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var low = rows.Min(r => r.Id);
        var high = rows.Max(r => r.Id);
        var sdgs = await db.InnovationSdgs.AsNoTracking().Where(s => s.InnovationId >= low && s.InnovationId <= high)
            .Select(s => new { s.InnovationId, s.SdgId }).ToListAsync(cancellationToken);
        var awards = await db.Awards.AsNoTracking().Where(a => a.InnovationId >= low && a.InnovationId <= high)
            .Select(a => new { a.InnovationId, a.AwardKindId }).ToListAsync(cancellationToken);
        var sources = await db.SourceRecords.AsNoTracking().Where(s => s.InnovationId >= low && s.InnovationId <= high)
            .Select(s => new { InnovationId = s.InnovationId!.Value, s.SourceSystemId }).ToListAsync(cancellationToken);
        var sdgsBy = sdgs.ToLookup(s => s.InnovationId, s => s.SdgId);
        var awardsBy = awards.ToLookup(a => a.InnovationId, a => a.AwardKindId);
        var sourcesBy = sources.ToLookup(s => s.InnovationId, s => s.SourceSystemId);

        return rows.ConvertAll(r => new SearchSource(
            r.Id, r.Name, r.Acronym, r.Agency, r.UnitName, r.ProvinceCode, r.ProvinceName, r.RegencyCode, r.RegencyName,
            r.SectorId, r.SectorName, r.YearStarted, r.Phase, r.Status, r.Summary,
            Join(r.Problem, r.Aims, r.Novelty, r.Implementation, r.Impact, r.Adaptability, r.Resources, r.Sustainability))
        {
            SdgIds = [.. sdgsBy[r.Id]],
            AwardKindIds = [.. awardsBy[r.Id]],
            SourceSystemIds = [.. sourcesBy[r.Id]],
        });
    }

    private static string? Join(params string?[] parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (!string.IsNullOrWhiteSpace(part))
            {
                text.Append(part).Append('\n');
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
