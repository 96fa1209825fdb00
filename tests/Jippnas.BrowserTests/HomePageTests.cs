using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jippnas.BrowserTests;

[Collection(PortalInChromium.Name)]
public sealed class HomePageTests(PortalFixture portal)
{
    [SkippableFact]
    public async Task Home_page_shows_the_headline_and_the_figures_in_Indonesian()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/");

        response.ShouldNotBeNull().Status.ShouldBe(200);
        (await Pages.HtmlLangAsync(page)).ShouldBe("id");
        await Expect(page).ToHaveTitleAsync("Beranda · JIPPNas");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Temukan inovasi pelayanan publik yang terbukti, lalu replikasi.");
        var figures = page.Locator("ul.figures > li");
        await Expect(figures).ToHaveCountAsync(3);
        await Expect(figures.Nth(0)).ToContainTextAsync("inovasi tercatat");
        await Expect(figures.Nth(0).Locator("strong")).ToHaveTextAsync("6");
        await Expect(figures.Nth(1)).ToContainTextAsync("dari 38 provinsi memiliki inovasi");
        await Expect(figures.Nth(1).Locator("strong")).ToHaveTextAsync("1");
        await Expect(figures.Nth(2)).ToContainTextAsync("provinsi menjadi Hub JIPP");
        await Expect(figures.Nth(2).Locator("strong")).ToHaveTextAsync("12");
        await Expect(page.Locator("section[aria-labelledby=by-province] tbody th")).ToHaveTextAsync([Pages.SumateraSelatan]);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Beranda" })).ToHaveAttributeAsync("aria-current", "page");
    }
}
