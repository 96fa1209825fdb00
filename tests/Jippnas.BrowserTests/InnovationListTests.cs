using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jippnas.BrowserTests;

[Collection(PortalInChromium.Name)]
public sealed partial class InnovationListTests(PortalFixture portal)
{
    [SkippableFact]
    public async Task Filter_form_narrows_the_list_to_a_province_then_to_a_city()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/inovasi");
        await Expect(page.Locator("p.count")).ToHaveTextAsync("6 inovasi");
        await Expect(page.Locator("#regency option")).ToHaveCountAsync(1);

        await FilterAsync(page, "#province", Pages.SumateraSelatan);

        await Expect(page).ToHaveURLAsync(ProvinceQuery());
        await Expect(page.Locator("#province")).ToHaveValueAsync("16");
        await Expect(page.Locator("p.count")).ToHaveTextAsync("4 inovasi");
        await Expect(page.Locator("li.card")).ToHaveCountAsync(4);
        (await page.Locator("li.card p.acronym").AllTextContentsAsync()).Select(t => t.Trim())
            .ShouldBe(["SAGARURUNG KELI SELAI", "GEMA DAYA PENTAS OKU", "JAM KUNCI", Pages.PoltabesAcronym], ignoreOrder: true);
        (await page.Locator("#regency option").CountAsync()).ShouldBeGreaterThan(10, "the regency select lists Sumatera Selatan's regencies and cities once the province is applied");

        await FilterAsync(page, "#regency", Pages.KotaPalembang);

        await Expect(page).ToHaveURLAsync(RegencyQuery());
        await Expect(page.Locator("p.count")).ToHaveTextAsync("1 inovasi");
        await Expect(page.Locator("li.card")).ToHaveCountAsync(1);
        await Expect(page.Locator("li.card h3")).ToHaveTextAsync(Pages.PoltabesName);
        await Expect(page.Locator("li.card p.acronym")).ToHaveTextAsync(Pages.PoltabesAcronym);
        await Expect(page.Locator("li.card p.meta")).ToContainTextAsync(Pages.KotaPalembang);
    }

    [SkippableFact]
    public async Task Clicking_an_innovation_title_opens_its_page_with_region_and_award()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/inovasi");

        await page.GetByRole(AriaRole.Link, new() { Name = Pages.PoltabesName, Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(InnovationPath());
        await Expect(page.Locator("h1")).ToHaveTextAsync(Pages.PoltabesName);
        await Expect(page).ToHaveTitleAsync(Pages.PoltabesName + " · JIPPNas");
        await Expect(page.Locator("article p.acronym")).ToHaveTextAsync(Pages.PoltabesAcronym);
        await Expect(Fact(page, "Wilayah")).ToHaveTextAsync($"{Pages.KotaPalembang}, {Pages.SumateraSelatan}");
        await Expect(Fact(page, "Instansi")).ToHaveTextAsync("Pemerintah Kota Palembang");
        await Expect(page.Locator("section[aria-labelledby=awards] li")).ToContainTextAsync("Top Inovasi KIPP");
        await Expect(page.Locator("section[aria-labelledby=awards] li")).ToContainTextAsync("2020");
        await Expect(page.Locator("nav.crumbs a")).ToHaveTextAsync(["Inovasi", Pages.SumateraSelatan, Pages.KotaPalembang]);
    }

    [SkippableFact]
    public async Task Without_JavaScript_the_filter_form_and_pages_still_work()
    {
        await using var context = await portal.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Temukan inovasi pelayanan publik yang terbukti, lalu replikasi.");
        await page.Locator("#q-province").SelectOptionAsync(new SelectOptionValue { Label = Pages.SumateraSelatan });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan inovasi" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ProvinceQuery());
        await Expect(page.Locator("p.count")).ToHaveTextAsync("4 inovasi");

        await FilterAsync(page, "#regency", Pages.KotaPalembang);
        await Expect(page).ToHaveURLAsync(RegencyQuery());
        await Expect(page.Locator("p.count")).ToHaveTextAsync("1 inovasi");

        await page.GetByRole(AriaRole.Link, new() { Name = Pages.PoltabesName, Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(InnovationPath());
        await Expect(page.Locator("h1")).ToHaveTextAsync(Pages.PoltabesName);
        await Expect(page.Locator("section[aria-labelledby=awards] li")).ToContainTextAsync("Top Inovasi KIPP");

        // Playwright's own evaluate still works here, so prove that a page's scripts really do not run.
        await page.SetContentAsync("<body><script>document.body.dataset.ran = 'yes';</script></body>");
        (await page.Locator("body").GetAttributeAsync("data-ran")).ShouldBeNull("page scripts must be disabled in this context");
    }

    /// <summary>Chooses an option by its visible label and submits the filter form with its button.</summary>
    private static async Task FilterAsync(IPage page, string select, string label)
    {
        await page.Locator(select).SelectOptionAsync(new SelectOptionValue { Label = label });
        await page.Locator("form.filters").GetByRole(AriaRole.Button, new() { Name = "Terapkan" }).ClickAsync();
    }

    private static ILocator Fact(IPage page, string term) =>
        page.Locator($"dl.facts dt:text-is('{term}') + dd");

    [GeneratedRegex(@"/inovasi\?(.*&)?province=16(&|$)")]
    private static partial Regex ProvinceQuery();

    [GeneratedRegex(@"/inovasi\?(.*&)?regency=16\.71(&|$)")]
    private static partial Regex RegencyQuery();

    [GeneratedRegex(@"/inovasi/\d+$")]
    private static partial Regex InnovationPath();
}
