using System.Net;
using System.Text.Json;
using Jippnas.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.IntegrationTests;

/// <summary>
/// Hostile and malformed input to <c>/api/v1/search</c> and <c>/cari</c>: text is searched as words, never as
/// full-text or SQL syntax (200, never 500); bad parameters are a 400 naming them (problem+json in the API).
/// </summary>
public abstract class SearchBadInputTests(SearchPortal portal)
{
    private HttpClient Client => portal.Factory.Browser();

    public static TheoryData<string, string?> Syntax => new()
    {
        { "\"stunting\"", Rec.Stunting },
        { "stunting*", Rec.Stunting },
        { "*", null },
        { "NEAR(stunting balita)", Rec.Stunting },
        { "stunting:balita", Rec.Stunting },
        { "-stunting", Rec.Stunting },
        { "^stunting", Rec.Stunting },
        { "(stunting OR tengkes) AND NOT balita", Rec.Stunting },
        { "AND", null },
        { "OR", null },
        { "NOT", null },
        { "'", null },
        { "'stunting'", Rec.Stunting },
        { "\\", null },
        { "stunting\\", Rec.Stunting },
        { "&", null },
        { "|", null },
        { "!", null },
        { "<->", null },
        { ":*", null },
        { "stunting & balita | !gizi <-> ibu:*", Rec.Stunting },
        { "stunting:*A", Rec.Stunting },
        { "\"stunting", Rec.Stunting },
        { "()", null },
        { "{stunting}", Rec.Stunting },
        { "' OR 1=1 --", null },
        { "\"; DROP TABLE innovations; --", null },
        { "') UNION SELECT name, id FROM innovations --", null },
        { "stunting'); DELETE FROM innovation_search; --", Rec.Stunting },
        { "\0", null },
        { "\u0001stunting\u001F", Rec.Stunting },
        { "🚀 stunting 👶🏽", Rec.Stunting },
        { "בית ספר stunting", Rec.Stunting },
        { "مدرسة الأطفال", null },
        { "\u202Estunting\u202C", Rec.Stunting },
    };

    public static TheoryData<string, string> BadParameters => new()
    {
        { "q=stunting&province=99", "province" },
        { "province=16&regency=35.78", "regency" },
        { "sector=X", "sector" },
        { "sdg=SDG99", "sdg" },
        { "source=X", "source" },
        { "award=X", "award" },
        { "phase=x", "phase" },
        { "status=x", "status" },
        { "sort=x", "sort" },
        { "year=3021", "year" },
        { "page=0", "page" },
        { "page=-1", "page" },
        { "page=abc", "page" },
        { "page=1001", "page" },
        { "pageSize=1000", "pageSize" },
        { "pageSize=0", "pageSize" },
        { "q=a&q=b", "q" },
        { "sort=terbaru&sort=penghargaan", "sort" },
        { "q=" + new string('a', 10_000), "q" },
        { "q=" + new string('a', 1_001), "q" },
    };

    [SkippableTheory]
    [MemberData(nameof(Syntax))]
    public async Task Full_text_and_SQL_syntax_in_q_is_searched_as_words(string q, string? expected)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var before = await CountsAsync();
        var body = await ApiAsync("q=" + Uri.EscapeDataString(q) + "&pageSize=100");
        var ids = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("innovation").GetProperty("id").GetInt32()).ToList();
        body.GetProperty("total").GetInt32().ShouldBe(ids.Count);
        ids.ShouldAllBe(id => portal.Ids.ContainsValue(id));
        if (expected is not null)
        {
            ids.ShouldContain(portal.Ids[expected]);
        }

        var page = await Client.GetAsync("/cari?q=" + Uri.EscapeDataString(q));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("hasil");

        (await CountsAsync()).ShouldBe(before);
        (await ApiAsync("q=stunting")).GetProperty("total").GetInt32().ShouldBe(2);
    }

    [SkippableTheory]
    [InlineData(999)]
    [InlineData(1_000)]
    public async Task A_query_up_to_the_limit_of_1000_characters_is_searched(int length)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var q = string.Concat(Enumerable.Repeat("stunting balita gizi ", 60))[..length].Trim();
        q.Length.ShouldBeGreaterThan(length - 2);
        var body = await ApiAsync("q=" + Uri.EscapeDataString(q));
        body.GetProperty("query").GetString().ShouldBe(q);
        body.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        (await Client.GetAsync("/cari?q=" + Uri.EscapeDataString(q))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableFact]
    public async Task A_single_word_of_500_letters_is_searched_and_finds_nothing()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var q = string.Concat(Enumerable.Repeat("stunting", 63))[..500];
        var body = await ApiAsync("q=" + q);
        body.GetProperty("total").GetInt32().ShouldBe(0);
        (await Client.GetAsync("/cari?q=" + q)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [SkippableTheory]
    [MemberData(nameof(BadParameters))]
    public async Task The_API_answers_a_bad_parameter_with_a_problem_naming_it(string query, string parameter)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var response = await Client.GetAsync("/api/v1/search?" + query);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([parameter]);
        problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!.ShouldContain(parameter);
        text.Length.ShouldBeLessThan(2_000);
    }

    [SkippableTheory]
    [MemberData(nameof(BadParameters))]
    public async Task The_search_page_answers_a_bad_parameter_with_a_message_naming_it(string query, string parameter)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var response = await Client.GetAsync("/cari?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Pencarian tidak valid");
        html.ShouldContain($"<strong>{parameter}</strong>");
        html.ShouldNotContain("class=\"cards\"");
    }

    [SkippableTheory]
    [InlineData("q=stunting&page=2", 1)]
    [InlineData("q=stunting&pageSize=1&page=3", 2)]
    [InlineData("q=tidakadakatasepertiini&page=2", 1)]
    [InlineData("pageSize=10&page=3", 2)]
    public async Task A_page_past_the_last_is_a_400_in_the_API_and_a_404_on_the_page_naming_page(string query, int pages)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var api = await Client.GetAsync("/api/v1/search?" + query);
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var message = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("page")[0].GetString()!;
        message.ShouldContain($"hanya {pages} halaman");

        var page = await Client.GetAsync("/cari?" + query);
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("<strong>page</strong>");
        html.ShouldContain($"hanya {pages} halaman");
    }

    [SkippableFact]
    public async Task The_last_page_itself_is_served()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var body = await ApiAsync("pageSize=10&page=2");
        body.GetProperty("items").GetArrayLength().ShouldBe(SearchPortal.Lines.Length - 10);
        (await Client.GetAsync("/cari?pageSize=10&page=2")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<JsonElement> ApiAsync(string query)
    {
        var response = await Client.GetAsync("/api/v1/search?" + query);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private Task<(int Innovations, int Published, int Synonyms)> CountsAsync() => portal.Factory.WithDbAsync(async db =>
        (await db.Innovations.CountAsync(), await db.Innovations.CountAsync(i => i.IsPublished), await db.SearchSynonyms.CountAsync()));
}

public sealed class SqliteSearchBadInputTests(SqliteSearchPortal portal) : SearchBadInputTests(portal), IClassFixture<SqliteSearchPortal>;

public sealed class PostgresSearchBadInputTests(PostgresSearchPortal portal) : SearchBadInputTests(portal), IClassFixture<PostgresSearchPortal>;
