using System.Globalization;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;

namespace Jippnas.Web.Features.Search;

/// <summary>The label of a facet value, from the codes the URL carries.</summary>
public static class FacetNames
{
    public static readonly IReadOnlyList<string> Dimensions = ["province", "regency", "sector", "sdg", "year", "source", "award", "phase", "status"];

    /// <summary>The label of a chosen filter, from the value its URL parameter holds (codes, not ids).</summary>
    public static string Label(string dimension, string parameter, ReferenceSnapshot r, Texts t)
    {
        var english = Texts.IsEnglish;
        return dimension switch
        {
            "sector" => r.SectorsByCode.TryGetValue(parameter, out var sector) ? sector.Name(english) : parameter,
            "sdg" => r.Sdgs.Values.FirstOrDefault(s => s.Code == parameter) is { } sdg ? sdg.Name(english) : parameter,
            "source" => r.SourceSystems.Values.FirstOrDefault(s => s.Code == parameter) is { } source ? source.Name(english) : parameter,
            "award" => r.AwardKinds.Values.FirstOrDefault(a => a.Code == parameter) is { } award ? award.Name(english) : parameter,
            _ => Name(dimension, parameter, r, t),
        };
    }

    public static string Name(string dimension, string key, ReferenceSnapshot r, Texts t)
    {
        var english = Texts.IsEnglish;
        return dimension switch
        {
            "province" or "regency" => r.RegionName(key),
            "sector" => Id(key) is { } s && r.Sectors.TryGetValue(s, out var sector) ? sector.Name(english) : key,
            "sdg" => Id(key) is { } g && r.Sdgs.TryGetValue(g, out var sdg) ? $"{sdg.Code.Replace("SDG", "TPB ", StringComparison.Ordinal)} {sdg.Name(english)}" : key,
            "source" => Id(key) is { } o ? r.SourceSystem(o).Name(english) : key,
            "award" => Id(key) is { } a ? r.AwardKind(a).Name(english) : key,
            "phase" => Enum.GetValues<InnovationPhase>().Where(p => Formats.PhaseSlug(p) == key).Select(p => Formats.PhaseName(p, t)).FirstOrDefault() ?? key,
            "status" => Enum.GetValues<InnovationStatus>().Where(s => Formats.StatusSlug(s) == key).Select(s => Formats.StatusName(s, t)).FirstOrDefault() ?? key,
            _ => key,
        };
    }

    /// <summary>The value the URL parameter takes for a facet key (codes for classifications, which facets count by id).</summary>
    public static string Parameter(string dimension, string key, ReferenceSnapshot r) => dimension switch
    {
        "sector" => Id(key) is { } s && r.Sectors.TryGetValue(s, out var sector) ? sector.Code : key,
        "sdg" => Id(key) is { } g && r.Sdgs.TryGetValue(g, out var sdg) ? sdg.Code : key,
        "source" => Id(key) is { } o ? r.SourceSystem(o).Code : key,
        "award" => Id(key) is { } a ? r.AwardKind(a).Code : key,
        _ => key,
    };

    private static int? Id(string key) => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
