using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jippnas.BrowserTests;

[Collection(PortalInChromium.Name)]
public sealed partial class LanguageTests(PortalFixture portal)
{
    private static readonly string[] IndonesianMenu = ["Beranda", "Cari", "Inovasi", "Wilayah", "Hub JIPP", "Replikasi", "Data Terbuka"];
    private static readonly string[] EnglishMenu = ["Home", "Search", "Innovations", "Regions", "JIPP Hubs", "Replication", "Open Data"];

    [SkippableFact]
    public async Task English_link_switches_the_language_it_persists_and_Bahasa_Indonesia_switches_back()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        var menu = page.Locator("header nav a");
        await page.GotoAsync("/inovasi?province=16");
        await Expect(menu).ToHaveTextAsync(IndonesianMenu);

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveURLAsync(SameFilteredList());
        await Expect(menu).ToHaveTextAsync(EnglishMenu);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Public service innovations");
        await Expect(page.Locator("form.filters button[type=submit]")).ToHaveTextAsync("Apply");
        await Expect(page.Locator("#province")).ToHaveValueAsync("16");

        // The choice is a cookie: the next pages, by link or by address, stay in English.
        await menu.GetByText("Regions", new() { Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/wilayah$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(menu.GetByText("Regions", new() { Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Find proven public service innovations, then replicate them.");
        await Expect(page.Locator("ul.figures > li").First).ToContainTextAsync("innovations recorded");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bahasa Indonesia", Exact = true }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(menu).ToHaveTextAsync(IndonesianMenu);
        // The home page is output-cached: the Indonesian copy must not be served from the English entry.
        await Expect(page.Locator("h1")).ToHaveTextAsync("Temukan inovasi pelayanan publik yang terbukti, lalu replikasi.");
        await page.GotoAsync("/hub");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true })).ToHaveAttributeAsync("hreflang", "en");
    }

    [GeneratedRegex(@"/inovasi\?province=16$")]
    private static partial Regex SameFilteredList();
}
