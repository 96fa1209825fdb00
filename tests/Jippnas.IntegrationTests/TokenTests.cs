using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.IntegrationTests;

/// <summary>
/// Personal access tokens and the write API on both databases: a token made on /akun/token (shown once, kept as a
/// hash) creates, saves and submits a draft; a stale save is 409 with the differences; another agency's record is
/// 403; an expired, revoked, unknown or malformed token is 401 saying why; the sign-in cookie does not open the write
/// API; a curator's token starts an import.
/// </summary>
public abstract partial class TokenTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    private const int Pacitan = 266;
    private const int Ponorogo = 267;

    [SkippableFact]
    public async Task A_token_writes_drafts_within_its_grants_and_bad_tokens_are_refused_saying_why()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        await AdminHttp.EnsureAccountAsync(Portal, "operator@pacitankab.go.id", "Operator Pacitan", AccountRole.Operator, GrantScope.Agency, $"{Pacitan}");
        var operatorClient = await AdminHttp.SignInAsync(Portal, "operator@pacitankab.go.id", AdminHttp.Password, null);
        var token = await MakeTokenAsync(operatorClient, "SIINOVDA Pacitan", ["innovations.edit"], null);
        (await Portal.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.SecretHash.Contains(token)))).ShouldBeFalse();

        var machine = Machine(token);
        var created = await machine.PostAsJsonAsync("/api/v1/innovations/", new { name = "Lapor Pak Camat", agency = Pacitan, year = 2024 });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = draft.GetProperty("id").GetInt32();
        draft.GetProperty("state").GetString().ShouldBe("draf");
        var version = draft.GetProperty("version").GetInt32();

        // Bad bodies and fields are named.
        var bad = await machine.PostAsJsonAsync("/api/v1/innovations/", new { name = "", agency = Ponorogo, year = "dua ribu" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("name").ToString().ShouldContain("wajib diisi");
        problem.GetProperty("errors").GetProperty("agency").ToString().ShouldContain("cakupan");
        (await machine.PostAsync("/api/v1/innovations/", new StringContent("{\"nama\": 1}", Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var saved = await machine.PutAsJsonAsync($"/api/v1/innovations/{id}?version={version}", Complete("Lapor Pak Camat Pacitan"));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await machine.PutAsJsonAsync($"/api/v1/innovations/{id}?version={version}", Complete("Lapor Camat"));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("Lapor Pak Camat Pacitan");
        var current = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        (await machine.PostAsync($"/api/v1/innovations/{id}/submit?version={current}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Portal.WithDbAsync(db => db.Innovations.SingleAsync(i => i.Id == id))).EditorialState.ShouldBe(EditorialState.Submitted);
        (await Portal.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Entity == "innovations" && a.Actor.Contains("token SIINOVDA Pacitan")))).ShouldBeTrue();

        // Another agency's record: 403, unchanged.
        await AdminHttp.EnsureAccountAsync(Portal, "operator@ponorogo.go.id", "Operator Ponorogo", AccountRole.Operator, GrantScope.Agency, $"{Ponorogo}");
        var neighbour = await AdminHttp.SignInAsync(Portal, "operator@ponorogo.go.id", AdminHttp.Password, null);
        var theirs = await AdminHttp.PostAsync(neighbour, "/kelola/inovasi/baru", new() { ["F[name]"] = "Reog Digital", ["F[agency]"] = $"{Ponorogo}" });
        var theirId = int.Parse(theirs.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        (await machine.PutAsJsonAsync($"/api/v1/innovations/{theirId}?version=1", Complete("Diambil alih"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Portal.WithDbAsync(db => db.Innovations.SingleAsync(i => i.Id == theirId))).Name.ShouldBe("Reog Digital");
        (await machine.PostAsync("/api/v1/imports?source=KIPP&name=a.csv", new StringContent("x"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A token opens the API only, never a page (it cannot make itself another token or change the account).
        var onPage = await machine.GetAsync("/akun/token");
        onPage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        onPage.Headers.Location!.OriginalString.ShouldContain("/masuk");

        // The sign-in cookie does not open the write API (no cross-site writes through a browser).
        (await operatorClient.PostAsJsonAsync("/api/v1/innovations/", new { name = "Lewat Kuki", agency = Pacitan })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Unknown, malformed, revoked and expired tokens: 401 with the reason.
        (await DetailAsync(Machine("jip_abcdefgh_" + new string('x', 43)))).ShouldContain("tidak dikenal");
        (await DetailAsync(Machine("jip_pendek"))).ShouldContain("bentuknya");
        await Portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE api_tokens SET expires_at = {0}", DateTimeOffset.UtcNow.AddMinutes(-1)));
        (await DetailAsync(machine)).ShouldContain("kedaluwarsa");
        var fresh = await MakeTokenAsync(operatorClient, "Cadangan", ["innovations.edit"], null);
        var tokenId = await Portal.WithDbAsync(db => db.ApiTokens.Where(t => t.Name == "Cadangan").Select(t => t.Id).SingleAsync());
        (await AdminHttp.PostAsync(operatorClient, $"/akun/token?handler=revoke&token={tokenId}", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DetailAsync(Machine(fresh))).ShouldContain("dicabut");
    }

    [SkippableFact]
    public async Task A_token_limited_to_an_agency_and_bad_token_requests_are_named()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        await AdminHttp.EnsureAccountAsync(Portal, "hub@jatimprov.go.id", "Hub Jatim", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var hub = await AdminHttp.SignInAsync(Portal, "hub@jatimprov.go.id", AdminHttp.Password, null);
        (await hub.GetStringAsync("/akun/token")).ShouldContain("tidak memegang izin yang dapat dipakai lewat API");
        var refused = await AdminHttp.PostAsync(hub, "/akun/token", new() { ["Name"] = "Coba", ["Permissions"] = "innovations.edit", ["Days"] = "30" }, tokenFrom: "/akun");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Izin: pilih");

        var admin = await AdminHttp.ClientAsync(Portal);
        foreach (var (fields, expected) in new (Dictionary<string, string>, string)[]
        {
            (new() { ["Name"] = "", ["Permissions"] = "innovations.edit", ["Days"] = "30" }, "Nama token: wajib"),
            (new() { ["Name"] = "A", ["Permissions"] = "innovations.edit", ["Days"] = "400" }, "Masa berlaku: antara 1 dan 365"),
            (new() { ["Name"] = "A", ["Permissions"] = "accounts.manage", ["Days"] = "30" }, "Izin: pilih"),
        })
        {
            var response = await AdminHttp.PostAsync(admin, "/akun/token", fields, tokenFrom: "/akun/token");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain(expected);
        }

        var limited = Machine(await MakeTokenAsync(admin, "Hanya Pacitan", ["innovations.edit", "imports.run"], Pacitan));
        (await limited.PostAsJsonAsync("/api/v1/innovations/", new { name = "Di Pacitan", agency = Pacitan })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await limited.PostAsJsonAsync("/api/v1/innovations/", new { name = "Di Ponorogo", agency = Ponorogo })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var import = await limited.PostAsync("/api/v1/imports?source=KIPP&name=usulan.csv", new StringContent("ID Proposal;Judul Inovasi;Tahun Inisiasi\nTK-01;Layanan Token;2021\n", Encoding.UTF8, "text/csv"));
        import.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var noSource = await limited.PostAsync("/api/v1/imports?name=usulan.csv", new StringContent("x"));
        noSource.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noSource.Content.ReadAsStringAsync()).ShouldContain("source");
        (await limited.PutAsJsonAsync("/api/v1/innovations/999999?version=1", Complete("x"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private HttpClient Machine(string token)
    {
        var client = Portal.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> DetailAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/innovations/", new { name = "x", agency = Pacitan });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }

    private static async Task<string> MakeTokenAsync(HttpClient client, string name, string[] permissions, int? agency)
    {
        var page = await client.GetStringAsync("/akun/token");
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", AdminHttp.Token(page)), new("Name", name), new("Days", "30") };
        fields.AddRange(permissions.Select(p => new KeyValuePair<string, string>("Permissions", p)));
        if (agency is { } a)
        {
            fields.Add(new("Agency", $"{a}"));
        }

        var response = await client.PostAsync("/akun/token", new FormUrlEncodedContent(fields));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return TokenShown().Match(text).Groups[1].Value;
    }

    private static object Complete(string name) => new
    {
        name, agency = Pacitan, year = 2024, summary = "Warga melapor lewat pesan singkat.", problem = "Aduan tidak tertangani.",
        implementation = "Camat menjawab dalam dua hari.", impact = "Aduan terjawab naik menjadi 90 persen.",
    };

    [GeneratedRegex("<code id=\"token-baru\" class=\"pre\">([^<]+)</code>")]
    private static partial Regex TokenShown();
}

public sealed class SqliteTokenTests() : TokenTests(DatabaseProvider.Sqlite);

public sealed class PostgresTokenTests() : TokenTests(DatabaseProvider.PostgreSql);
