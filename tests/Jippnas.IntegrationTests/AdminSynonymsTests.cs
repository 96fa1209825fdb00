using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search;
using Jippnas.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests;

/// <summary>The administrator extends the search's synonym groups on /admin/sinonim; nobody else can.</summary>
public abstract partial class AdminSynonymsTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    [SkippableFact]
    public async Task Only_the_administrator_gets_in()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var anonymous = await Portal.Browser().GetAsync("/admin/sinonim");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.OriginalString.ShouldEndWith("/masuk?kembali=%2Fadmin%2Fsinonim");

        // An operator is signed in but holds no role that edits search.
        await AdminHttp.EnsureAccountAsync(Portal, "operator@jippnas.test", "Operator Uji", AccountRole.Operator, GrantScope.Agency, "1");
        var operatorClient = await AdminHttp.SignInAsync(Portal, "operator@jippnas.test", AdminHttp.Password, null);
        (await operatorClient.GetAsync("/admin/sinonim")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await (await AdminHttp.ClientAsync(Portal)).GetStringAsync("/admin/sinonim");
        page.ShouldContain("ktp | kartu tanda penduduk");
    }

    [SkippableFact]
    public async Task A_group_added_on_the_page_changes_what_search_finds()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var browser = Portal.Browser();
        (await SearchNamesAsync(browser, "tumbuh kembang balita")).ShouldNotContain(n => n.Contains("POLTABES", StringComparison.Ordinal));

        var admin = await AdminHttp.ClientAsync(Portal);
        var response = await PostAsync(admin, "/admin/sinonim", new() { ["Form.Kind"] = "Synonym", ["Form.Phrases"] = "tumbuh kembang balita | anak jalanan", ["Form.Note"] = "uji" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/admin/sinonim")).ShouldContain("Kelompok ditambahkan: tumbuh kembang balita | anak jalanan");

        await WaitUntilAsync(async () => (await SearchNamesAsync(browser, "tumbuh kembang balita")).Any(n => n.Contains("Anak Jalanan", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Bad_groups_are_refused_with_the_field_named_and_nothing_saved()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var before = await Portal.WithDbAsync(db => db.SearchSynonyms.CountAsync());
        var admin = await AdminHttp.ClientAsync(Portal);

        var single = await PostAsync(admin, "/admin/sinonim", new() { ["Form.Kind"] = "Synonym", ["Form.Phrases"] = "hanya satu" });
        single.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await single.Content.ReadAsStringAsync()).ShouldContain("<strong>Phrases</strong>");

        var duplicate = await PostAsync(admin, "/admin/sinonim", new() { ["Form.Kind"] = "Acronym", ["Form.Phrases"] = "kk | kartu keluarga" });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("sudah ada");

        var kind = await PostAsync(admin, "/admin/sinonim", new() { ["Form.Kind"] = "99", ["Form.Phrases"] = "a1 | b1" });
        kind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var note = await PostAsync(admin, "/admin/sinonim", new() { ["Form.Kind"] = "Synonym", ["Form.Phrases"] = "a2 | b2", ["Form.Note"] = new string('x', 600) });
        note.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await note.Content.ReadAsStringAsync()).ShouldContain("<strong>Note</strong>");

        var forged = await admin.PostAsync("/admin/sinonim", new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Kind"] = "Synonym", ["Form.Phrases"] = "a3 | b3" }));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await Portal.WithDbAsync(db => db.SearchSynonyms.CountAsync())).ShouldBe(before);
    }

    [SkippableFact]
    public async Task A_group_switched_off_stops_expanding_searches()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var id = await Portal.WithDbAsync(db => db.SearchSynonyms.Where(s => s.Phrases.StartsWith("ktp |")).Select(s => s.Id).SingleAsync());
        var before = await Portal.Browser().GetStringAsync("/api/v1/search?q=ktp");
        before.ShouldContain("\"kartu identitas\"");
        var admin = await AdminHttp.ClientAsync(Portal);
        var form = await admin.GetStringAsync($"/admin/sinonim?edit={id}");
        form.ShouldContain("Ubah kelompok");

        // An unticked box sends only the hidden "false", as the form renders it.
        form.ShouldContain("name=\"Form.IsActive\" value=\"false\"");
        var response = await PostAsync(admin, $"/admin/sinonim?id={id}", new() { ["Form.Kind"] = "Acronym", ["Form.Phrases"] = "ktp | kartu tanda penduduk", ["Form.IsActive"] = "false" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Portal.WithDbAsync(db => db.SearchSynonyms.SingleAsync(s => s.Id == id))).IsActive.ShouldBeFalse();

        await WaitUntilAsync(async () =>
        {
            var json = await Portal.Browser().GetStringAsync("/api/v1/search?q=ktp");
            // "kartu identitas" is only in this group ("ktp" also sits in an English group).
            return !JsonDocument.Parse(json).RootElement.GetProperty("alsoSearched").EnumerateArray().Any(e => e.GetString() == "kartu identitas");
        });
        (await PostAsync(admin, "/admin/sinonim?id=999999", new() { ["Form.Kind"] = "Acronym", ["Form.Phrases"] = "x1 | y1" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    // Posts the form with the antiforgery token of a fresh GET, as a browser would.
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync("/admin/sinonim");
        fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static async Task<List<string>> SearchNamesAsync(HttpClient client, string q)
    {
        var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString(q))).RootElement;
        return [.. json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("innovation").GetProperty("name").GetString()!)];
    }

    // The vocabulary reloads in the background after a change: give it a few seconds.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        (await condition()).ShouldBeTrue("the change did not reach the search within five seconds");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed class SqliteAdminSynonymsTests() : AdminSynonymsTests(DatabaseProvider.Sqlite);

public sealed class PostgresAdminSynonymsTests() : AdminSynonymsTests(DatabaseProvider.PostgreSql);
