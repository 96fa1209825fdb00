using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jippnas.BrowserTests;

/// <summary>The search golden path, with JavaScript off: header box, highlighted results, a facet and back.</summary>
[Collection(PortalInChromium.Name)]
public sealed class SearchTests(PortalFixture portal)
{
    [SkippableFact]
    public async Task The_header_search_finds_by_synonym_and_a_facet_narrows_and_widens_again()
    {
        await using var context = await portal.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.Locator("#head-q").FillAsync("ibu meninggal");
        await page.Locator("form.headsearch").GetByRole(AriaRole.Button, new() { Name = "Cari" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cari\\?q=ibu(\\+|%20)meninggal$"));

        var first = page.Locator("ol.cards li.card").First;
        await Expect(first.Locator("h3")).ToContainTextAsync("Angka Kematian Ibu");
        await Expect(first.Locator("p.snippet mark").First).ToBeVisibleAsync();
        await Expect(page.Locator("p.note").First).ToContainTextAsync("mati");

        await page.Locator("aside.facets").GetByRole(AriaRole.Link, new() { Name = "Kesehatan" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sector=KESEHATAN"));
        await Expect(page.Locator("ul.chips")).ToContainTextAsync("Bidang: Kesehatan");

        await page.Locator("ul.chips").GetByRole(AriaRole.Link, new() { Name = "Hapus semua saringan" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sector="));
        await Expect(page.Locator("p.count")).ToContainTextAsync("hasil");
    }

    [SkippableFact]
    public async Task Every_innovation_page_lists_similar_innovations_that_open()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(await Pages.InnovationPathAsync(page, Pages.PoltabesAcronym));

        var similar = page.Locator("section[aria-labelledby=similar] li a");
        (await similar.CountAsync()).ShouldBeGreaterThan(0);
        var name = await similar.First.InnerTextAsync();
        await similar.First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
    }
}
