using Jippnas.Web.Data;
using Jippnas.Web.Features.Shared;
using Jippnas.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Home;

public sealed record Figure(string Key, string Label, int Count, string Link);

/// <summary>Home: headline figures from the tallies (never a GROUP BY over innovations), cached briefly.</summary>
[OutputCache(PolicyName = CachePolicies.Home)]
public sealed class IndexModel(JippnasDb db, ReferenceCatalog catalog) : PageModel
{
    public int Total { get; private set; }
    public int ProvincesWithInnovations { get; private set; }
    public int HubCount { get; private set; }
    public IReadOnlyList<Figure> ByProvince { get; private set; } = [];
    public IReadOnlyList<Figure> BySector { get; private set; } = [];
    public IReadOnlyList<Figure> ByYear { get; private set; } = [];
    public ReferenceSnapshot Reference { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Reference = await catalog.GetAsync(cancellationToken);
        var english = Texts.IsEnglish;
        var tallies = await db.Tallies.Where(t => t.Count > 0 && t.Dimension != Tally.Regency).ToListAsync(cancellationToken);
        int Count(string dimension, string key) => tallies.Find(t => t.Dimension == dimension && t.Key == key)?.Count ?? 0;
        Total = Count(Tally.Total, "all");
        HubCount = Reference.HubsByProvince.Count;
        var provinces = tallies.Where(t => t.Dimension == Tally.Province && Reference.Regions.ContainsKey(t.Key)).ToList();
        ProvincesWithInnovations = provinces.Count;
        ByProvince = [.. provinces.OrderByDescending(t => t.Count).ThenBy(t => t.Key, StringComparer.Ordinal).Take(10)
            .Select(t => new Figure(t.Key, Reference.RegionName(t.Key), t.Count, $"/provinsi/{t.Key}"))];
        BySector = [.. tallies.Where(t => t.Dimension == Tally.Sector && int.TryParse(t.Key, out var id) && Reference.Sectors.ContainsKey(id))
            .OrderByDescending(t => t.Count).Take(10)
            .Select(t => Reference.Sectors[int.Parse(t.Key, System.Globalization.CultureInfo.InvariantCulture)])
            .Select(s => new Figure(s.Code, s.Name(english), Count(Tally.Sector, TallyReader.Key(s.Id)), $"/inovasi?sector={s.Code}"))];
        ByYear = [.. tallies.Where(t => t.Dimension == Tally.Year && t.Key != "-")
            .OrderByDescending(t => t.Key, StringComparer.Ordinal).Take(12)
            .Select(t => new Figure(t.Key, t.Key, t.Count, $"/inovasi?year={t.Key}"))];
    }
}
