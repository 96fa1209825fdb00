using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Jippnas.IntegrationTests.Infrastructure;

namespace Jippnas.IntegrationTests;

public abstract class PageTests(PortalFixture portal)
{
    private static readonly HtmlParser Parser = new();

    private async Task<IHtmlDocument> OpenAsync(string url, HttpClient? client = null)
    {
        var response = await (client ?? portal.Factory.Browser()).GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Home_shows_headline_figures_in_Indonesian()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var page = await OpenAsync("/");

        page.DocumentElement.GetAttribute("lang").ShouldBe("id");
        var figures = page.QuerySelectorAll(".figures strong").Select(e => e.TextContent).ToList();
        figures.ShouldBe(["6", "1", "12"]);
        page.QuerySelector("#by-province + table tbody th")!.TextContent.Trim().ShouldBe("Sumatera Selatan");
        page.QuerySelectorAll("select#q-province option").Length.ShouldBe(39);
    }

    [SkippableFact]
    public async Task The_list_filters_by_province_then_regency()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var all = await OpenAsync("/inovasi");
        all.QuerySelectorAll(".cards > li").Length.ShouldBe(6);
        all.QuerySelector(".count")!.TextContent.ShouldBe("6 inovasi");
        all.QuerySelectorAll("select#regency option").Length.ShouldBe(1);

        var province = await OpenAsync("/inovasi?province=16");
        province.QuerySelector(".count")!.TextContent.ShouldBe("4 inovasi");
        province.QuerySelector("select#province option[selected]")!.TextContent.ShouldBe("Sumatera Selatan");
        province.QuerySelectorAll("select#regency option").Length.ShouldBe(18);

