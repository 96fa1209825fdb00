using System.Collections.Concurrent;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Innovations;

public sealed record InnovationListItem(
    int Id,
    string Name,
    string? Acronym,
    string? ProvinceCode,
    string? RegencyCode,
    int? SectorId,
    int? YearStarted,
    InnovationPhase? Phase,
    InnovationStatus Status,
    int AwardCount,
    Provenance Provenance);

public sealed record InnovationPage(IReadOnlyList<InnovationListItem> Items, int Total, InnovationFilter Filter)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)Filter.PageSize));
}

public sealed record InnovationDetail(
    int Id,
    string Name,
    string? Acronym,
    string? AgencyName,
    string? UnitName,
    string? ProvinceCode,
    string? RegencyCode,
    int? YearStarted,
    InnovationPhase? Phase,
    InnovationStatus Status,
    string? StatusReason,
    DateOnly? StatusConfirmedOn,
    int? SectorId,
    bool? IsDigital,
    string? Summary,
    string? Problem,
    string? Aims,
    string? Novelty,
    string? Implementation,
    string? Impact,
    string? Adaptability,
    string? Resources,
    string? Sustainability,
    string? VideoUrl,
    string? ApplicationUrl,
    Provenance Provenance,
    string? ProvenanceNote,
    DateTimeOffset UpdatedAt,
    bool HasChildren)
{
    public IReadOnlyList<AwardItem> Awards { get; init; } = [];
    public IReadOnlyList<OutcomeItem> Outcomes { get; init; } = [];
    public IReadOnlyList<int> SdgIds { get; init; } = [];
    public IReadOnlyList<SourceItem> Sources { get; init; } = [];
}

public sealed record AwardItem(int AwardKindId, int Year, string? DecreeNumber);

public sealed record OutcomeItem(string Name, string? Unit, decimal? Before, decimal? After, string? Period);

public sealed record SourceItem(int SourceSystemId, string ExternalId, DateTimeOffset FetchedAt);

/// <summary>The public reads of innovations, shared by the pages and the open API. Contacts are never selected.</summary>
public static class InnovationQueries
{
    public static async Task<InnovationPage> ListAsync(this JippnasDb db, InnovationFilter filter, CancellationToken cancellationToken)
    {
        var query = Published(db, filter);
        var items = await query
            .OrderByDescending(i => i.Id)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .Select(ListItem)
            .ToListAsync(cancellationToken);
        var total = await CountAsync(db, query, filter, cancellationToken);
        return new InnovationPage(items, total, filter);
    }

    public static Task<int> CountAsync(this JippnasDb db, InnovationFilter filter, CancellationToken cancellationToken) =>
        CountAsync(db, Published(db, filter), filter, cancellationToken);

    /// <summary>Every published innovation the filter selects, newest first, streamed (for exports).</summary>
    public static IAsyncEnumerable<InnovationListItem> StreamAsync(this JippnasDb db, InnovationFilter filter) =>
        Published(db, filter)
            .OrderByDescending(i => i.Id)
            .Select(ListItem)
            .AsAsyncEnumerable();

    private static readonly System.Linq.Expressions.Expression<Func<Innovation, InnovationListItem>> ListItem =
        i => new InnovationListItem(i.Id, i.Name, i.Acronym, i.ProvinceCode, i.RegencyCode, i.SectorId, i.YearStarted, i.Phase, i.Status, i.AwardCount, i.Provenance);

    private static IQueryable<Innovation> Published(JippnasDb db, InnovationFilter filter) =>
        Apply(db.Innovations.Where(i => i.IsPublished), filter);

