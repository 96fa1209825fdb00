using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Mentoring;

/// <summary>One regency/city's mentoring in a year: sessions per stage number and its open needs.</summary>
public sealed record ProgressRow(string RegencyCode, string Regency, IReadOnlyDictionary<int, int> SessionsByStage, int OpenNeeds);

/// <summary>A hub's mentoring progress in a year, for its dashboard and its administrators.</summary>
public sealed record HubProgress(IReadOnlyList<MentoringStage> Stages, IReadOnlyList<ProgressRow> Rows);

public static class MentoringQueries
{
    /// <summary>
    /// The hub's stages of <paramref name="year"/> and, for each of its regencies/cities with a session or an open
    /// need, the sessions per stage and the open needs (counts only: what a dashboard may show anyone).
    /// </summary>
    public static async Task<HubProgress> ProgressAsync(this JippnasDb db, Hub hub, int year, CancellationToken cancellationToken)
    {
        var stages = await db.MentoringStages.Where(s => s.HubId == hub.Id && s.Year == year).OrderBy(s => s.Number).ToListAsync(cancellationToken);
        var stageIds = stages.Select(s => s.Id).ToList();
        var numbers = stages.ToDictionary(s => s.Id, s => s.Number);
        var sessions = await db.MentoringSessions.Where(s => stageIds.Contains(s.StageId)).GroupBy(s => new { s.RegencyCode, s.StageId })
            .Select(g => new { g.Key.RegencyCode, g.Key.StageId, Count = g.Count() }).ToListAsync(cancellationToken);

        // A province hub's regencies/cities; a ministry hub's are those its mentors worked in.
        var regions = hub.ProvinceCode is { } province
            ? await db.Regions.Where(r => r.ParentCode == province).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken)
            : await db.Regions.Where(r => sessions.Select(s => s.RegencyCode).Contains(r.Code)).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
        var codes = regions.ConvertAll(r => r.Code);
        var needs = await db.Needs.Where(n => codes.Contains(n.RegencyCode) && n.Status == NeedStatus.Open).GroupBy(n => n.RegencyCode)
            .Select(g => new { Code = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Code, g => g.Count, StringComparer.Ordinal, cancellationToken);
        var rows = regions.Where(r => needs.ContainsKey(r.Code) || sessions.Exists(s => s.RegencyCode == r.Code))
            .Select(r => new ProgressRow(r.Code, r.Name, sessions.Where(s => s.RegencyCode == r.Code).ToDictionary(s => numbers[s.StageId], s => s.Count), needs.GetValueOrDefault(r.Code)))
            .ToList();
        return new HubProgress(stages, rows);
    }
}
