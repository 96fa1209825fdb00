using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jippnas.Web.Features.Search;

public sealed class IndexModel(SearchService search, ReferenceCatalog catalog, Texts t, TimeProvider clock) : PageModel
{
    public SearchQuery Query { get; private set; } = new(null, new InnovationFilter());
    public SearchResult? Result { get; private set; }
    public ReferenceSnapshot Reference { get; private set; } = null!;
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Reference = await catalog.GetAsync(cancellationToken);
        var errors = new QueryErrors(t);
        Query = SearchQuery.Parse(Request.Query, Reference, errors, clock.JakartaNow().Year);
        if (errors.Any)
        {
            Errors = errors.All;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Result = await search.SearchAsync(Query, cancellationToken);
        if (Query.Page > Result.PageCount)
        {
            errors.Add("page", t.Format("Halaman {0} tidak ada: hasil ini hanya {1} halaman.", Query.Page, Result.PageCount));
            Errors = errors.All;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    /// <summary>The link that adds a facet value to the search, or removes it when it is already chosen.</summary>
    public string FacetLink(string dimension, string value, bool chosen)
    {
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal) { [dimension] = chosen ? null : value };
        if (dimension == "province")
        {
            changes["regency"] = null;
        }

        return "/cari" + Query.ToQueryString(changes);
    }

    public string? Chosen(string dimension) => dimension switch
    {
        "province" => Query.Filter.Province,
        "regency" => Query.Filter.Regency,
        "sector" => Query.Filter.Sector,
        "sdg" => Query.Sdg,
        "year" => Query.Filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "source" => Query.Source,
        "award" => Query.Award,
        "phase" => Query.Filter.Phase is { } p ? Formats.PhaseSlug(p) : null,
        "status" => Query.Filter.Status is { } s ? Formats.StatusSlug(s) : null,
        _ => null,
    };

    public string FacetTitle(string dimension) => dimension switch
    {
        "province" => t["Provinsi"],
        "regency" => t["Kabupaten/kota"],
        "sector" => t["Bidang"],
        "sdg" => t["Tujuan Pembangunan Berkelanjutan"],
        "year" => t["Tahun mulai"],
        "source" => t["Sumber data"],
        "award" => t["Penghargaan"],
        "phase" => t["Tahap"],
        "status" => t["Status"],
        _ => dimension,
    };
}
