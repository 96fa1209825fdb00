using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jippnas.Web.Features.Search;

public sealed record SearchHitDto(InnovationDto Innovation, string? Snippet);

public sealed record FacetDto(string Value, string Name, int Count);

public sealed record CorrectionDto(string Written, string Corrected);

public sealed record SearchResultDto(
    string? Query,
    IReadOnlyList<SearchHitDto> Items,
    int Page,
    int PageSize,
    int Total,
    bool TotalIsLowerBound,
    int RankedResults,
    bool FacetsFromTopResults,
    IReadOnlyDictionary<string, IReadOnlyList<FacetDto>> Facets,
    IReadOnlyList<CorrectionDto> Corrections,
    IReadOnlyList<string> AlsoSearched);

public static class SearchApi
{
    public static void MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/search", async Task<Results<Ok<SearchResultDto>, ValidationProblem>> (
            HttpContext context, SearchService search, ReferenceCatalog catalog, Texts t, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var reference = await catalog.GetAsync(cancellationToken);
            var errors = new QueryErrors(t);
            var query = SearchQuery.Parse(context.Request.Query, reference, errors, clock.JakartaNow().Year);
            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.All, title: ApiResults.InvalidTitle);
            }

            var result = await search.SearchAsync(query, cancellationToken);
            if (query.Page > result.PageCount)
            {
                errors.Add("page", t.Format("Halaman {0} tidak ada: hasil ini hanya {1} halaman.", query.Page, result.PageCount));
                return TypedResults.ValidationProblem(errors.All, title: ApiResults.InvalidTitle);
            }

            return TypedResults.Ok(new SearchResultDto(
                query.Q,
                [.. result.Hits.Select(h => new SearchHitDto(h.Item.ToDto(reference), h.Snippet))],
                query.Page,
                query.PageSize,
                result.Total,
                result.TotalIsLowerBound,
                result.Ranked,
                result.FacetsFromTop,
                result.Facets.ToDictionary(
                    f => f.Key,
                    f => (IReadOnlyList<FacetDto>)[.. f.Value.Select(v => new FacetDto(FacetNames.Parameter(f.Key, v.Key, reference), FacetNames.Name(f.Key, v.Key, reference, t), v.Count))],
                    StringComparer.Ordinal),
                [.. result.Plan.Corrections.Select(c => new CorrectionDto(c.Written, c.Corrected))],
                result.Plan.Expansions));
        })
        .WithTags("Pencarian")
        .WithMetadata(new QueryParameters(
            new QueryParameter("q", "Kata pencarian / search words (Indonesian or English), up to 1000 characters"),
            new QueryParameter("province", "Kode provinsi / province code, e.g. 16"),
            new QueryParameter("regency", "Kode kabupaten/kota / regency-city code, e.g. 16.71"),
            new QueryParameter("sector", "Kode bidang / sector code, e.g. KESEHATAN"),
            new QueryParameter("sdg", "Kode TPB / SDG code, e.g. SDG3"),
            new QueryParameter("year", "Tahun mulai / year started", IsInteger: true),
            new QueryParameter("source", "Kode sumber / source system code, e.g. KIPP"),
            new QueryParameter("award", "Kode penghargaan / award kind code, e.g. KIPP_TOP45"),
            new QueryParameter("phase", "penciptaan | pengembangan | pelembagaan"),
            new QueryParameter("status", "berjalan | berkembang | berhenti | vakum | belum-dikonfirmasi"),
            new QueryParameter("sort", "relevansi (default) | terbaru | penghargaan | replikasi"),
            QueryParameters.Page,
            new QueryParameter("pageSize", "1–100, default 20", IsInteger: true)))
        .WithName("Search")
        .WithSummary("Cari inovasi / search innovations")
        .WithDescription("Ranked Indonesian full-text search over names, acronyms, agencies, regions and narratives, with facet counts. Words match across affixes, synonyms, acronyms, English terms and small typos. At most the top-ranked results (Jippnas:Search:CandidateLimit) are ranked, faceted and paged; totals above Jippnas:Search:CountLimit are reported as a lower bound.");
    }
}
