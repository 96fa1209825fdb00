using System.Globalization;
using System.Net;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.IntegrationTests;

/// <summary>
/// A hub's agreements on both databases: an MoU with the ministry, a university member and a regency ready to
/// replicate; parties outside the hub, no party, an end before the signature and a number used twice are refused
/// by field and write nothing; the hub's public page lists it.
/// </summary>
public abstract class AgreementTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    private static readonly string Today = AdminHttp.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task An_mou_with_the_ministry_a_university_and_a_regency_is_recorded_and_bad_parties_are_refused()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var hubId = await Portal.WithDbAsync(db => db.Hubs.Where(h => h.ProvinceCode == "35").Select(h => h.Id).SingleAsync());
        await AdminHttp.EnsureAccountAsync(Portal, "hub@jatimprov.go.id", "Admin Hub Jatim", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var hubAdmin = await AdminHttp.SignInAsync(Portal, "hub@jatimprov.go.id", AdminHttp.Password, null);
        (await AdminHttp.PostAsync(hubAdmin, $"/kelola/hub/{hubId}/pendampingan?handler=member", new()
        {
            ["member_name"] = "Universitas Brawijaya", ["member_kind"] = "perguruan-tinggi", ["member_role"] = "Perguruan tinggi pendamping", ["member_since"] = Today[..4],
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var member = await Portal.WithDbAsync(db => db.NetworkMembers.Where(m => m.Name == "Universitas Brawijaya").Select(m => $"{m.Id}").SingleAsync());
        var path = $"/kelola/hub/{hubId}/kerja-sama";

        (await PostAsync(hubAdmin, path, Mou("MoU-01"))).Body.ShouldContain("pilih paling sedikit satu pihak selain hub");
        (await PostAsync(hubAdmin, path, Mou("MoU-01").With("regions[0]", "16.01"))).Body.ShouldContain("pilih kabupaten/kota di wilayah hub ini");
        (await PostAsync(hubAdmin, path, Mou("MoU-01").With("members[0]", "999999"))).Body.ShouldContain("pilih anggota jaringan dari daftar anggota hub ini");
        (await PostAsync(hubAdmin, path, Mou("MoU-01").With("ministry", "true").With("valid_until", "2001-01-01"))).Body.ShouldContain("Berlaku sampai: 2001-01-01 sebelum tanggal tanda tangan");
        (await Portal.WithDbAsync(db => db.Agreements.CountAsync())).ShouldBe(0);

        var saved = await PostAsync(hubAdmin, path, Mou("MoU-01").With("ministry", "true").With("members[0]", member).With("regions[0]", "35.01"));
        saved.Status.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(hubAdmin, path, Mou("MoU-01").With("ministry", "true"))).Body.ShouldContain("Nomor: MoU-01 sudah tercatat");
        var parties = await Portal.WithDbAsync(db => db.AgreementParties.OrderBy(p => p.Kind).Select(p => p.Name).ToListAsync());
        parties.ShouldBe([Jippnas.Web.Features.Hubs.AgreementDesk.MinistryName, "Universitas Brawijaya", "Kabupaten Pacitan"]);
        var page = WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync($"/hub/{hubId}"));
        page.ShouldContain("MoU-01");
        page.ShouldContain("Universitas Brawijaya; Kabupaten Pacitan");
    }

    private static Dictionary<string, string> Mou(string number) => new()
    {
        ["kind"] = "mou", ["number"] = number, ["scope"] = "Pendampingan replikasi inovasi pelayanan publik", ["signed_on"] = Today, ["document"] = "https://jatimprov.go.id/mou-01.pdf",
    };

    private static Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string path, Dictionary<string, string> fields) =>
        AdminHttp.PostReadAsync(client, path, fields);
}

public sealed class SqliteAgreementTests() : AgreementTests(DatabaseProvider.Sqlite);

public sealed class PostgresAgreementTests() : AgreementTests(DatabaseProvider.PostgreSql);
