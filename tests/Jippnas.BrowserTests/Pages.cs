using Microsoft.Playwright;

namespace Jippnas.BrowserTests;

/// <summary>Facts about the seeded reference data that the golden paths rely on, and small page helpers.</summary>
internal static class Pages
{
    public const string SumateraSelatan = "Sumatera Selatan";
    public const string KotaPalembang = "Kota Palembang";
    public const string PoltabesName = "Program Layanan Tak Boleh Berhenti Sekolah melalui Sekolah Anak Jalanan dan Anak Putus Sekolah";
    public const string PoltabesAcronym = "POLTABES";

    /// <summary>The path of an innovation's page, read from its card on the innovation list.</summary>
    public static async Task<string> InnovationPathAsync(IPage page, string acronym)
    {
        await page.GotoAsync("/inovasi");
        var card = page.Locator("li.card").Filter(new LocatorFilterOptions { Has = page.Locator("p.acronym", new PageLocatorOptions { HasTextString = acronym }) });
        var href = await card.Locator("h3 a").GetAttributeAsync("href");
        href.ShouldNotBeNull($"no card with acronym {acronym} on /inovasi");
        href.ShouldMatch(@"^/inovasi/\d+$");
        return href;
    }

    public static async Task<string> HtmlLangAsync(IPage page) =>
        await page.Locator("html").GetAttributeAsync("lang") ?? "";
}