    /// <summary>A filter on at most one dimension is answered from the tallies; combined filters count rows.</summary>
    private static async Task<int> CountAsync(JippnasDb db, IQueryable<Innovation> query, InnovationFilter f, CancellationToken cancellationToken)
    {
        var single = (f.Province, f.Regency, f.SectorId, f.Year, f.Phase, f.Status) switch
        {
            (null, null, null, null, null, null) => (Tally.Total, "all"),
            (not null, null, null, null, null, null) => (Tally.Province, f.Province),
            (_, not null, null, null, null, null) => (Tally.Regency, f.Regency),
            (null, null, { } sector, null, null, null) => (Tally.Sector, TallyReader.Key(sector)),
            (null, null, null, { } year, null, null) => (Tally.Year, TallyReader.Key(year)),
            (null, null, null, null, { } phase, null) => (Tally.Phase, TallyReader.Key((int)phase)),
            (null, null, null, null, null, { } status) => (Tally.Status, TallyReader.Key((int)status)),
            _ => ((string?)null, (string?)null),
        };
        return single is (string dimension, string key)
            ? await db.CountAsync(dimension, key, cancellationToken)
            : await query.CountAsync(cancellationToken);
    }

    private static IQueryable<Innovation> Apply(IQueryable<Innovation> query, InnovationFilter f)
    {
        if (f.Province is not null)
        {
            query = query.Where(i => i.ProvinceCode == f.Province);
        }

        if (f.Regency is not null)
        {
            query = query.Where(i => i.RegencyCode == f.Regency);
        }

        if (f.SectorId is not null)
        {
            query = query.Where(i => i.SectorId == f.SectorId);
        }

        if (f.Year is not null)
        {
            query = query.Where(i => i.YearStarted == f.Year);
        }

        if (f.Phase is not null)
        {
            query = query.Where(i => i.Phase == f.Phase);
        }

        if (f.Status is not null)
        {
            query = query.Where(i => i.Status == f.Status);
        }

        return query;
    }

    // One compiled query per provider: a compiled query binds to the provider that first runs it, and tests
    // host SQLite and PostgreSQL in one process. Compiling saves the per-request expression work (a third of
    // the page's cost on SQLite).
    private static readonly ConcurrentDictionary<string, Func<JippnasDb, int, CancellationToken, Task<InnovationDetail?>>> DetailQueries = new(StringComparer.Ordinal);

    private static Func<JippnasDb, int, CancellationToken, Task<InnovationDetail?>> CompileDetail() =>
        EF.CompileAsyncQuery((JippnasDb db, int id, CancellationToken _) => db.Innovations
            .Where(i => i.Id == id && i.IsPublished)
            .Select(i => new InnovationDetail(
                i.Id, i.Name, i.Acronym, i.Agency != null ? i.Agency.Name : null, i.UnitName, i.ProvinceCode, i.RegencyCode,
                i.YearStarted, i.Phase, i.Status, i.StatusReason, i.StatusConfirmedOn, i.SectorId, i.IsDigital,
                i.Summary, i.Problem, i.Aims, i.Novelty, i.Implementation, i.Impact, i.Adaptability, i.Resources,
                i.Sustainability, i.VideoUrl, i.ApplicationUrl, i.Provenance, i.ProvenanceNote, i.UpdatedAt,
                i.Awards.Any() || i.Outcomes.Any() || i.Sdgs.Any() || i.SourceRecords.Any()))
            .FirstOrDefault());

    public static async Task<InnovationDetail?> DetailAsync(this JippnasDb db, int id, CancellationToken cancellationToken)
    {
        var detail = await DetailQueries.GetOrAdd(db.Database.ProviderName!, _ => CompileDetail())(db, id, cancellationToken);

        // Child rows are few and many records have none: skip their round trips then.
        if (detail is not { HasChildren: true })
        {
            return detail;
        }

        return detail with
        {
            Awards = await db.Awards.Where(a => a.InnovationId == id).OrderBy(a => a.Year)
                .Select(a => new AwardItem(a.AwardKindId, a.Year, a.DecreeNumber)).ToListAsync(cancellationToken),
            Outcomes = await db.OutcomeIndicators.Where(o => o.InnovationId == id).OrderBy(o => o.Id)
                .Select(o => new OutcomeItem(o.Name, o.Unit, o.Before, o.After, o.Period)).ToListAsync(cancellationToken),
            SdgIds = await db.InnovationSdgs.Where(s => s.InnovationId == id).Select(s => s.SdgId).ToListAsync(cancellationToken),
            Sources = await db.SourceRecords.Where(s => s.InnovationId == id)
                .Select(s => new SourceItem(s.SourceSystemId, s.ExternalId, s.FetchedAt)).ToListAsync(cancellationToken),
        };
    }
}
