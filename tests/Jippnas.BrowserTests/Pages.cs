using Deque.AxeCore.Playwright;
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

    /// <summary>
    /// With scripts on: the page fits a 360-px phone without sideways scrolling and axe finds no WCAG 2.1 AA
    /// violation. A click that navigates returns once the new page is committed, not loaded: a script run in between
    /// can wait forever on a context being replaced, so this waits for the page and bounds the scripts.
    /// </summary>
    public static async Task CheckAsync(IPage page, bool javaScript)
    {
        if (!javaScript)
        {
            return;
        }

        await page.WaitForLoadStateAsync(LoadState.Load);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth").WaitAsync(TimeSpan.FromSeconds(60))).ShouldBeLessThanOrEqualTo(360, $"{page.Url} scrolls sideways on a 360-px phone");
        (await page.RunAxe(AccessibilityTests.Wcag21AA).WaitAsync(TimeSpan.FromSeconds(120))).Violations.ShouldBeEmpty(page.Url);
    }
}
