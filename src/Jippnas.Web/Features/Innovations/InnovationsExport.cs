using Jippnas.Web.Data;
using Jippnas.Web.Features.Shared;
using Jippnas.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Jippnas.Web.Features.Innovations;

/// <summary>
/// <c>GET /unduh/inovasi?format=csv|xlsx&amp;…filters</c>: the whole filtered list as a spreadsheet. Public
/// columns only; innovator contacts are never selected.
/// </summary>
public static class InnovationsExport
{
    public const int MaxRows = 200_000;

    internal static readonly string[] Headers =
    [
        "id", "nama", "akronim", "kode_provinsi", "provinsi", "kode_kabupaten_kota", "kabupaten_kota", "kode_bidang",
        "bidang", "tahun_mulai", "tahap", "status", "jumlah_penghargaan", "asal_data", "tautan",
    ];

    public static void MapInnovationsExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/unduh/inovasi", async (HttpContext context, JippnasDb db, ReferenceCatalog catalog, Texts t, TimeProvider clock, IOptions<PublicSiteOptions> site, CancellationToken cancellationToken) =>
        {
            var reference = await catalog.GetAsync(cancellationToken);
            var errors = new QueryErrors(t);
            var filter = InnovationFilter.Parse(context.Request.Query, reference, errors, clock.JakartaNow().Year);
            if (!TableExport.TryParseFormat(errors.One(context.Request.Query, "format"), out var format))
            {
                errors.Add("format", t["Parameter 'format' harus csv atau xlsx."]);
            }

            if (!errors.Any && await db.CountAsync(filter, cancellationToken) > MaxRows)
            {
                errors.Add("filter", t.Format("Hasil lebih dari {0} baris: persempit filter (misalnya per provinsi).", Formats.Number(MaxRows)));
            }

            if (errors.Any)
            {
                return ApiResults.Invalid(errors);
            }

            var rows = Rows(db.StreamAsync(filter), reference, Origin(context, site.Value));
            var name = $"inovasi-jippnas-{clock.JakartaNow():yyyyMMdd}";
            await TableExport.WriteAsync(context.Response, format, name, Headers, rows, cancellationToken);
            return Results.Empty;
        })
        .RequireRateLimiting(RateLimits.Exports)
        .ExcludeFromDescription();

    /// <summary>The public address links in an export point to.</summary>
    internal static string Origin(HttpContext context, PublicSiteOptions site) =>
        site.PublicBaseUrl?.GetLeftPart(UriPartial.Authority) ?? $"{context.Request.Scheme}://{context.Request.Host}";

    internal static async IAsyncEnumerable<object?[]> Rows(IAsyncEnumerable<InnovationListItem> items, ReferenceSnapshot r, string origin)
    {
        await foreach (var i in items)
        {
            var sector = i.SectorId is { } id && r.Sectors.TryGetValue(id, out var s) ? s : null;
            yield return
            [
                i.Id, i.Name, i.Acronym, i.ProvinceCode, i.ProvinceCode is null ? null : r.RegionName(i.ProvinceCode),
                i.RegencyCode, i.RegencyCode is null ? null : r.RegionName(i.RegencyCode), sector?.Code, sector?.NameId,
                i.YearStarted, i.Phase is { } p ? Formats.PhaseSlug(p) : null, Formats.StatusSlug(i.Status), i.AwardCount,
                InnovationMapping.ProvenanceCode(i.Provenance), $"{origin}/inovasi/{i.Id}",
            ];
        }
    }
}
