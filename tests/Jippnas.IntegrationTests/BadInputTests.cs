using System.Net;
using System.Text.Json;
using Jippnas.IntegrationTests.Infrastructure;

namespace Jippnas.IntegrationTests;

/// <summary>Every bad parameter is a 400 naming it (ProblemDetails in the API, a message on the page); never a 500.</summary>
public abstract class BadInputTests(PortalFixture portal)
{
    public static TheoryData<string, string> BadInnovationQueries => new()
    {
        { "page=-1", "page" },
        { "page=0", "page" },
        { "page=abc", "page" },
        { "page=1001", "page" },
        { "page=99999999999999999999", "page" },
        { "pageSize=100000", "pageSize" },
        { "pageSize=0", "pageSize" },
        { "year=abc", "year" },
        { "year=3021", "year" },
        { "year=1900", "year" },
        { "year=2020.5", "year" },
        { "province=99", "province" },
        { "province=abc", "province" },
        { "province=16.71", "province" },
        { "province=%27%20OR%201%3D1%20--", "province" },
        { "regency=16.99", "regency" },
        { "regency=16", "regency" },
        { "province=16&regency=35.01", "regency" },
        { "sector=TIDAK_ADA", "sector" },
        { "sector=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "sector" },
        { "phase=fase-lain", "phase" },
        { "status=hilang", "status" },
        { "page=1&page=2", "page" },
        { "province=%00%01", "province" },
        { "sector=🚀", "sector" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadInnovationQueries))]
    public async Task The_API_answers_bad_parameters_with_a_problem_naming_them(string query, string parameter)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var response = await portal.Factory.Browser().GetAsync("/api/v1/innovations?" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("errors").TryGetProperty(parameter, out var messages).ShouldBeTrue();
        messages[0].GetString()!.ShouldContain(parameter);
    }

    [SkippableTheory]
    [MemberData(nameof(BadInnovationQueries))]
    public async Task The_list_page_answers_bad_parameters_with_a_message_naming_them(string query, string parameter)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var response = await portal.Factory.Browser().GetAsync("/inovasi?" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Filter tidak valid");
        html.ShouldContain($"<strong>{parameter}</strong>");
        html.ShouldNotContain("<script>alert(1)</script>");
    }

    [SkippableFact]
    public async Task A_very_long_parameter_is_refused_without_echoing_it_whole()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var response = await portal.Factory.Browser().GetAsync("/api/v1/innovations?province=" + new string('9', 10_000));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Length.ShouldBeLessThan(1_000);
    }

    [SkippableTheory]
    [InlineData("/api/v1/regions?level=desa", "level")]
    [InlineData("/api/v1/regions?parent=99", "parent")]
    [InlineData("/api/v1/regions?pageSize=601", "pageSize")]
    [InlineData("/api/v1/agencies?kind=Bank", "kind")]
    [InlineData("/api/v1/agencies?kind=1", "kind")]
    [InlineData("/api/v1/agencies?kind=Ministry,ProvincialGovernment", "kind")]
    [InlineData("/api/v1/agencies?region=xx", "region")]
    [InlineData("/api/v1/agencies?page=-1", "page")]
    [InlineData("/api/v1/hubs?pageSize=abc", "pageSize")]
    public async Task Other_lists_name_their_bad_parameters(string url, string parameter)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var response = await portal.Factory.Browser().GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue();
    }

    [SkippableTheory]
    [InlineData("/api/v1/innovations/999999", 404)]
    [InlineData("/api/v1/innovations/0", 400)]
    [InlineData("/api/v1/innovations/abc", 400)]
    [InlineData("/api/v1/innovations/1%20OR%201=1", 400)]
    [InlineData("/api/v1/regions/99.99", 404)]
    [InlineData("/api/v1/agencies/999999", 404)]
    [InlineData("/api/v1/hubs/999", 404)]
    [InlineData("/api/v1/tidak-ada", 404)]
    public async Task Unknown_ids_in_the_API_are_problems_not_errors(string url, int status)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var response = await portal.Factory.Browser().GetAsync(url);
        ((int)response.StatusCode).ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [SkippableTheory]
    [InlineData("/inovasi/999999")]
    [InlineData("/inovasi/abc")]
    [InlineData("/inovasi/-1")]
    [InlineData("/provinsi/99")]
    [InlineData("/provinsi/16.71")]
    [InlineData("/kabupaten-kota/16")]
    [InlineData("/kabupaten-kota/16.99")]
    [InlineData("/halaman-yang-tidak-ada")]
    public async Task Unknown_pages_get_the_404_page(string url)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var response = await portal.Factory.Browser().GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Halaman tidak ditemukan");
    }

    [SkippableFact]
    public async Task A_page_past_the_end_of_the_list_says_how_many_pages_there_are()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var response = await portal.Factory.Browser().GetAsync("/inovasi?page=5&pageSize=2");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<strong>page</strong>");
        html.ShouldContain("Halaman 5 tidak ada: daftar ini hanya 3 halaman.");
    }

    [SkippableTheory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/\r\nSet-Cookie: x=1")]
    [InlineData("/ä")]
    [InlineData("")]
    public async Task The_language_switch_never_redirects_off_site(string target)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var response = await portal.Factory.Browser().GetAsync("/bahasa/en?kembali=" + Uri.EscapeDataString(target));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteBadInputTests(SqlitePortal portal) : BadInputTests(portal);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBadInputTests(PostgresPortal portal) : BadInputTests(portal);
