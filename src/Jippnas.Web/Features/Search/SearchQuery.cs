using System.Globalization;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Innovations;
using Jippnas.Web.Features.Shared;

namespace Jippnas.Web.Features.Search;

public enum SearchSort
{
    Relevance = 0,
    Newest = 1,
    Awarded = 2,

    /// <summary>Most replicated first (replications agreed and under way or done).</summary>
    Replicated = 3,
}

/// <summary>
/// A search as the URL states it: the words, the facet filters (the parameter names of the innovation list
/// plus sdg, source and award) and the sort, so that every result page is a link. Shared by <c>/cari</c>
/// and <c>GET /api/v1/search</c>.
/// </summary>
public sealed record SearchQuery(string? Q, InnovationFilter Filter, SearchSort Sort = SearchSort.Relevance)
{
    public const int MaxQueryLength = 1_000;

    /// <summary>Whether the total is counted past the ranked candidates (false when only the first results matter: matching).</summary>
    public bool Counted { get; init; } = true;

    public string? Sdg { get; init; }
    public int? SdgId { get; init; }
    public string? Source { get; init; }
    public int? SourceId { get; init; }
    public string? Award { get; init; }
    public int? AwardId { get; init; }

    public int Page => Filter.Page;
    public int PageSize => Filter.PageSize;

    public bool HasFilters => !Filter.IsEmpty || Sdg is not null || Source is not null || Award is not null;

    public static readonly IReadOnlyList<string> Parameters =
        ["q", "province", "regency", "sector", "sdg", "year", "source", "award", "phase", "status", "sort", "page", "pageSize"];

    public static SearchQuery Parse(IQueryCollection query, ReferenceSnapshot reference, QueryErrors errors, int currentYear)
    {
        var filter = InnovationFilter.Parse(query, reference, errors, currentYear);
        var q = errors.One(query, "q", int.MaxValue);
        if (q is { Length: > MaxQueryLength })
        {
            errors.Add("q", errors.Text("Parameter 'q': kata pencarian paling panjang {0} karakter (diberikan {1}).", Formats.Number(MaxQueryLength), Formats.Number(q.Length)));
            q = null;
        }

        var sdg = Code(query, "sdg", reference.Sdgs.Values, errors, raw => errors.Text("Parameter 'sdg': kode TPB '{0}' tidak dikenal (contoh: SDG3).", raw));
        var source = Code(query, "source", reference.SourceSystems.Values, errors, raw => errors.Text("Parameter 'source': kode sumber '{0}' tidak dikenal (contoh: KIPP).", raw));
        var award = Code(query, "award", reference.AwardKinds.Values, errors, raw => errors.Text("Parameter 'award': kode penghargaan '{0}' tidak dikenal (contoh: KIPP_TOP45).", raw));
        var sort = SearchSort.Relevance;
        if (errors.One(query, "sort") is { } rawSort)
        {
            var found = Enum.GetValues<SearchSort>().Where(s => string.Equals(SortSlug(s), rawSort, StringComparison.OrdinalIgnoreCase)).ToList();
            if (found.Count == 1)
            {
                sort = found[0];
            }
            else
            {
                errors.Add("sort", errors.Text("Parameter 'sort': nilai '{0}' tidak dikenal. Pilihan: {1}.", Clip(rawSort), string.Join(", ", Enum.GetValues<SearchSort>().Select(SortSlug))));
            }
        }

        return new SearchQuery(string.IsNullOrWhiteSpace(q) ? null : q, filter, sort)
        {
            Sdg = sdg?.Code, SdgId = sdg?.Id,
            Source = source?.Code, SourceId = source?.Id,
            Award = award?.Code, AwardId = award?.Id,
        };
    }

    public static string SortSlug(SearchSort sort) => sort switch
    {
        SearchSort.Relevance => "relevansi",
        SearchSort.Newest => "terbaru",
        SearchSort.Awarded => "penghargaan",
        SearchSort.Replicated => "replikasi",
    };

    /// <summary>The facet tags this query filters on: they join the full-text expression.</summary>
    public List<string> Tags()
    {
        var tags = new List<string>();
        var f = Filter;
        if (f.Regency is not null)
        {
            tags.Add(SearchTags.Regency(f.Regency));
        }
        else if (f.Province is not null)
        {
            tags.Add(SearchTags.Province(f.Province));
        }

        if (f.SectorId is { } sector)
        {
            tags.Add(SearchTags.Sector(sector));
        }

        if (f.Year is { } year)
        {
            tags.Add(SearchTags.Year(year));
        }

        if (f.Phase is { } phase)
        {
            tags.Add(SearchTags.Phase(phase));
        }

        if (f.Status is { } status)
        {
            tags.Add(SearchTags.Status(status));
        }

        if (SdgId is { } sdg)
        {
            tags.Add(SearchTags.Sdg(sdg));
        }

        if (SourceId is { } source)
        {
            tags.Add(SearchTags.Source(source));
        }

        if (AwardId is { } award)
        {
            tags.Add(SearchTags.Award(award));
        }

        return tags;
    }

    /// <summary>The query string with some parameters changed (null removes one); the page goes back to 1 unless given.</summary>
    public string ToQueryString(IReadOnlyDictionary<string, string?>? changes = null, int? page = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["q"] = Q,
            ["province"] = Filter.Province,
            ["regency"] = Filter.Regency,
            ["sector"] = Filter.Sector,
            ["sdg"] = Sdg,
            ["year"] = Filter.Year?.ToString(CultureInfo.InvariantCulture),
            ["source"] = Source,
            ["award"] = Award,
            ["phase"] = Filter.Phase is { } p ? Formats.PhaseSlug(p) : null,
            ["status"] = Filter.Status is { } s ? Formats.StatusSlug(s) : null,
            ["sort"] = Sort == SearchSort.Relevance ? null : SortSlug(Sort),
            ["pageSize"] = PageSize == InnovationFilter.DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        if (page is > 1)
        {
            values["page"] = page.Value.ToString(CultureInfo.InvariantCulture);
        }

        return QueryString.Create(Parameters.Where(k => values.GetValueOrDefault(k) is not null).Select(k => new KeyValuePair<string, string?>(k, values[k]))).ToString();
    }

    private static T? Code<T>(IQueryCollection query, string name, IEnumerable<T> known, QueryErrors errors, Func<string, string> message)
        where T : Classification
    {
        var raw = errors.One(query, name);
        if (raw is null)
        {
            return null;
        }

        var found = known.FirstOrDefault(k => string.Equals(k.Code, raw, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            errors.Add(name, message(Clip(raw)));
        }

        return found;
    }

    private static string Clip(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
