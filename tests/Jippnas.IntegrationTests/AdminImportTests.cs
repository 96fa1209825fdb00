using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.IntegrationTests;

/// <summary>
/// A curator uploads a source's file on /admin/impor, waits on the job's page while it is checked in the
/// background, reads the preview (or every error by row and column) and saves it; a job a restart cut off is
/// marked interrupted with nothing saved, and can be checked again.
/// </summary>
public abstract partial class AdminImportTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "jippnas-import-tests-" + Guid.NewGuid().ToString("N"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task Only_the_administrator_reaches_the_import_pages()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        (await Portal.Browser().GetAsync("/admin/impor")).Headers.Location!.OriginalString.ShouldContain("/masuk?kembali=");
        (await Portal.Browser().GetAsync("/admin/impor/1")).Headers.Location!.OriginalString.ShouldContain("/masuk?kembali=");
        var page = await (await AdminAsync()).GetStringAsync("/admin/impor");
        page.ShouldContain("KIPP / SINOVIK");
        page.ShouldNotContain("Data sintetis"); // no column mapping, not importable
    }

    [SkippableFact]
    public async Task An_uploaded_file_is_previewed_then_saved_on_request()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var admin = await AdminAsync();
        const string Csv = "ID Proposal;Judul Inovasi;Provinsi;Kabupaten/Kota;Tahun Inisiasi;Ringkasan\n"
            + "UP-01;Layanan Adminduk Keliling Pulau;Sumatera Selatan;Kota Palembang;2021;Petugas mendatangi warga pulau.\n"
            + "UP-02;Posyandu Remaja Digital;35;35.10;2022;Remaja memeriksa gizi lewat aplikasi.\n";

        var upload = await UploadAsync(admin, "KIPP", "usulan kipp.csv", Encoding.UTF8.GetBytes(Csv));
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var job = upload.Headers.Location!.ToString();
        job.ShouldStartWith("/admin/impor/");

        var preview = await WaitForAsync(admin, job, "Pratinjau");
        preview.ShouldContain("2 inovasi baru");
        preview.ShouldContain("usulan kipp.csv");
        (await CountAsync()).ShouldBe(0);

        var save = await PostAsync(admin, job, "save");
        save.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await WaitForAsync(admin, job, "Tersimpan:");
        saved.ShouldContain("Tersimpan: 2 baru");
        (await CountAsync()).ShouldBe(2);

        // The same file again: nothing to save.
        var again = await UploadAsync(admin, "KIPP", "usulan kipp.csv", Encoding.UTF8.GetBytes(Csv));
        (await WaitForAsync(admin, again.Headers.Location!.ToString(), "Pratinjau")).ShouldContain("2 tidak berubah");
    }

    [SkippableFact]
    public async Task A_file_with_errors_lists_them_by_row_and_column_offers_them_as_CSV_and_cannot_be_saved()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var admin = await AdminAsync();
        const string Csv = "ID Proposal,Judul Inovasi,Provinsi,Tahun Inisiasi\nER-01,Layanan Satu,35,2020\nER-02,,35,3021\n";

        var upload = await UploadAsync(admin, "KIPP", "salah.csv", Encoding.UTF8.GetBytes(Csv));
        var page = await WaitForAsync(admin, upload.Headers.Location!.ToString(), "galat di");
        page.ShouldContain("2 galat di 1 baris");
        page.ShouldContain("<td>3</td><td>name</td>");
        page.ShouldContain("<td>3</td><td>year</td>");

        var errors = await admin.GetStringAsync(upload.Headers.Location + "?handler=errors");
        errors.ShouldContain("3,\"name\",\"wajib diisi.\"");

        var save = await PostAsync(admin, upload.Headers.Location!.ToString(), "save");
        save.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await CountAsync()).ShouldBe(0);
    }

    [SkippableTheory]
    [InlineData("no file", "Berkas")]
    [InlineData("unknown source", "Sumber")]
    public async Task A_bad_upload_is_refused_naming_the_field(string problem, string field)
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var admin = await AdminAsync();
        var response = problem == "no file"
            ? await UploadAsync(admin, "KIPP", "kosong.csv", [])
            : await UploadAsync(admin, "MYSPACE", "data.csv", Encoding.UTF8.GetBytes("a,b\n1,2\n"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"<strong>{field}</strong>");
        (await Portal.WithDbAsync(db => db.ImportJobs.CountAsync())).ShouldBe(0);
    }

    [SkippableFact]
    public async Task A_job_cut_off_by_a_restart_is_marked_interrupted_with_nothing_saved_and_can_be_checked_again()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var admin = await AdminAsync();
        var upload = await UploadAsync(admin, "KIPP", "putus.csv", Encoding.UTF8.GetBytes("ID Proposal,Judul Inovasi\nRS-01,Layanan Putus\n"));
        var job = upload.Headers.Location!.ToString();
        await WaitForAsync(admin, job, "Pratinjau");
        var id = int.Parse(job["/admin/impor/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        // As if the server stopped while saving: the state says saving, the transaction never committed.
        await Portal.WithDbAsync(db => db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Saving)));

        await RestartAsync();
        admin = await AdminAsync();
        var page = await admin.GetStringAsync(job);
        page.ShouldContain("Terputus");
        page.ShouldContain("Tidak ada yang tersimpan");
        (await CountAsync()).ShouldBe(0);

        (await PostAsync(admin, job, "recheck")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await WaitForAsync(admin, job, "Pratinjau")).ShouldContain("1 inovasi baru");
    }

    [SkippableFact]
    public async Task A_curator_maps_a_new_column_and_the_file_that_has_it_then_imports()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var admin = await AdminAsync();
        var page = await admin.GetStringAsync("/admin/impor/sumber/KIPP");
        page.ShouldContain("judul inovasi");
        var template = await admin.GetStringAsync("/admin/impor/sumber/KIPP?handler=template");
        template.ShouldContain("\"id proposal\",\"judul inovasi\"");
        template.ShouldNotContain("kontak"); // ignored columns are not asked for

        const string Csv = "ID Proposal,Judul Inovasi,Nomor Telepon Kepala Dinas\nMAP-01,Layanan Baru,0812\n";
        var refused = await UploadAsync(admin, "KIPP", "baru.csv", Encoding.UTF8.GetBytes(Csv));
        (await WaitForAsync(admin, refused.Headers.Location!.ToString(), "galat di")).ShouldContain("Nomor Telepon Kepala Dinas");

        var bad = await PostFormAsync(admin, "/admin/impor/sumber/KIPP", new() { ["Column"] = "Nomor Telepon Kepala Dinas", ["Field"] = "nomor_telepon" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("<strong>Isian</strong>");
        var added = await PostFormAsync(admin, "/admin/impor/sumber/KIPP", new() { ["Column"] = "  Nomor  Telepon Kepala Dinas ", ["Field"] = "-" });
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var twice = await PostFormAsync(admin, "/admin/impor/sumber/KIPP", new() { ["Column"] = "nomor telepon kepala dinas", ["Field"] = "name" });
        twice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var accepted = await UploadAsync(admin, "KIPP", "baru.csv", Encoding.UTF8.GetBytes(Csv));
        (await WaitForAsync(admin, accepted.Headers.Location!.ToString(), "Pratinjau")).ShouldContain("1 inovasi baru");

        var id = await Portal.WithDbAsync(db => db.ImportColumns.Where(c => c.ColumnName == "nomor telepon kepala dinas").Select(c => c.Id).SingleAsync());
        (await PostFormAsync(admin, $"/admin/impor/sumber/KIPP?handler=delete&id={id}", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Portal.WithDbAsync(db => db.ImportColumns.CountAsync(c => c.ColumnName == "nomor telepon kepala dinas"))).ShouldBe(0);
        (await admin.GetAsync("/admin/impor/sumber/MYSPACE")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync("/admin/impor");
        fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    protected override PortalFactory CreatePortal(TestDatabase database) => new(database, new Dictionary<string, string>
    {
        ["Jippnas:Imports:Folder"] = folder,
    });

    private Task<int> CountAsync() => Portal.WithDbAsync(db => db.SourceRecords.CountAsync(s => s.ExternalId.StartsWith("UP-") || s.ExternalId.StartsWith("ER-") || s.ExternalId.StartsWith("RS-")));

    private Task<HttpClient> AdminAsync() => AdminHttp.ClientAsync(Portal);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string source, string name, byte[] content)
    {
        var page = await client.GetStringAsync("/admin/impor");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TokenPattern().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(source), "Source" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", name);
        return await client.PostAsync("/admin/impor", form);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string job, string handler)
    {
        // The token of the upload form: a job page without a button has none, and a curator could still post.
        var page = await client.GetStringAsync("/admin/impor");
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value };
        return await client.PostAsync($"{job}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    // The worker runs in the background: read the job's page until it shows what is awaited (at most ten seconds).
    private static async Task<string> WaitForAsync(HttpClient client, string job, string text)
    {
        var page = "";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            page = await client.GetStringAsync(job);
            if (page.Contains(text, StringComparison.Ordinal))
            {
                return page;
            }

            await Task.Delay(100);
        }

        page.ShouldContain(text);
        return page;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed class SqliteAdminImportTests() : AdminImportTests(DatabaseProvider.Sqlite);

public sealed class PostgresAdminImportTests() : AdminImportTests(DatabaseProvider.PostgreSql);
