using System.Globalization;
using System.Net;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.IntegrationTests;

/// <summary>
/// Forums on both databases: a hub administrator records the province's series; a number already used, a date
/// out of range or outcomes of a forum still to come are refused by field; the public list, page and dashboards
/// show them.
/// </summary>
public abstract class ForumTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    private static readonly DateOnly Today = AdminHttp.Today;

    [SkippableFact]
    public async Task A_province_s_forum_series_is_recorded_and_shown_and_bad_input_is_named()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var hubId = await Portal.WithDbAsync(db => db.Hubs.Where(h => h.ProvinceCode == "35").Select(h => h.Id).SingleAsync());
        await AdminHttp.EnsureAccountAsync(Portal, "hub@jatimprov.go.id", "Admin Hub Jatim", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var hubAdmin = await AdminHttp.SignInAsync(Portal, "hub@jatimprov.go.id", AdminHttp.Password, null);
        var path = $"/kelola/hub/{hubId}/forum";
        (await hubAdmin.GetStringAsync(path)).ShouldContain("value=\"1\""); // the first of the series is proposed

        (await PostAsync(hubAdmin, path, Forum("1", Today.AddYears(2), "Forum Replikasi Seri 1"))).Body.ShouldContain("Tanggal forum");
        (await PostAsync(hubAdmin, path, Forum("0", Today, "Forum Replikasi Seri 1"))).Body.ShouldContain("Seri ke: '0' harus bilangan bulat");
        (await PostAsync(hubAdmin, path, Forum("1", Today.AddDays(20), "Forum Replikasi Seri 1").With("outcomes", "Tiga rencana aksi."))).Body.ShouldContain("Hasil: diisi setelah forum berlangsung");
        (await PostAsync(hubAdmin, path, Forum("1", Today, ""))).Body.ShouldContain("Judul forum: wajib diisi");
        (await Portal.WithDbAsync(db => db.Forums.CountAsync())).ShouldBe(0);

        var saved = await AdminHttp.PostAsync(hubAdmin, path, Forum("1", Today, "Forum Replikasi Inovasi Jawa Timur Seri 1").With("outcomes", "Tujuh kabupaten menyusun rencana aksi replikasi."));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(hubAdmin, path, Forum("1", Today, "Forum lain dengan nomor sama"))).Body.ShouldContain("seri 1 di provinsi ini sudah tercatat; seri berikutnya 2");

        var page = WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync(saved.Headers.Location!.OriginalString));
        page.ShouldContain("Tujuh kabupaten menyusun rencana aksi replikasi.");
        page.ShouldContain("1 di Jawa Timur");
        (await Portal.Browser().GetStringAsync("/forum?provinsi=35")).ShouldContain("Forum Replikasi Inovasi Jawa Timur Seri 1");
        (await Portal.Browser().GetStringAsync("/forum?provinsi=16")).ShouldNotContain("Forum Replikasi Inovasi Jawa Timur Seri 1");
        (await Portal.Browser().GetAsync("/forum?provinsi=99")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Portal.Browser().GetAsync("/forum/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Portal.Browser().GetStringAsync($"/hub/{hubId}")).ShouldContain("Forum Replikasi Inovasi Jawa Timur Seri 1");

        // The national dashboard: every province as a tile, East Java a hub since 2020 with this year's forum counted.
        var national = WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync("/hub"));
        national.ShouldContain("Hub sejak 2020");
        national.ShouldContain("Belum menjadi hub");
        national.Split("<li class=\"tile").Length.ShouldBe(39); // 38 provinces
    }

    private static Dictionary<string, string> Forum(string number, DateOnly heldOn, string title) => new()
    {
        ["kind"] = "replikasi", ["series_number"] = number, ["held_on"] = heldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["title"] = title,
        ["organisers"] = "Biro Organisasi Setda Provinsi Jawa Timur", ["participant_count"] = "120", ["participants"] = "38 kabupaten/kota",
    };

    private static Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string path, Dictionary<string, string> fields) =>
        AdminHttp.PostReadAsync(client, path, fields);
}

public sealed class SqliteForumTests() : ForumTests(DatabaseProvider.Sqlite);

public sealed class PostgresForumTests() : ForumTests(DatabaseProvider.PostgreSql);
