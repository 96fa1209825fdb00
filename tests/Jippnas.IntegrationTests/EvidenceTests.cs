using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.IntegrationTests;

/// <summary>
/// Evidence files on both databases: type from the content whatever the name says, size limit, SHA-256 kept; served
/// with Content-Disposition and nosniff, to the public only when the file is public and the record published, to
/// others only within their grants; bad uploads refused with the field named and nothing kept.
/// </summary>
public abstract class EvidenceTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    private const int Pacitan = 266;
    private const int Ponorogo = 267;
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    [SkippableFact]
    public async Task Files_are_typed_by_content_and_served_only_to_those_allowed()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var owner = await SignInAsync("operator@pacitankab.go.id", AccountRole.Operator, GrantScope.Agency, $"{Pacitan}");
        var neighbour = await SignInAsync("operator@ponorogo.go.id", AccountRole.Operator, GrantScope.Agency, $"{Ponorogo}");
        var hub = await SignInAsync("hub@jatimprov.go.id", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var id = await DraftAsync(owner);

        // A PDF named like a photo is stored as the PDF it is; a PNG kept internal.
        (await UploadAsync(owner, id, "foto-kegiatan.jpg", Pdf, "SK Bupati", publik: true)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await UploadAsync(owner, id, "denah.png", Png, null, publik: false)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var files = await Portal.WithDbAsync(db => db.EvidenceFiles.Where(f => f.InnovationId == id).OrderBy(f => f.Id).ToListAsync());
        files.Select(f => (f.Name, f.MediaType, f.IsPublic)).ShouldBe([("foto-kegiatan.pdf", "application/pdf", true), ("denah.png", "image/png", false)]);
        files[0].Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Pdf)));
        files[0].Size.ShouldBe(Pdf.Length);

        var pdf = $"/inovasi/{id}/berkas/{files[0].Id}";
        var png = $"/inovasi/{id}/berkas/{files[1].Id}";
        var download = await owner.GetAsync(pdf);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");

        // Before publication only those whose grants cover the record see it.
        (await Portal.Browser().GetAsync(pdf)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await neighbour.GetAsync(pdf)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await hub.GetAsync(png)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await UploadAsync(neighbour, id, "sisipan.pdf", Pdf, null, publik: true)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AdminHttp.PostAsync(neighbour, $"/kelola/inovasi/{id}?handler=removefile&file={files[0].Id}", [])).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await PublishAsync(owner, hub, id);

        // A published record's files change only through a revision, under review like its fields.
        var late = await UploadAsync(owner, id, "tambahan.pdf", Pdf, null, publik: true);
        late.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await late.Content.ReadAsStringAsync()).ShouldContain("buat revisi");
        (await AdminHttp.PostAsync(owner, $"/kelola/inovasi/{id}?handler=removefile&file={files[0].Id}", [])).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Portal.WithDbAsync(db => db.EvidenceFiles.CountAsync(f => f.InnovationId == id))).ShouldBe(2);
        (await Portal.Browser().GetAsync(pdf)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Portal.Browser().GetAsync(png)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await Portal.Browser().GetStringAsync($"/inovasi/{id}");
        page.ShouldContain("foto-kegiatan.pdf");
        page.ShouldNotContain("denah.png");
        (await Portal.Browser().GetAsync($"/inovasi/{id}/berkas/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Disguised_oversized_and_missing_files_are_refused_naming_the_field_and_nothing_is_kept()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var owner = await SignInAsync("operator@pacitankab.go.id", AccountRole.Operator, GrantScope.Agency, $"{Pacitan}");
        var id = await DraftAsync(owner);

        var cases = new (string Name, byte[] Content, string Expected)[]
        {
            ("laporan.pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "jenis berkas tidak diterima"),
            ("sop.docx", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0], "jenis berkas tidak diterima"),
            ("anggaran.xlsx", Zip(("isi.txt", new byte[100])), "bukan dokumen Word, Excel"),
            ("bom.docx", Zip(("[Content_Types].xml", new byte[10]), ("word/document.xml", new byte[5_000_000])), "bom zip"),
            ("besar.pdf", [.. Pdf, .. new byte[300_000]], "paling besar"),
        };
        foreach (var (name, content, expected) in cases)
        {
            var response = await UploadAsync(owner, id, name, content, null, publik: true);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, name);
            var text = await response.Content.ReadAsStringAsync();
            text.ShouldContain("Berkas: ", Case.Sensitive, name);
            text.ShouldContain(expected, Case.Sensitive, name);
        }

        var missing = await AdminHttp.PostAsync(owner, $"/kelola/inovasi/{id}?handler=upload", new() { ["keterangan"] = "tanpa berkas" });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("Berkas: pilih berkas");
        (await Portal.WithDbAsync(db => db.EvidenceFiles.CountAsync())).ShouldBe(0);
        var folder = Path.Combine(Portal.Folder, "evidence");
        (Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : []).ShouldBeEmpty();
    }

    protected override PortalFactory CreatePortal(TestDatabase database) =>
        new(database, new Dictionary<string, string> { ["Jippnas:Evidence:MaxBytes"] = "262144" });

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, string name, byte[] content, string? description, bool publik)
    {
        var page = await client.GetStringAsync("/akun");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(AdminHttp.Token(page)), "__RequestVerificationToken" },
            { new StringContent(description ?? ""), "keterangan" },
        };
        if (publik)
        {
            form.Add(new StringContent("true"), "publik");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "berkas", name);
        return await client.PostAsync($"/kelola/inovasi/{id}?handler=upload", form);
    }

    private static async Task<int> DraftAsync(HttpClient owner)
    {
        var created = await AdminHttp.PostAsync(owner, "/kelola/inovasi/baru", new() { ["F[name]"] = "Arsip Digital Desa", ["F[agency]"] = $"{Pacitan}" });
        return int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task PublishAsync(HttpClient owner, HttpClient hub, int id)
    {
        var fields = new Dictionary<string, string>
        {
            ["F[name]"] = "Arsip Digital Desa", ["F[agency]"] = $"{Pacitan}", ["F[year]"] = "2021", ["F[summary]"] = "Arsip desa dipindai.",
            ["F[problem]"] = "Arsip hilang.", ["F[implementation]"] = "Pemindaian bertahap.", ["F[impact]"] = "Arsip dapat dicari.",
            ["versi"] = await VersionAsync(id),
        };
        (await AdminHttp.PostAsync(owner, $"/kelola/inovasi/{id}?handler=submit", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AdminHttp.PostAsync(hub, $"/kelola/inovasi/{id}?handler=verify", new() { ["versi"] = await VersionAsync(id) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AdminHttp.PostAsync(hub, $"/kelola/inovasi/{id}?handler=publish", new() { ["versi"] = await VersionAsync(id) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private Task<string> VersionAsync(int id) => Portal.WithDbAsync(async db => (await db.Innovations.Where(i => i.Id == id).Select(i => i.Version).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<HttpClient> SignInAsync(string email, AccountRole role, GrantScope scope, string key)
    {
        await AdminHttp.EnsureAccountAsync(Portal, email, email.Split('@')[0], role, scope, key);
        return await AdminHttp.SignInAsync(Portal, email, AdminHttp.Password, null);
    }
}

public sealed class SqliteEvidenceTests() : EvidenceTests(DatabaseProvider.Sqlite);

public sealed class PostgresEvidenceTests() : EvidenceTests(DatabaseProvider.PostgreSql);
