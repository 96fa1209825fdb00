using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Agencies;

public sealed record AgencyDto(int Id, string Name, string? Acronym, string Kind, string? RegionCode, int? ParentId);

public static class AgenciesApi
{
    public static void MapAgenciesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/agencies").WithTags("Instansi");

        api.MapGet("/", async (HttpContext context, JippnasDb db, ReferenceCatalog catalog, Texts t, CancellationToken cancellationToken) =>
        {
            var reference = await catalog.GetAsync(cancellationToken);
            var errors = new QueryErrors(t);
            var query = context.Request.Query;
            var region = errors.One(query, "region");
            if (region is not null && !reference.Regions.ContainsKey(region))
            {
                errors.Add("region", t.Format("Parameter 'region': kode wilayah '{0}' tidak dikenal.", region.Length > 20 ? region[..20] : region));
            }

            var kindText = errors.One(query, "kind");
            AgencyKind? kind = null;
            if (kindText is not null)
            {
                var name = Enum.GetNames<AgencyKind>().FirstOrDefault(n => string.Equals(n, kindText, StringComparison.OrdinalIgnoreCase));
                if (name is not null)
                {
                    kind = Enum.Parse<AgencyKind>(name);
                }
                else
                {
                    errors.Add("kind", t.Format("Parameter 'kind' harus salah satu dari: {0}.", string.Join(", ", Enum.GetNames<AgencyKind>())));
                }
            }

            var page = errors.Number(query, "page", 1, 1000) ?? 1;
            var pageSize = errors.Number(query, "pageSize", 1, 100) ?? 20;
            if (errors.Any)
            {
                return ApiResults.Invalid(errors);
            }

            var agencies = db.Agencies.AsQueryable();
            if (region is not null)
            {
                agencies = agencies.Where(a => a.RegionCode == region);
            }

            if (kind is not null)
            {
                agencies = agencies.Where(a => a.Kind == kind);
            }

            var total = await agencies.CountAsync(cancellationToken);
            var items = await agencies.OrderBy(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize)
                .Select(a => new AgencyDto(a.Id, a.Name, a.Acronym, a.Kind.ToString(), a.RegionCode, a.ParentId))
                .ToListAsync(cancellationToken);
            return Results.Ok(new PagedResult<AgencyDto>(items, page, pageSize, total));
        })
        .WithMetadata(new QueryParameters(
            new QueryParameter("region", "Kode wilayah / region code, e.g. 16.71"),
            new QueryParameter("kind", "Ministry | NonMinistryAgency | ProvincialGovernment | RegencyGovernment | CityGovernment | RegionalAgency | TechnicalUnit | HealthCentre | School | Village | Other"),
            QueryParameters.Page,
            new QueryParameter("pageSize", "1–100, default 20", IsInteger: true)))
        .WithName("ListAgencies")
        .WithSummary("Instansi: kementerian, lembaga, pemerintah daerah dan unitnya")
        .WithDescription("Filters: region (a region code), kind (Ministry, ProvincialGovernment, RegencyGovernment, CityGovernment, RegionalAgency, …), page, pageSize (1–100).");

        api.MapGet("/{id:int}", async (int id, JippnasDb db, CancellationToken cancellationToken) =>
        {
            var agency = await db.Agencies.Where(a => a.Id == id)
                .Select(a => new AgencyDto(a.Id, a.Name, a.Acronym, a.Kind.ToString(), a.RegionCode, a.ParentId))
                .FirstOrDefaultAsync(cancellationToken);
            return agency is null ? ApiResults.NotFound("Instansi", id) : Results.Ok(agency);
        })
        .WithName("GetAgency")
        .WithSummary("Satu instansi / one agency");
    }
}
