using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;

namespace Jippnas.Web.Features.Hubs;

public sealed record HubDto(int Id, string Name, string Kind, string? ProvinceCode, string? ProvinceName, string Status, int FirstYear, IReadOnlyList<DesignationItem> Designations);

public static class HubsApi
{
    public static void MapHubsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/hubs").WithTags("Hub JIPP");

        api.MapGet("/", async (HttpContext context, JippnasDb db, ReferenceCatalog catalog, Texts t, CancellationToken cancellationToken) =>
        {
            var errors = new QueryErrors(t);
            var page = errors.Number(context.Request.Query, "page", 1, 1000) ?? 1;
            var pageSize = errors.Number(context.Request.Query, "pageSize", 1, 100) ?? 100;
            if (errors.Any)
            {
                return ApiResults.Invalid(errors);
            }

            var reference = await catalog.GetAsync(cancellationToken);
            var hubs = await db.HubsAsync(cancellationToken);
            return Results.Ok(new PagedResult<HubDto>(
                [.. hubs.Skip((page - 1) * pageSize).Take(pageSize).Select(h => h.ToDto(reference))], page, pageSize, hubs.Count));
        })
        .WithMetadata(new QueryParameters(QueryParameters.Page, new QueryParameter("pageSize", "1–100, default 100", IsInteger: true)))
        .WithName("ListHubs")
        .WithSummary("Hub Jaringan Inovasi Pelayanan Publik");

        api.MapGet("/{id:int}", async (int id, JippnasDb db, ReferenceCatalog catalog, CancellationToken cancellationToken) =>
        {
            var hub = (await db.HubsAsync(cancellationToken)).Find(h => h.Id == id);
            return hub is null ? ApiResults.NotFound("Hub", id) : Results.Ok(hub.ToDto(await catalog.GetAsync(cancellationToken)));
        })
        .WithName("GetHub")
        .WithSummary("Satu hub / one hub");
    }

    private static HubDto ToDto(this HubItem h, ReferenceSnapshot r) => new(
        h.Id, h.Name, h.Kind == HubKind.Province ? "province" : "ministry", h.ProvinceCode,
        h.ProvinceCode is null ? null : r.RegionName(h.ProvinceCode),
        h.Status switch { HubStatus.Candidate => "candidate", HubStatus.Active => "active", HubStatus.Inactive => "inactive" },
        h.FirstYear, h.Designations);
}
