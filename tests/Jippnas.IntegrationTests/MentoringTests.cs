using System.Globalization;
using System.Net;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.IntegrationTests;

/// <summary>
/// Mentoring on both databases, through the pages: a hub administrator adds a university and assigns mentors to some
/// regencies/cities for a period; a mentor records a stage-1 session with the needs found, only inside the
/// assignment; the needs show on the regency/city page and the hub's dashboard; bad input is named and writes nothing.
/// </summary>
public abstract class MentoringTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    private static readonly DateOnly Today = AdminHttp.Today;

    [SkippableFact]
    public async Task A_mentor_records_a_stage_one_session_with_two_needs_inside_the_assignment_only()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var hubId = await Portal.WithDbAsync(db => db.Hubs.Where(h => h.ProvinceCode == "35").Select(h => h.Id).SingleAsync());
        var hubAdmin = await SignInAsync("hub@jatimprov.go.id", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var page = $"/kelola/hub/{hubId}/pendampingan";

        // The university joins the hub; a member without a name is refused by field.
        (await PostAsync(hubAdmin, $"{page}?handler=member", Member(""))).Body.ShouldContain("Nama anggota: wajib diisi");
        (await PostAsync(hubAdmin, $"{page}?handler=member", Member("Universitas Airlangga"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var unair = await Portal.WithDbAsync(db => db.NetworkMembers.Where(m => m.Name == "Universitas Airlangga").Select(m => m.Id).SingleAsync());
        (await Portal.Browser().GetStringAsync("/jaringan")).ShouldContain("Universitas Airlangga");

        // Bad assignments: a regency of another province, an end before the start, none chosen.
        await AdminHttp.EnsureAccountAsync(Portal, "dosen@unair.ac.id", "Dr. Dosen Pendamping", AccountRole.Mentor, GrantScope.Hub, $"{hubId}");
        (await PostAsync(hubAdmin, $"{page}?handler=assign", Assignment("dosen@unair.ac.id", unair, ["35.01", "16.01"]))).Body.ShouldContain("16.01 bukan kabupaten/kota di wilayah hub ini");
        (await PostAsync(hubAdmin, $"{page}?handler=assign", Assignment("dosen@unair.ac.id", unair, ["35.01"]).With("ends_on", Iso(Today.AddDays(-60))))).Body.ShouldContain("Selesai bertugas");
        (await PostAsync(hubAdmin, $"{page}?handler=assign", Assignment("dosen@unair.ac.id", unair, []))).Body.ShouldContain("Kabupaten/kota: pilih paling sedikit satu");
        (await Portal.WithDbAsync(db => db.MentorAssignments.CountAsync())).ShouldBe(0);
        (await PostAsync(hubAdmin, $"{page}?handler=assign", Assignment("dosen@unair.ac.id", unair, ["35.01", "35.02"]))).Status.ShouldBe(HttpStatusCode.Redirect);

        // Someone without an account is invited, with a mentor role over this hub only.
        (await PostAsync(hubAdmin, $"{page}?handler=assign", Assignment("dosen.baru@unair.ac.id", unair, ["35.03"]).With("full_name", "Dosen Baru"))).Status.ShouldBe(HttpStatusCode.Redirect);
        Portal.LatestMailTo("dosen.baru@unair.ac.id").ShouldContain("/masuk/atur-ulang");
        (await Portal.WithDbAsync(db => db.RoleGrants.SingleAsync(g => db.Users.Any(u => u.Id == g.UserId && u.Email == "dosen.baru@unair.ac.id")))).ScopeKey.ShouldBe($"{hubId}");

        var mentor = await AdminHttp.SignInAsync(Portal, "dosen@unair.ac.id", AdminHttp.Password, null);
        var assignment = await Portal.WithDbAsync(db => db.MentorAssignments.Where(a => a.Regions.Count == 2).Select(a => a.Id).SingleAsync());
        var form = Session(assignment, "35.01", Iso(Today))
            .With("need[0].Problem", "Angka stunting tinggi di desa pesisir").With("need[0].Priority", "tinggi").With("need[0].IndicatorName", "Prevalensi stunting")
            .With("need[0].IndicatorValue", "27,5").With("need[0].IndicatorUnit", "persen").With("need[0].IndicatorYear", $"{Today.Year - 1}")
            .With("need[1].Problem", "Antrean layanan KTP di kecamatan terpencil").With("need[1].Priority", "sedang");

        // Outside the assignment (a regency not assigned, a date before it began, a date to come), a bad value: nothing is written.
        (await PostAsync(mentor, "/kelola/pendampingan/sesi/baru", Session(assignment, "35.03", Iso(Today)))).Body.ShouldContain("di luar penugasan Anda");
        (await PostAsync(mentor, "/kelola/pendampingan/sesi/baru", Session(assignment, "35.01", Iso(Today.AddDays(-40))))).Body.ShouldContain("di luar masa penugasan Anda");
        (await PostAsync(mentor, "/kelola/pendampingan/sesi/baru", Session(assignment, "35.01", Iso(Today.AddDays(3))))).Body.ShouldContain("belum terjadi");
        (await PostAsync(mentor, "/kelola/pendampingan/sesi/baru", new Dictionary<string, string>(form).With("need[0].IndicatorValue", "banyak"))).Body.ShouldContain("Kebutuhan 1 — nilai indikator: 'banyak' bukan angka");
        var other = await Portal.WithDbAsync(db => db.MentorAssignments.Where(a => a.Id != assignment).Select(a => a.Id).SingleAsync());
        (await PostAsync(mentor, "/kelola/pendampingan/sesi/baru", Session(other, "35.03", Iso(Today)))).Body.ShouldContain("Penugasan: pilih salah satu penugasan Anda");
        (await Portal.WithDbAsync(db => db.MentoringSessions.CountAsync())).ShouldBe(0);
        (await Portal.WithDbAsync(db => db.Needs.CountAsync())).ShouldBe(0);

        var saved = await AdminHttp.PostAsync(mentor, "/kelola/pendampingan/sesi/baru", form);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var needs = await Portal.WithDbAsync(db => db.Needs.Include(n => n.Indicators).OrderBy(n => n.Id).ToListAsync());
        needs.Count.ShouldBe(2);
        needs.ShouldAllBe(n => n.Origin == NeedOrigin.MentoringStageOne && n.RegencyCode == "35.01" && n.Status == NeedStatus.Open);
        needs[0].Indicators.ShouldHaveSingleItem().Value.ShouldBe(27.5m);
        (await Portal.WithDbAsync(db => db.MentoringStages.SingleAsync())).Title.ShouldBe(MentoringStage.DefaultTitle(1));

        // The session for its mentor and the hub's administrators; the needs on the regency's page and the hub's dashboard.
        var session = saved.Headers.Location!.OriginalString;
        (await mentor.GetStringAsync(session)).ShouldContain("Prevalensi stunting");
        (await hubAdmin.GetAsync(session)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stranger = await SignInAsync("dosen@unsri.ac.id", AccountRole.Mentor, GrantScope.Hub, await Portal.WithDbAsync(db => db.Hubs.Where(h => h.ProvinceCode == "16").Select(h => $"{h.Id}").SingleAsync()));
        (await stranger.GetAsync(session)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Portal.Browser().GetStringAsync("/kabupaten-kota/35.01")).ShouldContain("Angka stunting tinggi di desa pesisir");
        var dashboard = await Portal.Browser().GetStringAsync($"/hub/{hubId}");
        dashboard.ShouldContain("Tahap 1");
        dashboard.ShouldContain("Kabupaten Pacitan");
        dashboard.ShouldNotContain("Antrean layanan KTP"); // the dashboard shows counts, not the mentors' notes

        // The mentor corrects the notes (not the hub's administrator); a bad count and a stale form are refused.
        var edit = new Dictionary<string, string> { ["versi_sesi"] = "1", ["topics"] = "Pemetaan kesenjangan layanan", ["findings"] = "Data kependudukan belum terpadu.", ["attendance_count"] = "banyak" };
        (await PostAsync(mentor, $"{session}?handler=edit", edit)).Body.ShouldContain("Jumlah peserta: 'banyak' harus bilangan bulat");
        (await PostAsync(hubAdmin, $"{session}?handler=edit", new Dictionary<string, string>(edit) { ["attendance_count"] = "30" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(mentor, $"{session}?handler=edit", new Dictionary<string, string>(edit) { ["attendance_count"] = "30" })).Status.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(mentor, $"{session}?handler=edit", new Dictionary<string, string>(edit) { ["attendance_count"] = "31" })).Body.ShouldContain("sudah diubah sejak Anda membukanya");
        var corrected = await Portal.WithDbAsync(db => db.MentoringSessions.SingleAsync());
        (corrected.Findings, corrected.AttendanceCount, corrected.Version).ShouldBe(("Data kependudukan belum terpadu.", 30, 2));

        // Its documents: kept by their content, served only to those who see the session.
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        (await UploadAsync(hubAdmin, session, "daftar-hadir.pdf", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0])).Body.ShouldContain("Berkas:");
        (await UploadAsync(hubAdmin, session, "daftar-hadir.pdf", pdf)).Status.ShouldBe(HttpStatusCode.Redirect);
        var file = await Portal.WithDbAsync(db => db.MentoringSessionFiles.SingleAsync());
        (await mentor.GetByteArrayAsync($"{session}?handler=file&file={file.Id}")).ShouldBe(pdf);
        (await stranger.GetAsync($"{session}?handler=file&file={file.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await mentor.GetAsync($"{session}?handler=file&file=999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A need moves on: an unknown status and a stale form are refused; closed, it leaves the regency's page.
        var need = needs[0];
        var statusPath = $"{session}?handler=status";
        (await PostAsync(mentor, statusPath, new() { ["need"] = $"{need.Id}", ["status"] = "selesai", ["versi"] = "1" })).Body.ShouldContain("Status: 'selesai' tidak dikenal");
        (await PostAsync(stranger, statusPath, new() { ["need"] = $"{need.Id}", ["status"] = "ditutup", ["versi"] = "1" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(hubAdmin, statusPath, new() { ["need"] = $"{need.Id}", ["status"] = "dipadankan", ["versi"] = "1" })).Status.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(mentor, statusPath, new() { ["need"] = $"{need.Id}", ["status"] = "ditutup", ["versi"] = "1" })).Body.ShouldContain("sudah diubah orang lain");
        (await PostAsync(mentor, statusPath, new() { ["need"] = $"{need.Id}", ["status"] = "ditutup", ["versi"] = "2" })).Status.ShouldBe(HttpStatusCode.Redirect);
        (await Portal.WithDbAsync(db => db.Needs.Where(n => n.Id == need.Id).Select(n => n.Status).SingleAsync())).ShouldBe(NeedStatus.Closed);
        (await Portal.Browser().GetStringAsync("/kabupaten-kota/35.01")).ShouldNotContain("Angka stunting tinggi di desa pesisir");

        // Ended today: the mentor records nothing after today; what was recorded stays.
        (await PostAsync(hubAdmin, $"{page}?handler=end&assignment={assignment}", [])).Status.ShouldBe(HttpStatusCode.Redirect);
        (await Portal.WithDbAsync(db => db.MentorAssignments.Where(a => a.Id == assignment).Select(a => a.EndsOn).SingleAsync())).ShouldBe(Today);
        (await PostAsync(hubAdmin, $"{page}?handler=end&assignment={assignment}", [])).Body.ShouldContain("sudah berakhir"); // from tomorrow
        (await Portal.WithDbAsync(db => db.MentoringSessions.CountAsync())).ShouldBe(1);
    }

    private static async Task<(HttpStatusCode Status, string Body)> UploadAsync(HttpClient client, string session, string name, byte[] content)
    {
        var page = await client.GetStringAsync(session);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(AdminHttp.Token(page)), "__RequestVerificationToken" },
            { new StringContent("Daftar hadir sesi"), "keterangan" },
            { new ByteArrayContent(content), "berkas", name },
        };
        var response = await client.PostAsync($"{session}?handler=upload", form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Member(string name) => new()
    {
        ["member_name"] = name, ["member_kind"] = "perguruan-tinggi", ["member_role"] = "Perguruan tinggi pendamping", ["member_since"] = $"{Today.Year}", ["member_website"] = "https://unair.ac.id",
    };

    private static Dictionary<string, string> Assignment(string email, int member, string[] regencies)
    {
        var fields = new Dictionary<string, string> { ["email"] = email, ["member"] = $"{member}", ["starts_on"] = Iso(Today.AddDays(-30)), ["ends_on"] = Iso(Today.AddDays(300)) };
        for (var i = 0; i < regencies.Length; i++)
        {
            fields[$"regencies[{i}]"] = regencies[i];
        }

        return fields;
    }

    private static Dictionary<string, string> Session(int assignment, string regency, string heldOn) => new()
    {
        ["penugasan"] = $"{assignment}", ["stage"] = "1", ["regency"] = regency, ["held_on"] = heldOn, ["topics"] = "Pemetaan masalah layanan dasar",
        ["findings"] = "Data layanan belum terpadu.", ["attendance_count"] = "24",
    };

    private async Task<HttpClient> SignInAsync(string email, AccountRole role, GrantScope scope, string key)
    {
        await AdminHttp.EnsureAccountAsync(Portal, email, email.Split('@')[0], role, scope, key);
        return await AdminHttp.SignInAsync(Portal, email, AdminHttp.Password, null);
    }

    private static Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string path, Dictionary<string, string> fields) =>
        AdminHttp.PostReadAsync(client, path, fields);
}

public sealed class SqliteMentoringTests() : MentoringTests(DatabaseProvider.Sqlite);

public sealed class PostgresMentoringTests() : MentoringTests(DatabaseProvider.PostgreSql);
