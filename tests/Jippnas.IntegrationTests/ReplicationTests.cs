using System.Globalization;
using System.Net;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Replication;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.IntegrationTests;

/// <summary>
/// Replication on both databases, through the pages: a hub administrator opens a replication of a published
/// innovation for an agency of a regency (its replica drafted as the agency's record); the agency's operator records
/// the study visit and an action plan with budget lines and moves it along the stages to implemented; skipped and
/// ended stages, missing conditions, bad amounts and a plan saved by someone else meanwhile are refused clearly and
/// write nothing; the origin's public page shows the replica in its lineage and counts it.
/// </summary>
public abstract class ReplicationTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    private static readonly string Today = AdminHttp.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task A_replication_goes_from_proposal_to_implemented_and_shows_on_the_origin()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var (origin, agency) = await Portal.WithDbAsync(async db => (
            await db.Innovations.Where(i => i.IsPublished && i.AgencyId != null).OrderBy(i => i.Id).Select(i => new { i.Id, i.Name, i.AgencyId }).FirstAsync(),
            await db.Agencies.Where(a => a.RegionCode == "35.01").Select(a => new { a.Id, a.Name }).FirstAsync()));
        await AdminHttp.EnsureAccountAsync(Portal, "replikasi@jatimprov.go.id", "Admin Hub Jatim", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var hubAdmin = await AdminHttp.SignInAsync(Portal, "replikasi@jatimprov.go.id", AdminHttp.Password, null);
        await AdminHttp.EnsureAccountAsync(Portal, "operator@pacitankab.go.id", "Operator Pacitan", AccountRole.Operator, GrantScope.Agency, $"{agency.Id}");
        var operatorClient = await AdminHttp.SignInAsync(Portal, "operator@pacitankab.go.id", AdminHttp.Password, null);

        // Opening: an unknown origin, the origin's own agency and a modification without what changed are refused.
        var open = new Dictionary<string, string> { ["asal"] = $"{origin.Id}", ["instansi"] = $"{agency.Id}", ["adaptation"] = "adopsi" };
        (await PostAsync(hubAdmin, "/kelola/replikasi", new(open) { ["asal"] = "999999" })).Body.ShouldContain("Inovasi asal: '999999' bukan inovasi terbit");
        (await PostAsync(hubAdmin, "/kelola/replikasi", new(open) { ["adaptation"] = "modifikasi" })).Body.ShouldContain("Yang diubah: wajib diisi bila inovasi dimodifikasi");
        (await PostAsync(operatorClient, "/kelola/replikasi", open)).Status.ShouldBe(HttpStatusCode.Forbidden); // operators do not open
        (await Portal.WithDbAsync(db => db.Replications.CountAsync())).ShouldBe(0);
        var opened = await AdminHttp.PostAsync(hubAdmin, "/kelola/replikasi", open);
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var path = opened.Headers.Location!.OriginalString;
        var replication = await Portal.WithDbAsync(db => db.Replications.Include(r => r.Replica).SingleAsync());
        (replication.Stage, replication.Replica!.AgencyId, replication.Replica.EditorialState, replication.Replica.RegencyCode).ShouldBe((ReplicationStage.Proposed, agency.Id, EditorialState.Draft, "35.01"));
        (await PostAsync(hubAdmin, "/kelola/replikasi", open)).Body.ShouldContain("sudah mereplikasi");

        // Skipping a stage is refused with what is allowed; a future date too.
        (await PostAsync(operatorClient, $"{path}?handler=advance", Advance(1, "studi-tiru"))).Body.ShouldContain("tidak dapat ke \"Studi tiru\"; yang dapat: \"Disetujui pemilik inovasi\", \"Ditolak pemilik inovasi\", \"Dihentikan\"");
        (await PostAsync(operatorClient, $"{path}?handler=advance", Advance(1, "disetujui").With("on", AdminHttp.Today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))).Body.ShouldContain("belum terjadi");
        (await PostAsync(operatorClient, $"{path}?handler=advance", Advance(1, "disetujui"))).Status.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(operatorClient, $"{path}?handler=advance", Advance(1, "studi-tiru"))).Body.ShouldContain("sudah diubah orang lain"); // stale
        (await Portal.WithDbAsync(db => db.Innovations.Where(i => i.Id == origin.Id).Select(i => i.ReplicationCount).SingleAsync())).ShouldBe(1);
        (await PostAsync(operatorClient, $"{path}?handler=advance", Advance(2, "studi-tiru"))).Status.ShouldBe(HttpStatusCode.Redirect);

        // The owner's agreement as a document of the stage reached; a stage not reached yet is refused.
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        (await UploadAsync(operatorClient, path, "dianggarkan", pdf)).Body.ShouldContain("Tahap dokumen: pilih tahap yang sudah dicapai");
        (await UploadAsync(operatorClient, path, "disetujui", pdf)).Status.ShouldBe(HttpStatusCode.Redirect);
        var document = await Portal.WithDbAsync(db => db.ReplicationFiles.SingleAsync());
        (document.Stage, document.MediaType).ShouldBe((ReplicationStage.Agreed, "application/pdf"));
        (await hubAdmin.GetByteArrayAsync($"{path}?handler=file&file={document.Id}")).ShouldBe(pdf);

        // The action plan stage needs a study visit; a bad cost is refused by name.
        (await PostAsync(operatorClient, $"{path}?handler=advance", Advance(3, "rencana-aksi"))).Body.ShouldContain("catat dulu studi tirunya");
        var visit = new Dictionary<string, string> { ["visit_on"] = Today, ["host"] = "Pemerintah Kabupaten Banyuwangi", ["participant_count"] = "8", ["findings"] = "Alur layanan dan aplikasi dipelajari.", ["cost"] = "12,5 juta" };
        (await PostAsync(operatorClient, $"{path}?handler=visit", visit)).Body.ShouldContain("Biaya: '12,5 juta' bukan jumlah rupiah");
        (await PostAsync(operatorClient, $"{path}?handler=visit", new(visit) { ["cost"] = "Rp12.500.000" })).Status.ShouldBe(HttpStatusCode.Redirect);
        (await Portal.WithDbAsync(db => db.StudyVisits.SingleAsync())).Cost.ShouldBe(12_500_000m);
        (await PostAsync(operatorClient, $"{path}?handler=advance", Advance(3, "rencana-aksi"))).Status.ShouldBe(HttpStatusCode.Redirect);

        // The plan: a bad amount and an end before its start are refused by row; then saved; "budgeted" needs every line.
        var planPath = $"{path}/rencana-aksi";
        var plan = Plan(0, ("Penyusunan SOP layanan", "Rp25.000.000", "apbd", "2027"), ("Pelatihan petugas", "", "", ""));
        var bad = new Dictionary<string, string>(plan) { ["Items[0].Amount"] = "25jt", ["Items[1].StartsOn"] = "2027-03-01", ["Items[1].EndsOn"] = "2027-02-01" };
        var refused = await PostAsync(operatorClient, planPath, bad);
        refused.Body.ShouldContain("Kegiatan 1 — anggaran: '25jt' bukan jumlah rupiah");
        refused.Body.ShouldContain("Kegiatan 2 — selesai: 2027-02-01 sebelum mulai 2027-03-01");
        (await PostAsync(operatorClient, planPath, plan)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(operatorClient, $"{path}?handler=advance", Advance(4, "dianggarkan"))).Body.ShouldContain("1 kegiatan rencana aksi belum lengkap anggarannya");

        // Two people on the same plan: the mentor's later save from version 1 is told what the operator changed.
        var read = await operatorClient.GetStringAsync(planPath);
        var snapshot = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(read, "name=\"dibaca\" value=\"([^\"]*)\"").Groups[1].Value);
        var full = Plan(1, ("Penyusunan SOP layanan", "Rp25.000.000", "apbd", "2027"), ("Pelatihan petugas", "7.500.000", "apbd", "2027")).With("dibaca", snapshot);
        (await PostAsync(operatorClient, planPath, full)).Status.ShouldBe(HttpStatusCode.Redirect);
        var stale = await PostAsync(hubAdmin, planPath, new Dictionary<string, string>(full) { ["Items[0].Amount"] = "30.000.000" });
        stale.Status.ShouldBe(HttpStatusCode.BadRequest);
        stale.Body.ShouldContain("sudah disimpan orang lain sejak Anda membukanya");
        stale.Body.ShouldContain("Kegiatan 2, anggaran: \"—\" menjadi \"7.500.000\"");
        (await Portal.WithDbAsync(db => db.ActionItems.SumAsync(i => i.Amount))).ShouldBe(32_500_000m);

        // Budgeted → trial → implemented; the origin's page shows the replica; an ended replication does not move.
        var version = 4;
        foreach (var stage in new[] { "dianggarkan", "uji-coba", "diterapkan" })
        {
            (await PostAsync(operatorClient, $"{path}?handler=advance", Advance(version++, stage))).Status.ShouldBe(HttpStatusCode.Redirect);
        }

        (await Portal.WithDbAsync(db => db.Replications.Select(r => r.Stage).SingleAsync())).ShouldBe(ReplicationStage.Implemented);
        (await PostAsync(operatorClient, $"{path}?handler=advance", Advance(version, "dilembagakan"))).Body.ShouldContain("isi nomor dan tanggal regulasi");
        (await PostAsync(operatorClient, $"{path}?handler=advance", Advance(version, "dihentikan"))).Body.ShouldContain("Alasan: wajib diisi");
        var page = WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync($"/inovasi/{origin.Id}"));
        page.ShouldContain("Direplikasi 1 kali");
        page.ShouldContain($"{agency.Name}, Kabupaten Pacitan");

        // The dashboards: per stage, budget committed by source and year, the most replicated; the list as CSV; by hub.
        var dashboard = WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync("/replikasi"));
        dashboard.ShouldContain("Replikasi per tahap (1)");
        dashboard.ShouldContain(Jippnas.Web.Features.Shared.Formats.Rupiah(32_500_000m));
        dashboard.ShouldContain(origin.Name);
        var csv = await Portal.Browser().GetStringAsync("/replikasi?handler=export&format=csv");
        csv.ShouldContain($"{replication.Id},{origin.Id},");
        csv.ShouldContain("Diterapkan");
        var hubId = await Portal.WithDbAsync(db => db.Hubs.Where(h => h.ProvinceCode == "35").Select(h => h.Id).SingleAsync());
        WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync($"/replikasi?hub={hubId}")).ShouldContain("Replikasi per tahap (1)");
        (await Portal.Browser().GetAsync("/replikasi?hub=abc")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync($"/hub/{hubId}")).ShouldContain("1 replikasi sedang berjalan");
        var sorted = WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync("/cari?sort=replikasi"));
        System.Text.RegularExpressions.Regex.Match(sorted, "href=\"/inovasi/(\\d+)\"").Groups[1].Value.ShouldBe($"{origin.Id}"); // the most replicated first

        // The plan downloads; another province's hub administrator may not see the replication.
        (await operatorClient.GetAsync($"{planPath}?handler=export&format=xlsx")).Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await AdminHttp.EnsureAccountAsync(Portal, "hub@sumselprov.go.id", "Admin Hub Sumsel", AccountRole.HubAdministrator, GrantScope.Province, "16");
        var other = await AdminHttp.SignInAsync(Portal, "hub@sumselprov.go.id", AdminHttp.Password, null);
        (await other.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.GetAsync($"{path}?handler=file&file={document.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task A_replica_of_a_declined_replication_cannot_be_submitted()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var (origin, agency) = await Portal.WithDbAsync(async db => (
            await db.Innovations.Where(i => i.IsPublished && i.AgencyId != null).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(),
            await db.Agencies.Where(a => a.RegionCode == "35.02").Select(a => a.Id).FirstAsync()));
        await AdminHttp.EnsureAccountAsync(Portal, "tolak@jatimprov.go.id", "Admin Hub Jatim", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var hubAdmin = await AdminHttp.SignInAsync(Portal, "tolak@jatimprov.go.id", AdminHttp.Password, null);
        await AdminHttp.EnsureAccountAsync(Portal, "operator@ponorogo.go.id", "Operator Ponorogo", AccountRole.Operator, GrantScope.Agency, $"{agency}");
        var operatorClient = await AdminHttp.SignInAsync(Portal, "operator@ponorogo.go.id", AdminHttp.Password, null);
        var opened = await AdminHttp.PostAsync(hubAdmin, "/kelola/replikasi", new() { ["asal"] = $"{origin}", ["instansi"] = $"{agency}", ["adaptation"] = "adopsi" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var path = opened.Headers.Location!.OriginalString;
        (await PostAsync(hubAdmin, $"{path}?handler=advance", Advance(1, "ditolak").With("note", "Pemilik belum siap mendampingi."))).Status.ShouldBe(HttpStatusCode.Redirect);
        var replica = await Portal.WithDbAsync(db => db.Replications.Where(r => r.AgencyId == agency).Select(r => r.ReplicaId!.Value).SingleAsync());

        var version = await Portal.WithDbAsync(db => db.Innovations.Where(i => i.Id == replica).Select(i => i.Version).SingleAsync());
        var form = new Dictionary<string, string>
        {
            ["F[name]"] = "Replika yang ditolak", ["F[agency]"] = $"{agency}", ["F[year]"] = "2026", ["F[phase]"] = "2", ["F[status]"] = "1",
            ["F[summary]"] = "Ringkasan replika.", ["F[problem]"] = "Masalah.", ["F[implementation]"] = "Pelaksanaan.", ["F[impact]"] = "Dampak.",
            ["versi"] = $"{version}",
        };
        var refused = await PostAsync(operatorClient, $"/kelola/inovasi/{replica}?handler=submit", form);
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Body.ShouldContain("ditolak pemilik inovasi asal (Pemilik belum siap mendampingi.)");
        (await Portal.WithDbAsync(db => db.Innovations.Where(i => i.Id == replica).Select(i => new { i.EditorialState, i.IsPublished }).SingleAsync()))
            .ShouldBe(new { EditorialState = EditorialState.Draft, IsPublished = false });
    }

    [SkippableFact]
    public async Task A_large_lineage_is_capped_on_the_innovation_page_and_whole_on_its_own_page()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var direct = LineageQueries.OnPage + 5;
        await AdminHttp.EnsureAccountAsync(Portal, "garis@jippnas.go.id", "Garis Keturunan", AccountRole.Curator, GrantScope.National, null);
        var (origin, first, second, untouched) = await Portal.WithDbAsync(async db =>
        {
            var innovations = await db.Innovations.Where(i => i.IsPublished).OrderBy(i => i.Id).Select(i => i.Id).Take(3).ToListAsync();
            var governments = await db.Agencies.Where(a => a.Kind == AgencyKind.RegencyGovernment && a.RegionCode != null).OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.Name, a.RegionCode }).Take(direct + 4).ToListAsync();
            var user = await db.Users.Where(u => u.Email == "garis@jippnas.go.id").Select(u => u.Id).SingleAsync();
            Replication Make(int origin, int agency, ReplicationStage stage, int? parent = null) => new()
            {
                OriginId = origin, AgencyId = governments[agency].Id, RegencyCode = governments[agency].RegionCode!, Adaptation = Adaptation.Adopt, Stage = stage,
                StageNote = stage == ReplicationStage.Declined ? "Tidak sesuai." : null, ParentId = parent, CreatedBy = user, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            var replications = Enumerable.Range(0, direct).Select(a => Make(innovations[0], a, ReplicationStage.Implemented)).ToList();
            replications.Add(Make(innovations[0], direct, ReplicationStage.Declined)); // not counted
            db.Replications.AddRange(replications);
            await db.SaveChangesAsync();
            // Three replicas of the first replication's replica (another innovation stands for it).
            db.Replications.AddRange(Enumerable.Range(direct + 1, 3).Select(a => Make(innovations[1], a, ReplicationStage.Trial, replications[0].Id)));
            await db.SaveChangesAsync();
            return (innovations[0], governments[0].Name, governments[direct + 1].Name, innovations[2]);
        });

        var page = WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync($"/inovasi/{origin}"));
        page.ShouldContain($"Direplikasi {direct} kali");
        page.ShouldContain("Replikasinya direplikasi lagi 3 kali.");
        page.ShouldContain($"<a href=\"/inovasi/{origin}/replikasi\">Lihat seluruh {direct + 3} replikasi</a>");
        var tree = page[page.IndexOf("<ul class=\"lineage\">", StringComparison.Ordinal)..page.IndexOf("Provinsi yang mereplikasi", StringComparison.Ordinal)];
        System.Text.RegularExpressions.Regex.Count(tree, "<li>").ShouldBe(LineageQueries.OnPage); // direct ones first, breadth first
        tree.ShouldNotContain(second);

        var whole = WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync($"/inovasi/{origin}/replikasi"));
        System.Text.RegularExpressions.Regex.Count(whole, "<tr><th scope=\"row\">").ShouldBe(direct + 3);
        whole.ShouldContain(second);
        System.Text.RegularExpressions.Regex.IsMatch(whole, $"{System.Text.RegularExpressions.Regex.Escape(second)}</th>.*?<td>{System.Text.RegularExpressions.Regex.Escape(first)}</td></tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .ShouldBeTrue("a replica of a replica names whom it replicated from");
        var csv = await Portal.Browser().GetStringAsync($"/inovasi/{origin}/replikasi?handler=export&format=csv");
        csv.Trim().Split('\n').Length.ShouldBe(direct + 3 + 1);
        csv.ShouldContain(first);
        var bad = await Portal.Browser().GetAsync($"/inovasi/{origin}/replikasi?handler=export&format=pdf");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("format: pilih csv atau xlsx.");
        (await Portal.Browser().GetAsync("/inovasi/999999/replikasi")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync($"/inovasi/{untouched}/replikasi")).ShouldContain("belum direplikasi");
    }

    private static async Task<(HttpStatusCode Status, string Body)> UploadAsync(HttpClient client, string path, string stage, byte[] content)
    {
        var page = await client.GetStringAsync(path);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(AdminHttp.Token(page)), "__RequestVerificationToken" },
            { new StringContent(stage), "file_stage" },
            { new StringContent("Surat persetujuan pemilik inovasi"), "file_description" },
            { new ByteArrayContent(content), "berkas", "persetujuan.pdf" },
        };
        var response = await client.PostAsync($"{path}?handler=upload", form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static Dictionary<string, string> Advance(int version, string stage) => new() { ["versi"] = $"{version}", ["stage"] = stage, ["on"] = Today };

    private static Dictionary<string, string> Plan(int version, params (string Activity, string Amount, string Source, string Year)[] items)
    {
        var fields = new Dictionary<string, string> { ["versi"] = $"{version}", ["dibaca"] = "[]" };
        for (var i = 0; i < items.Length; i++)
        {
            fields[$"Items[{i}].Activity"] = items[i].Activity;
            fields[$"Items[{i}].Unit"] = "Bagian Organisasi";
            fields[$"Items[{i}].Amount"] = items[i].Amount;
            fields[$"Items[{i}].Source"] = items[i].Source;
            fields[$"Items[{i}].FiscalYear"] = items[i].Year;
            fields[$"Items[{i}].Status"] = "rencana";
        }

        return fields;
    }

    private static Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string path, Dictionary<string, string> fields) =>
        AdminHttp.PostReadAsync(client, path, fields);
}

public sealed class SqliteReplicationTests() : ReplicationTests(DatabaseProvider.Sqlite);

public sealed class PostgresReplicationTests() : ReplicationTests(DatabaseProvider.PostgreSql);