        var city = await OpenAsync("/inovasi?province=16&regency=16.71");
        city.QuerySelectorAll(".cards > li").Select(li => li.QuerySelector(".acronym")!.TextContent).ShouldBe(["POLTABES"]);
    }

    [SkippableFact]
    public async Task An_innovation_page_shows_the_record_and_its_provenance()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var list = await OpenAsync("/inovasi?regency=16.01");
        var link = list.QuerySelector(".cards h3 a")!.GetAttribute("href")!;

        var page = await OpenAsync(link);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Gerakan Bersama Penyandang Disabilitas");
        page.QuerySelector(".acronym")!.TextContent.ShouldBe("GEMA DAYA PENTAS OKU");
        page.Body!.TextContent.ShouldContain("Kabupaten Ogan Komering Ulu, Sumatera Selatan");
        page.Body.TextContent.ShouldContain("Top Inovasi KIPP");
        page.QuerySelector(".provenance")!.TextContent.ShouldContain("Fakta dari publikasi resmi");
        page.QuerySelector(".notice.synthetic").ShouldBeNull();
    }

    [SkippableFact]
    public async Task Province_page_lists_its_regencies_and_hub_status()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var sumsel = await OpenAsync("/provinsi/16");
        sumsel.QuerySelector("h1")!.TextContent.ShouldBe("Provinsi Sumatera Selatan");
        var rows = sumsel.QuerySelectorAll("#children ~ div tbody tr").ToList();
        rows.Count.ShouldBe(17);
        string Innovations(string code)
        {
            var cells = rows.Single(r => r.TextContent.Contains(code)).QuerySelectorAll("td");
            return cells[cells.Length - 1].TextContent;
        }

        Innovations("16.71").ShouldBe("1");
        Innovations("16.01").ShouldBe("1");
        Innovations("16.02").ShouldBe("0");
        sumsel.Body!.TextContent.ShouldContain("Hub JIPP sejak 2020");
        sumsel.Body.TextContent.ShouldContain("13 kabupaten, 4 kota");

        var aceh = await OpenAsync("/provinsi/11");
        aceh.Body!.TextContent.ShouldContain("Belum menjadi Hub JIPP");
        aceh.Body.TextContent.ShouldContain("Belum ada inovasi yang cocok.");
    }

    [SkippableFact]
    public async Task Regency_page_shows_its_province_and_innovations()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var palembang = await OpenAsync("/kabupaten-kota/16.71");
        palembang.QuerySelector("h1")!.TextContent.ShouldBe("Kota Palembang");
        palembang.QuerySelector(".facts")!.TextContent.ShouldContain("Kota");
        palembang.QuerySelectorAll(".cards > li").Length.ShouldBe(1);
    }

    [SkippableFact]
    public async Task Hub_page_lists_the_twelve_hubs_and_the_progress()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var page = await OpenAsync("/hub");
        page.QuerySelectorAll("#daftar-hub tbody tr").Length.ShouldBe(12);
        page.QuerySelectorAll("ul.tiles li").Length.ShouldBe(38);
        page.QuerySelectorAll("ul.tiles li.hub").Length.ShouldBe(12);
        page.QuerySelector("progress")!.GetAttribute("value").ShouldBe("12");
        page.QuerySelector("progress")!.GetAttribute("max").ShouldBe("38");
        page.Body!.TextContent.ShouldContain("KepmenPANRB No. 94 Tahun 2020");
    }

    [SkippableFact]
    public async Task The_English_switch_persists_and_the_cached_home_follows_the_language()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        (await OpenAsync("/")).DocumentElement.GetAttribute("lang").ShouldBe("id");

        var client = portal.Factory.CreateClient();
        var switched = await client.GetAsync("/bahasa/en?kembali=%2Fhub");
        switched.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/hub");
        var hub = await Parser.ParseDocumentAsync(await switched.Content.ReadAsStringAsync());
        hub.DocumentElement.GetAttribute("lang").ShouldBe("en");
        hub.QuerySelector("h1")!.TextContent.ShouldBe("Public Service Innovation Network Hubs");

        var home = await OpenAsync("/", client);
        home.DocumentElement.GetAttribute("lang").ShouldBe("en");
        home.QuerySelector(".figures")!.TextContent.ShouldContain("innovations recorded");

        await client.GetAsync("/bahasa/id?kembali=%2F");
        (await OpenAsync("/inovasi", client)).QuerySelector("h1")!.TextContent.ShouldBe("Inovasi pelayanan publik");
    }

    [SkippableTheory]
    [InlineData("?lang=en", "en", "Public service innovations")]
    [InlineData("?lang=en-GB", "en", "Public service innovations")]
    [InlineData("?lang=id", "id", "Inovasi pelayanan publik")]
    [InlineData("?lang=fr", "id", "Inovasi pelayanan publik")]
    [InlineData("?lang=", "id", "Inovasi pelayanan publik")]
    public async Task A_lang_parameter_shows_one_page_in_that_language(string query, string lang, string heading)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var page = await OpenAsync("/inovasi" + query);
        page.DocumentElement.GetAttribute("lang").ShouldBe(lang);
        page.QuerySelector("h1")!.TextContent.ShouldBe(heading);
    }

    [SkippableFact]
    public async Task A_damaged_culture_cookie_falls_back_to_Indonesian()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/inovasi");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c=xx-INVALID|uic=%%%");
        var response = await portal.Factory.Browser().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("lang=\"id\"");
    }

    [SkippableFact]
    public async Task Robots_keep_crawlers_out_of_downloads()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var robots = await portal.Factory.Browser().GetStringAsync("/robots.txt");
        robots.ShouldContain("Disallow: /unduh/");
        robots.ShouldNotContain("Disallow: /inovasi");
    }

    [SkippableFact]
    public async Task Pages_carry_security_headers_and_no_inline_script()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var response = await portal.Factory.Browser().GetAsync("/inovasi");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script");
        html.ShouldNotContain("style=\"");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqlitePageTests(SqlitePortal portal) : PageTests(portal);

[Collection(PostgresCollection.Name)]
public sealed class PostgresPageTests(PostgresPortal portal) : PageTests(portal);

/// <summary>Behind a TLS-terminating balancer the portal must know the request was HTTPS.</summary>
public sealed class ReverseProxyTests
{
    [Fact]
    public async Task Forwarded_https_makes_the_language_cookie_secure_and_export_links_use_the_public_address()
    {
        await using var database = await TestDatabase.CreateAsync(Jippnas.Web.Data.DatabaseProvider.Sqlite);
        await using var portal = new PortalFactory(database, new Dictionary<string, string>
        {
            ["ReverseProxy:Enabled"] = "true",
            ["Jippnas:PublicBaseUrl"] = "https://jippnas.example.go.id",
        });
        var client = portal.Browser();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/bahasa/en?kembali=%2F");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);
        response.Headers.GetValues("Set-Cookie").Single().ShouldContain("secure", Case.Insensitive);

        var csv = await client.GetStringAsync("/unduh/inovasi?regency=16.71&format=csv");
        csv.ShouldContain("https://jippnas.example.go.id/inovasi/");
    }
}
