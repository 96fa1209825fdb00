using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;

namespace Jippnas.Web.Features.Innovations;

/// <summary>
/// The filters of the innovation list, bound from the URL so every filtered page is a link. Parameter
/// names are the same in the portal and in <c>/api/v1/innovations</c>.
/// </summary>
public sealed record InnovationFilter(
    string? Province = null,
    string? Regency = null,
    string? Sector = null,
    int? Year = null,
    InnovationPhase? Phase = null,
    InnovationStatus? Status = null,
    int Page = 1,
    int PageSize = InnovationFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 1000;
    public const int FirstYear = 1945;

    public int? SectorId { get; init; }

    public bool IsEmpty => Province is null && Regency is null && Sector is null && Year is null && Phase is null && Status is null;

    public static InnovationFilter Parse(IQueryCollection query, ReferenceSnapshot reference, QueryErrors errors, int currentYear)
    {
        var province = errors.One(query, "province");
        if (province is not null && !(Region.IsProvinceCode(province) && reference.Regions.ContainsKey(province)))
        {
            errors.Add("province", errors.Text("Parameter 'province': kode provinsi '{0}' tidak dikenal (contoh: 16).", Clip(province)));
            province = null;
        }

        var regency = errors.One(query, "regency");
        if (regency is not null)
        {
            if (!(Region.IsRegencyCode(regency) && reference.Regions.ContainsKey(regency)))
            {
                errors.Add("regency", errors.Text("Parameter 'regency': kode kabupaten/kota '{0}' tidak dikenal (contoh: 16.71).", Clip(regency)));
                regency = null;
            }
            else if (province is not null && !regency.StartsWith(province + ".", StringComparison.Ordinal))
            {
                errors.Add("regency", errors.Text("Parameter 'regency': kabupaten/kota {0} tidak berada di provinsi {1}.", regency, province));
                regency = null;
            }
        }

        var sector = errors.One(query, "sector");
        int? sectorId = null;
        if (sector is not null)
        {
            if (reference.SectorsByCode.TryGetValue(sector, out var found))
            {
                sectorId = found.Id;
                sector = found.Code;
            }
            else
            {
                errors.Add("sector", errors.Text("Parameter 'sector': kode bidang '{0}' tidak dikenal.", Clip(sector)));
                sector = null;
            }
        }

        var phase = ParseEnum(query, "phase", errors, Enum.GetValues<InnovationPhase>(), Formats.PhaseSlug);
        var status = ParseEnum(query, "status", errors, Enum.GetValues<InnovationStatus>(), Formats.StatusSlug);
        return new InnovationFilter(
            province,
            regency,
            sector,
            errors.Number(query, "year", FirstYear, currentYear + 1),
            phase,
            status,
            errors.Number(query, "page", 1, MaxPage) ?? 1,
            errors.Number(query, "pageSize", 1, MaxPageSize) ?? DefaultPageSize)
        {
            SectorId = sectorId,
        };
    }

    /// <summary>The query string of this filter with one parameter changed (for paging and facet links).</summary>
    public string ToQueryString(int? page = null)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                parts.Add(new(key, value));
            }
        }

        Add("province", Province);
        Add("regency", Regency);
        Add("sector", Sector);
        Add("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("phase", Phase is { } p ? Formats.PhaseSlug(p) : null);
        Add("status", Status is { } s ? Formats.StatusSlug(s) : null);
        var targetPage = page ?? Page;
        if (targetPage != 1)
        {
            Add("page", targetPage.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (PageSize != DefaultPageSize)
        {
            Add("pageSize", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Microsoft.AspNetCore.Http.QueryString.Create(parts).ToString();
    }

    private static T? ParseEnum<T>(IQueryCollection query, string name, QueryErrors errors, T[] values, Func<T, string> slug)
        where T : struct, Enum
    {
        var raw = errors.One(query, name);
        if (raw is null)
        {
            return null;
        }

        foreach (var value in values)
        {
            if (string.Equals(slug(value), raw, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        errors.Add(name, errors.Text("Parameter '{1}': nilai '{0}' tidak dikenal. Pilihan: {2}.", Clip(raw), name, string.Join(", ", values.Select(slug))));
        return null;
    }

    private static string Clip(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
