using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;

namespace Jippnas.Web.Features.Regions;

public sealed record RegionDto(string Code, string Name, string Level, string? ParentCode, string Url);

public static class RegionsApi
{
    public static void MapRegionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/regions").WithTags("Wilayah");

        api.MapGet("/", async (HttpContext context, ReferenceCatalog catalog, Texts t, CancellationToken cancellationToken) =>
        {
            var reference = await catalog.GetAsync(cancellationToken);
            var errors = new QueryErrors(t);
            var query = context.Request.Query;
            var level = errors.One(query, "level");
            RegionLevel? wanted = level switch
            {
                null => null,
                "province" or "provinsi" => RegionLevel.Province,
                "regency" or "kabupaten" => RegionLevel.Regency,
                "city" or "kota" => RegionLevel.City,
                _ => null,
            };
            if (level is not null && wanted is null)
            {
                errors.Add("level", t["Parameter 'level' harus province, regency, atau city."]);
            }

            var parent = errors.One(query, "parent");
            if (parent is not null && !reference.Regions.ContainsKey(parent))
            {
                errors.Add("parent", t.Format("Parameter 'parent': kode wilayah induk '{0}' tidak dikenal.", parent.Length > 20 ? parent[..20] : parent));
            }

            var page = errors.Number(query, "page", 1, 1000) ?? 1;
            var pageSize = errors.Number(query, "pageSize", 1, 600) ?? 100;
            if (errors.Any)
            {
                return ApiResults.Invalid(errors);
            }

            var matches = reference.Regions.Values
                .Where(r => wanted is null || r.Level == wanted)
                .Where(r => parent is null || r.ParentCode == parent)
                .OrderBy(r => r.Code, StringComparer.Ordinal)
                .ToList();
            return Results.Ok(new PagedResult<RegionDto>(
                [.. matches.Skip((page - 1) * pageSize).Take(pageSize).Select(ToDto)], page, pageSize, matches.Count));
        })
        .WithMetadata(new QueryParameters(
            new QueryParameter("level", "province | regency | city"),
            new QueryParameter("parent", "Kode provinsi induk / parent province code, e.g. 16"),
            QueryParameters.Page,
            new QueryParameter("pageSize", "1–600, default 100", IsInteger: true)))
        .WithName("ListRegions")
        .WithSummary("Provinsi dan kabupaten/kota (kode Kemendagri)")
        .WithDescription("Filters: level (province|regency|city), parent (a province code), page, pageSize (1–600).");

        api.MapGet("/{code}", async (string code, ReferenceCatalog catalog, CancellationToken cancellationToken) =>
        {
            var reference = await catalog.GetAsync(cancellationToken);
            return reference.Regions.TryGetValue(code, out var region)
                ? Results.Ok(ToDto(region))
                : ApiResults.NotFound("Wilayah", code.Length > 20 ? code[..20] : code);
        })
        .WithName("GetRegion")
        .WithSummary("Satu wilayah / one region");
    }

    public static string PageUrl(Region region) =>
        region.Level == RegionLevel.Province ? $"/provinsi/{region.Code}" : $"/kabupaten-kota/{region.Code}";

    private static RegionDto ToDto(Region r) => new(
        r.Code, r.Name, r.Level switch
        {
            RegionLevel.Province => "province",
            RegionLevel.Regency => "regency",
            RegionLevel.City => "city",
        }, r.ParentCode, PageUrl(r));
}
