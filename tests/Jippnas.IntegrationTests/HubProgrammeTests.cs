using System.Globalization;
using System.Net;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.IntegrationTests;

/// <summary>
/// The hub programme on both databases, through the pages: a national administrator proposes a province, assesses
/// it on the four criteria, designates it by decree and ends the designation; a hub administrator keeps the
/// programme year's milestones; every bad input is refused naming its field and writes nothing.
/// </summary>
public abstract class HubProgrammeTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    private static readonly DateOnly Today = AdminHttp.Today;
    private static readonly string Year = Today.Year.ToString(CultureInfo.InvariantCulture);
    private static readonly string On = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task A_province_is_assessed_designated_and_ended_and_each_bad_step_is_refused_by_name()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var admin = await AdminHttp.ClientAsync(Portal);

        (await PostAsync(admin, "/admin/hub", new() { ["Province"] = "99" })).Body.ShouldContain("Provinsi: '99' bukan kode provinsi");
        (await PostAsync(admin, "/admin/hub", new() { ["Province"] = "11", ["Agency"] = "1" })).Body.ShouldContain("tidak keduanya");
        var proposed = await AdminHttp.PostAsync(admin, "/admin/hub", new() { ["Province"] = "11" });
        proposed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = int.Parse(proposed.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        (await Portal.Browser().GetAsync($"/hub/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // a candidate is not public

        // Designating before an approved assessment, scoring outside 0–100, deciding with a criterion unscored.
        (await PostAsync(admin, $"/admin/hub/{id}?handler=designate", Decree("KepmenPANRB No. 7 Tahun " + Year))).Body.ShouldContain("belum memiliki penilaian yang disetujui");
        var version = await AssessmentVersionAsync(id);
        var outside = await PostAsync(admin, $"/admin/hub/{id}?handler=assess", Scores("101", "80", "70", "60").With("versi", version).With("Decision", "simpan"));
        outside.Status.ShouldBe(HttpStatusCode.BadRequest);
        outside.Body.ShouldContain("Nilai Rekam jejak pembinaan inovasi: '101' harus bilangan bulat 0–100");
        (await Portal.WithDbAsync(db => db.HubAssessmentScores.CountAsync())).ShouldBe(0);
        var incomplete = await PostAsync(admin, $"/admin/hub/{id}?handler=assess", Scores("90", "80", "70", "").With("versi", version).With("Decision", "setujui"));
        incomplete.Body.ShouldContain("Nilai Dukungan birokrasi dan pemangku kepentingan: wajib diisi sebelum memutuskan");

        // Saved in progress, then approved.
        (await PostAsync(admin, $"/admin/hub/{id}?handler=assess", Scores("90", "80", "", "").With("versi", version).With("Decision", "simpan"))).Status.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(admin, $"/admin/hub/{id}?handler=assess", Scores("90", "80", "70", "60").With("versi", version).With("Decision", "setujui"))).Body.ShouldContain("sudah diubah orang lain"); // stale
        (await PostAsync(admin, $"/admin/hub/{id}?handler=assess", Scores("90", "80", "70", "60").With("versi", await AssessmentVersionAsync(id)).With("Decision", "setujui"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var assessment = await Portal.WithDbAsync(db => db.HubAssessments.Include(a => a.Scores).SingleAsync(a => a.HubId == id));
        (assessment.Decision, assessment.Scores.Sum(s => s.Score)).ShouldBe((AssessmentDecision.Approved, 300));

        // A decree in the future, or dated in another year, is refused; then designated.
        (await PostAsync(admin, $"/admin/hub/{id}?handler=designate", Decree("No. 7").With("Year", $"{Today.Year + 1}"))).Body.ShouldContain("tidak boleh tahun yang akan datang");
        (await PostAsync(admin, $"/admin/hub/{id}?handler=designate", Decree("No. 7").With("Date", $"{Today.Year - 1}-06-01"))).Body.ShouldContain($"tidak jatuh pada tahun penetapan {Year}");
        (await Portal.WithDbAsync(db => db.HubDesignations.CountAsync(d => d.HubId == id))).ShouldBe(0);
        (await PostAsync(admin, $"/admin/hub/{id}?handler=designate", Decree("KepmenPANRB No. 7 Tahun " + Year))).Status.ShouldBe(HttpStatusCode.Redirect);
        var hub = await Portal.WithDbAsync(db => db.Hubs.Include(h => h.Designations).SingleAsync(h => h.Id == id));
        hub.Status.ShouldBe(HubStatus.Active);
        hub.Designations.ShouldHaveSingleItem().AssessmentId.ShouldBe(assessment.Id);
        (await Portal.WithDbAsync(db => db.HubMilestones.SingleAsync(m => m.HubId == id))).Status.ShouldBe(MilestoneStatus.Done); // the decree milestone

        // A second designation of an active hub, or proposing it again, is refused and writes nothing.
        (await PostAsync(admin, $"/admin/hub/{id}?handler=designate", Decree("No. 8"))).Body.ShouldContain("penetapan kedua ditolak");
        (await PostAsync(admin, "/admin/hub", new() { ["Province"] = "11" })).Body.ShouldContain("sudah aktif sebagai Hub JIPP");
        (await Portal.WithDbAsync(db => db.HubDesignations.CountAsync(d => d.HubId == id))).ShouldBe(1);
        (await Portal.Browser().GetStringAsync("/hub")).ShouldContain("Hub JIPP Provinsi Aceh");
        (await Portal.Browser().GetStringAsync($"/hub/{id}")).ShouldContain("KepmenPANRB No. 7 Tahun " + Year);

        // Ended: a date before the decree is refused; the designation stays, and a new decree needs a new assessment.
        (await PostAsync(admin, $"/admin/hub/{id}?handler=end", new() { ["ended_on"] = $"{Today.Year - 1}-01-01", ["end_note"] = "Tidak aktif." })).Body.ShouldContain("sebelum tanggal keputusan penetapannya");
        (await PostAsync(admin, $"/admin/hub/{id}?handler=end", new() { ["ended_on"] = On, ["end_note"] = "" })).Body.ShouldContain("Alasan berakhir: wajib diisi");
        (await PostAsync(admin, $"/admin/hub/{id}?handler=end", new() { ["ended_on"] = On, ["end_note"] = "Pemerintah provinsi menghentikan program." })).Status.ShouldBe(HttpStatusCode.Redirect);
        var ended = await Portal.WithDbAsync(db => db.Hubs.Include(h => h.Designations).SingleAsync(h => h.Id == id));
        ended.Status.ShouldBe(HubStatus.Inactive);
        ended.Designations.ShouldHaveSingleItem().EndedOn.ShouldBe(Today);
        (await PostAsync(admin, $"/admin/hub/{id}?handler=designate", Decree("No. 9"))).Body.ShouldContain("belum memiliki penilaian yang disetujui");
        (await Portal.Browser().GetStringAsync($"/hub/{id}")).ShouldContain("Berakhir");
    }

    [SkippableFact]
    public async Task A_hub_administrator_keeps_the_programme_year_of_their_hub_only_and_bad_dates_are_refused()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var (east, south) = await Portal.WithDbAsync(async db => (await db.Hubs.Where(h => h.ProvinceCode == "35").Select(h => h.Id).SingleAsync(), await db.Hubs.Where(h => h.ProvinceCode == "16").Select(h => h.Id).SingleAsync()));
        await AdminHttp.EnsureAccountAsync(Portal, "hub@jatimprov.go.id", "Admin Hub Jatim", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var hubAdmin = await AdminHttp.SignInAsync(Portal, "hub@jatimprov.go.id", AdminHttp.Password, null);
        var path = $"/kelola/hub/{east}/program/{Year}";

        (await hubAdmin.GetStringAsync("/kelola/hub")).ShouldContain("Hub JIPP Provinsi Jawa Timur");
        (await hubAdmin.GetStringAsync("/kelola/hub")).ShouldNotContain("Sumatera Selatan");
        (await hubAdmin.GetAsync($"/kelola/hub/{south}/program/{Year}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await hubAdmin.GetAsync($"/kelola/hub/{east}/program/2019")).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // before its designation in 2020
        (await hubAdmin.GetAsync("/kelola/hub/999999/program/2024")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var backwards = await PostAsync(hubAdmin, path, Milestone(4, "2026-05-10", "2026-05-01", "", "", "rencana", 0));
        backwards.Status.ShouldBe(HttpStatusCode.BadRequest);
        backwards.Body.ShouldContain("Pendampingan — rencana selesai: 2026-05-01 sebelum rencana mulai 2026-05-10");
        (await PostAsync(hubAdmin, path, Milestone(4, "", "", "", "", "selesai", 0))).Body.ShouldContain("Pendampingan — selesai: wajib diisi untuk tahapan yang selesai");
        (await PostAsync(hubAdmin, path, Milestone(4, "", "", "", "", "entah", 0))).Body.ShouldContain("Pendampingan — status: pilih");
        (await Portal.WithDbAsync(db => db.HubMilestones.CountAsync(m => m.HubId == east))).ShouldBe(0);

        (await PostAsync(hubAdmin, path, Milestone(4, $"{Year}-01-10", $"{Year}-12-10", On, "", "berjalan", 0))).Status.ShouldBe(HttpStatusCode.Redirect);
        var saved = await Portal.WithDbAsync(db => db.HubMilestones.SingleAsync(m => m.HubId == east));
        (saved.Kind, saved.Status, saved.ActualStart, saved.Version).ShouldBe((MilestoneKind.Mentoring, MilestoneStatus.InProgress, Today, 1));

        // A form read before that save is refused, not merged.
        (await PostAsync(hubAdmin, path, Milestone(4, $"{Year}-01-10", $"{Year}-12-10", On, On, "selesai", 0))).Body.ShouldContain("sudah diubah orang lain");
        (await Portal.WithDbAsync(db => db.HubMilestones.SingleAsync(m => m.HubId == east))).Status.ShouldBe(MilestoneStatus.InProgress);
        (await PostAsync(hubAdmin, path, Milestone(4, $"{Year}-01-10", $"{Year}-12-10", On, On, "selesai", 1))).Status.ShouldBe(HttpStatusCode.Redirect);
        (await Portal.Browser().GetStringAsync($"/hub/{east}")).ShouldContain("Selesai");

        // Designation belongs to national administrators only.
        (await hubAdmin.GetAsync("/admin/hub")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task A_candidate_proposed_by_mistake_is_deleted_and_a_hub_with_history_is_not()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var admin = await AdminHttp.ClientAsync(Portal);
        var proposed = await AdminHttp.PostAsync(admin, "/admin/hub", new() { ["Province"] = "17" });
        var id = int.Parse(proposed.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var deleted = await AdminHttp.PostAsync(admin, $"/admin/hub/{id}?handler=delete", []);
        deleted.Headers.Location!.OriginalString.ShouldBe("/admin/hub");
        (await Portal.WithDbAsync(db => db.Hubs.AnyAsync(h => h.Id == id))).ShouldBeFalse();
        (await Portal.WithDbAsync(db => db.HubAssessments.AnyAsync(a => a.HubId == id))).ShouldBeFalse();
        (await Portal.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Entity == "hubs" && a.Action == "delete"))).ShouldBe(1);

        // A reference hub has a designation (and here a mentor's role over it): refused, naming both, nothing removed.
        var jatim = await Portal.WithDbAsync(db => db.Hubs.Where(h => h.ProvinceCode == "35").Select(h => h.Id).SingleAsync());
        await AdminHttp.EnsureAccountAsync(Portal, "dosen@unair.ac.id", "Dosen", AccountRole.Mentor, GrantScope.Hub, $"{jatim}");
        var refused = await PostAsync(admin, $"/admin/hub/{jatim}?handler=delete", []);
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Body.ShouldContain("Hub JIPP Provinsi Jawa Timur tidak dapat dihapus karena sudah memiliki 1 penetapan, 1 peran akun atas hub ini");
        (await Portal.WithDbAsync(db => db.Hubs.AnyAsync(h => h.Id == jatim))).ShouldBeTrue();
    }

    private static Dictionary<string, string> Decree(string number) => new() { ["Number"] = number, ["Title"] = "Penetapan Hub JIPP", ["Date"] = On, ["Year"] = Year };

    private static Dictionary<string, string> Scores(params string[] scores) => Enumerable.Range(1, 4)
        .SelectMany(i => new[] { ($"Scores[{i}].Score", scores[i - 1]), ($"Scores[{i}].Evidence", $"Bukti kriteria {i}"), ($"Scores[{i}].Notes", "") })
        .ToDictionary(p => p.Item1, p => p.Item2);

    private static Dictionary<string, string> Milestone(int kind, string plannedStart, string plannedEnd, string actualStart, string actualEnd, string status, int version) => new()
    {
        [$"M[{kind}].PlannedStart"] = plannedStart, [$"M[{kind}].PlannedEnd"] = plannedEnd, [$"M[{kind}].ActualStart"] = actualStart,
        [$"M[{kind}].ActualEnd"] = actualEnd, [$"M[{kind}].Status"] = status, [$"M[{kind}].Version"] = $"{version}", [$"M[{kind}].Evidence"] = "Undangan rapat",
    };

    private Task<string> AssessmentVersionAsync(int hubId) => Portal.WithDbAsync(async db =>
        (await db.HubAssessments.Where(a => a.HubId == hubId && a.Decision == AssessmentDecision.Pending).Select(a => a.Version).SingleAsync()).ToString(CultureInfo.InvariantCulture));

    private static Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string path, Dictionary<string, string> fields) =>
        AdminHttp.PostReadAsync(client, path, fields);
}

public sealed class SqliteHubProgrammeTests() : HubProgrammeTests(DatabaseProvider.Sqlite);

public sealed class PostgresHubProgrammeTests() : HubProgrammeTests(DatabaseProvider.PostgreSql);
