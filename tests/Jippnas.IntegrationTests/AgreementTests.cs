using System.Globalization;
using System.Net;
using System.Text;
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

    [SkippableFact]
    public async Task The_signed_document_is_uploaded_checked_by_its_content_and_downloadable_from_the_hub_page()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var hubId = await Portal.WithDbAsync(db => db.Hubs.Where(h => h.ProvinceCode == "35").Select(h => h.Id).SingleAsync());
        var otherHub = await Portal.WithDbAsync(db => db.Hubs.Where(h => h.ProvinceCode == "16").Select(h => h.Id).SingleAsync());
        await AdminHttp.EnsureAccountAsync(Portal, "berkas@jatimprov.go.id", "Admin Hub Jatim", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var hubAdmin = await AdminHttp.SignInAsync(Portal, "berkas@jatimprov.go.id", AdminHttp.Password, null);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

        // A program renamed .pdf is refused by its content; a form refused for its fields keeps nothing either.
        var renamed = await UploadAsync(hubAdmin, hubId, Mou("PKS-07").With("ministry", "true"), "mou.pdf", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0]);
        renamed.Status.ShouldBe(HttpStatusCode.BadRequest);
        renamed.Body.ShouldContain("Berkas:");
        (await UploadAsync(hubAdmin, hubId, Mou("PKS-07"), "mou.pdf", pdf)).Body.ShouldContain("pilih paling sedikit satu pihak selain hub");
        (await Portal.WithDbAsync(db => db.Agreements.CountAsync())).ShouldBe(0);

        (await UploadAsync(hubAdmin, hubId, Mou("PKS-07").With("ministry", "true"), "MoU Kemenpan & Jatim.pdf", pdf)).Status.ShouldBe(HttpStatusCode.Redirect);
        var agreement = await Portal.WithDbAsync(db => db.Agreements.SingleAsync());
        (agreement.FileName, agreement.FileType, agreement.FileSize, agreement.FileSha256)
            .ShouldBe(("MoU Kemenpan _ Jatim.pdf", "application/pdf", pdf.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf))));
        var link = $"/hub/{hubId}/kerja-sama/{agreement.Id}/berkas";
        WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync($"/hub/{hubId}")).ShouldContain(link);
        var download = await Portal.Browser().GetAsync(link);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        (await Portal.Browser().GetAsync($"/hub/{otherHub}/kerja-sama/{agreement.Id}/berkas")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<(HttpStatusCode Status, string Body)> UploadAsync(HttpClient client, int hubId, Dictionary<string, string> fields, string name, byte[] content)
    {
        var page = await client.GetStringAsync($"/kelola/hub/{hubId}/kerja-sama");
        using var form = new MultipartFormDataContent { { new StringContent(AdminHttp.Token(page)), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        form.Add(new ByteArrayContent(content), "berkas", name);
        var response = await client.PostAsync($"/kelola/hub/{hubId}/kerja-sama", form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
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
