using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jippnas.Web.Features.Innovations;

public static class InnovationsApi
{
    public static IServiceCollection AddInnovations(this IServiceCollection services) =>
        services.AddScoped<SyntheticInnovations>();

    public static void MapInnovationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/innovations").WithTags("Inovasi");

        api.MapGet("/", async Task<Results<Ok<PagedResult<InnovationDto>>, ValidationProblem>> (
            HttpContext context, JippnasDb db, ReferenceCatalog catalog, Texts t, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var reference = await catalog.GetAsync(cancellationToken);
            var errors = new QueryErrors(t);
            var filter = InnovationFilter.Parse(context.Request.Query, reference, errors, clock.JakartaNow().Year);
            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.All, title: ApiResults.InvalidTitle);
            }

            var page = await db.ListAsync(filter, cancellationToken);
            return TypedResults.Ok(new PagedResult<InnovationDto>(
                [.. page.Items.Select(i => i.ToDto(reference))], filter.Page, filter.PageSize, page.Total));
        })
        .WithMetadata(new QueryParameters(
            new QueryParameter("province", "Kode provinsi Kemendagri / province code, e.g. 16"),
            new QueryParameter("regency", "Kode kabupaten/kota / regency-city code, e.g. 16.71"),
            new QueryParameter("sector", "Kode bidang / sector code, e.g. KESEHATAN"),
            new QueryParameter("year", "Tahun mulai / year started", IsInteger: true),
            new QueryParameter("phase", "penciptaan | pengembangan | pelembagaan"),
            new QueryParameter("status", "berjalan | berkembang | berhenti | vakum | belum-dikonfirmasi"),
            QueryParameters.Page,
            new QueryParameter("pageSize", "1–100, default 20", IsInteger: true)))
        .WithName("ListInnovations")
        .WithSummary("Daftar inovasi yang terbit / published innovations")
        .WithDescription("Filters: province (e.g. 16), regency (e.g. 16.71), sector (code, e.g. KESEHATAN), year (started), phase (penciptaan|pengembangan|pelembagaan), status (berjalan|berkembang|berhenti|vakum|belum-dikonfirmasi), page (1–1000), pageSize (1–100).");

        api.MapGet("/{id}", async Task<Results<Ok<InnovationDetailDto>, ProblemHttpResult>> (
            string id, JippnasDb db, ReferenceCatalog catalog, CancellationToken cancellationToken) =>
        {
            if (!int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var key) || key < 1)
            {
                return TypedResults.Problem(statusCode: 400, title: ApiResults.InvalidTitle, detail: "Parameter 'id' harus berupa bilangan bulat positif.");
            }

            var detail = await db.DetailAsync(key, cancellationToken);
            return detail is null
                ? TypedResults.Problem(statusCode: 404, title: "Tidak ditemukan / not found", detail: $"Inovasi {key} tidak ditemukan.")
                : TypedResults.Ok(detail.ToDto(await catalog.GetAsync(cancellationToken)));
        })
        .WithName("GetInnovation")
        .WithSummary("Satu inovasi / one innovation");
    }
}

public sealed record CodeName(string Code, string Name);

public sealed record InnovationDto(
    int Id, string Name, string? Acronym, CodeName? Province, CodeName? Regency, CodeName? Sector,
    int? YearStarted, string? Phase, string Status, int AwardCount, string Provenance, string Url);

public sealed record InnovationDetailDto(
    int Id, string Name, string? Acronym, string? Agency, string? Unit, CodeName? Province, CodeName? Regency,
    CodeName? Sector, IReadOnlyList<CodeName> Sdgs, int? YearStarted, string? Phase, string Status, string? StatusReason,
    DateOnly? StatusConfirmedOn, bool? IsDigital, IReadOnlyDictionary<string, string?> Narrative,
    IReadOnlyList<AwardDto> Awards, IReadOnlyList<OutcomeItem> Outcomes, IReadOnlyList<SourceDto> Sources,
    string? VideoUrl, string? ApplicationUrl, string Provenance, string? ProvenanceNote, DateTimeOffset UpdatedAt);

public sealed record AwardDto(string Kind, string Name, int Year, string? DecreeNumber);

public sealed record SourceDto(string System, string ExternalId, DateTimeOffset FetchedAt);

internal static class InnovationMapping
{
    public static InnovationDto ToDto(this InnovationListItem i, ReferenceSnapshot r) => new(
        i.Id, i.Name, i.Acronym, Region(i.ProvinceCode, r), Region(i.RegencyCode, r), Sector(i.SectorId, r),
        i.YearStarted, i.Phase is { } p ? Formats.PhaseSlug(p) : null, Formats.StatusSlug(i.Status), i.AwardCount,
        ProvenanceCode(i.Provenance), $"/inovasi/{i.Id}");

    public static InnovationDetailDto ToDto(this InnovationDetail d, ReferenceSnapshot r) => new(
        d.Id, d.Name, d.Acronym, d.AgencyName, d.UnitName, Region(d.ProvinceCode, r), Region(d.RegencyCode, r),
        Sector(d.SectorId, r), [.. d.SdgIds.Where(r.Sdgs.ContainsKey).Select(id => new CodeName(r.Sdgs[id].Code, r.Sdgs[id].NameId))],
        d.YearStarted, d.Phase is { } p ? Formats.PhaseSlug(p) : null, Formats.StatusSlug(d.Status), d.StatusReason,
        d.StatusConfirmedOn, d.IsDigital,
        new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["summary"] = d.Summary, ["problem"] = d.Problem, ["aims"] = d.Aims, ["novelty"] = d.Novelty,
            ["implementation"] = d.Implementation, ["impact"] = d.Impact, ["adaptability"] = d.Adaptability,
            ["resources"] = d.Resources, ["sustainability"] = d.Sustainability,
        },
        [.. d.Awards.Select(a => new AwardDto(r.AwardKind(a.AwardKindId).Code, r.AwardKind(a.AwardKindId).NameId, a.Year, a.DecreeNumber))],
        d.Outcomes,
        [.. d.Sources.Select(s => new SourceDto(r.SourceSystem(s.SourceSystemId).Code, s.ExternalId, s.FetchedAt))],
        d.VideoUrl, d.ApplicationUrl, ProvenanceCode(d.Provenance), d.ProvenanceNote, d.UpdatedAt);

    public static string ProvenanceCode(Provenance provenance) => provenance switch
    {
        Domain.Provenance.Submitted => "submitted",
        Domain.Provenance.PublishedFact => "published-fact",
        Domain.Provenance.Imported => "imported",
        Domain.Provenance.Synthetic => "synthetic",
    };

    private static CodeName? Region(string? code, ReferenceSnapshot r) =>
        code is not null && r.Regions.TryGetValue(code, out var region) ? new CodeName(region.Code, region.Name) : null;

    private static CodeName? Sector(int? id, ReferenceSnapshot r) =>
        id is { } key && r.Sectors.TryGetValue(key, out var sector) ? new CodeName(sector.Code, sector.NameId) : null;
}
