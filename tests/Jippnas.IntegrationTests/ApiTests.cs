using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jippnas.IntegrationTests.Infrastructure;

namespace Jippnas.IntegrationTests;

public abstract class ApiTests(PortalFixture portal)
{
    private HttpClient Client => portal.Factory.Browser();

    [SkippableTheory]
    [InlineData("", 6)]
    [InlineData("?province=16", 4)]
    [InlineData("?province=16&regency=16.71", 1)]
    [InlineData("?regency=16.01", 1)]
    [InlineData("?sector=ADMINDUK", 2)]
    [InlineData("?sector=admindUK", 2)]
    [InlineData("?status=belum-dikonfirmasi", 6)]
    [InlineData("?status=berjalan", 0)]
    [InlineData("?province=16&sector=PENDIDIKAN", 1)]
    [InlineData("?province=35", 0)]
    [InlineData("?phase=pelembagaan", 0)]
    [InlineData("?year=2020", 0)]
    [InlineData("?province=&sector=", 6)]
    public async Task Innovations_are_listed_with_filters_and_totals(string query, int total)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/v1/innovations" + query);

        page.GetProperty("total").GetInt32().ShouldBe(total);
        page.GetProperty("items").GetArrayLength().ShouldBe(Math.Min(total, 20));
        page.GetProperty("page").GetInt32().ShouldBe(1);
    }

    [SkippableFact]
    public async Task Paging_walks_through_every_record_once()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var ids = new List<int>();
        for (var page = 1; page <= 3; page++)
        {
            var body = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/innovations?pageSize=2&page={page}");
            ids.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
        }

        ids.Count.ShouldBe(6);
        ids.Distinct().Count().ShouldBe(6);
        ids.ShouldBe(ids.OrderDescending().ToList());
    }

    [SkippableFact]
    public async Task An_innovation_has_its_awards_sources_and_no_private_contact()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var id = await portal.Factory.WithDbAsync(async db =>
        {
            var poltabes = db.Innovations.Single(i => i.Acronym == "POLTABES");
            poltabes.ContactEmail = "innovator.private@example.go.id";
            poltabes.ContactPhone = "+62 811 0000 1111";
            await db.SaveChangesAsync();
            return poltabes.Id;
        });

        var response = await Client.GetAsync($"/api/v1/innovations/{id}");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        text.ShouldNotContain("innovator.private@example.go.id");
        text.ShouldNotContain("0000 1111");
        var body = JsonDocument.Parse(text).RootElement;
        body.GetProperty("acronym").GetString().ShouldBe("POLTABES");
        body.GetProperty("regency").GetProperty("name").GetString().ShouldBe("Kota Palembang");
        body.GetProperty("awards")[0].GetProperty("kind").GetString().ShouldBe("KIPP_TOP");
        body.GetProperty("sources")[0].GetProperty("system").GetString().ShouldBe("PUBLIKASI");
        body.GetProperty("provenance").GetString().ShouldBe("published-fact");

        var page = await Client.GetStringAsync($"/inovasi/{id}");
        page.ShouldNotContain("innovator.private@example.go.id");
        page.ShouldContain("POLTABES");
    }

    [SkippableTheory]
    [InlineData("/api/v1/regions?level=province", 38)]
    [InlineData("/api/v1/regions?level=regency&pageSize=600", 416)]
    [InlineData("/api/v1/regions?level=city&pageSize=600", 98)]
    [InlineData("/api/v1/regions?parent=16&pageSize=600", 17)]
    [InlineData("/api/v1/agencies?region=16.71", 1)]
    [InlineData("/api/v1/agencies?kind=Ministry", 4)]
    [InlineData("/api/v1/agencies?kind=ProvincialGovernment", 38)]
    [InlineData("/api/v1/hubs", 12)]
    public async Task Reference_lists_are_open(string url, int total)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var body = await Client.GetFromJsonAsync<JsonElement>(url);
        body.GetProperty("total").GetInt32().ShouldBe(total);
    }

    [SkippableFact]
    public async Task One_region_and_one_hub_can_be_fetched()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var region = await Client.GetFromJsonAsync<JsonElement>("/api/v1/regions/16.71");
        region.GetProperty("name").GetString().ShouldBe("Kota Palembang");
        region.GetProperty("level").GetString().ShouldBe("city");

        var hubs = await Client.GetFromJsonAsync<JsonElement>("/api/v1/hubs");
        var jatim = hubs.GetProperty("items").EnumerateArray().Single(h => h.GetProperty("provinceCode").GetString() == "35");
        jatim.GetProperty("firstYear").GetInt32().ShouldBe(2020);
        var hub = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/hubs/{jatim.GetProperty("id").GetInt32()}");
        hub.GetProperty("designations")[0].GetProperty("decreeNumber").GetString().ShouldBe("KepmenPANRB No. 94 Tahun 2020");
    }

    [SkippableFact]
    public async Task The_OpenAPI_document_describes_every_endpoint()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldBe(
            ["/api/v1/innovations", "/api/v1/innovations/{id}", "/api/v1/regions", "/api/v1/regions/{code}",
             "/api/v1/agencies", "/api/v1/agencies/{id}", "/api/v1/hubs", "/api/v1/hubs/{id}", "/api/v1/search",
             "/api/v1/innovations/{id}/submit", "/api/v1/imports"],
            ignoreOrder: true);
        var listParameters = document.GetProperty("paths").GetProperty("/api/v1/innovations").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        listParameters.ShouldBe(["province", "regency", "sector", "year", "phase", "status", "page", "pageSize"], ignoreOrder: true);
        var searchParameters = document.GetProperty("paths").GetProperty("/api/v1/search").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        searchParameters.ShouldBe(["q", "province", "regency", "sector", "sdg", "year", "source", "award", "phase", "status", "sort", "page", "pageSize"], ignoreOrder: true);
        (await Client.GetAsync("/api/docs/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task Health_reports_live_and_ready()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        (await Client.GetStringAsync("/health/live")).ShouldBe("Healthy");
        (await Client.GetStringAsync("/health/ready")).ShouldBe("Healthy");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteApiTests(SqlitePortal portal) : ApiTests(portal);

[Collection(PostgresCollection.Name)]
public sealed class PostgresApiTests(PostgresPortal portal) : ApiTests(portal);
