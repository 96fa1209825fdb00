using Jippnas.Web.Data;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Shared;
using Jippnas.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Jippnas.Web.Features.Search;

/// <summary>
/// <c>GET /unduh/cari?q=…&amp;filters&amp;format=csv|xlsx</c>: every ranked result of a search as a spreadsheet, in
/// the order of the result pages, with its rank. The same public columns as the innovation list's export.
/// </summary>
public static class SearchExport
{
    public static void MapSearchExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/unduh/cari", async (HttpContext context, JippnasDb db, SearchService search, ReferenceCatalog catalog, Texts t, TimeProvider clock, IOptions<PublicSiteOptions> site, CancellationToken cancellationToken) =>
        {
            var reference = await catalog.GetAsync(cancellationToken);
            var errors = new QueryErrors(t);
            var query = SearchQuery.Parse(context.Request.Query, reference, errors, clock.JakartaNow().Year);
            if (!TableExport.TryParseFormat(errors.One(context.Request.Query, "format"), out var format))
            {
                errors.Add("format", t["Parameter 'format' harus csv atau xlsx."]);
            }

            if (errors.Any)
            {
                return ApiResults.Invalid(errors);
            }

            var result = await search.SearchAsync(query, cancellationToken);
            var hits = await SearchFacts.HitsAsync(db, [.. result.Order], plan: null, cancellationToken);
            var rows = Ranked(InnovationsExport.Rows(Items(hits), reference, InnovationsExport.Origin(context, site.Value)));
            var name = $"pencarian-jippnas-{clock.JakartaNow():yyyyMMdd}";
            await TableExport.WriteAsync(context.Response, format, name, ["peringkat", .. InnovationsExport.Headers], rows, cancellationToken);
            return Results.Empty;
        })
        .RequireRateLimiting(RateLimits.Exports)
        .ExcludeFromDescription();

    private static async IAsyncEnumerable<InnovationListItem> Items(IEnumerable<SearchHit> hits)
    {
        await Task.CompletedTask;
        foreach (var hit in hits)
        {
            yield return hit.Item;
        }
    }

    private static async IAsyncEnumerable<object?[]> Ranked(IAsyncEnumerable<object?[]> rows)
    {
        var rank = 0;
        await foreach (var row in rows)
        {
            yield return [++rank, .. row];
        }
    }
}
