using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Maturity;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.IntegrationTests;

/// <summary>
/// The hub maturity self-assessment on both databases, through the pages: the instrument shipped with the portal
/// is there and downloads as a file that reads back; bad instrument files are refused naming the place in the file
/// and store nothing; a hub administrator saves a draft, is refused a submission with a question unanswered or
/// evidence missing, submits; a national administrator returns it with a note and, after the hub submits again,
/// verifies it; the verified result is on the hub's public page and in the export; a used instrument is not replaced.
/// </summary>
public abstract class MaturityTests(DatabaseProvider provider) : FreshPortalTests(provider)
{
    [SkippableFact]
    public async Task A_hub_scores_itself_and_a_national_administrator_returns_then_verifies_it()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var admin = await AdminHttp.ClientAsync(Portal);
        var instrument = await Portal.WithDbAsync(db => db.MaturityInstruments.Include(i => i.Levels).Include(i => i.Aspects).ThenInclude(a => a.Questions).ThenInclude(q => q.Options).AsSplitQuery().SingleAsync());
        instrument.Year.ShouldBe(2025);
        var questions = instrument.Questions.ToList();
        questions.Count.ShouldBe(11);
        var year = $"{instrument.Year}";

        // The shipped instrument downloads as a file that reads back whole.
        var file = await admin.GetStringAsync($"/admin/hub/kematangan?tahun={year}&handler=file");
        var (reread, problems) = MaturityInstrumentFile.Read(file, 2100);
        problems.ShouldBeEmpty();
        reread!.Questions.Select(q => (q.Code, q.Weight, q.Options.Count)).ShouldBe(questions.Select(q => (q.Code, q.Weight, q.Options.Count)));

        var hubId = await Portal.WithDbAsync(db => db.Hubs.Where(h => h.ProvinceCode == "35").Select(h => h.Id).SingleAsync());
        var otherHub = await Portal.WithDbAsync(db => db.Hubs.Where(h => h.ProvinceCode == "16").Select(h => h.Id).SingleAsync());
        await AdminHttp.EnsureAccountAsync(Portal, "kematangan@jatimprov.go.id", "Admin Hub Jatim", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var hubAdmin = await AdminHttp.SignInAsync(Portal, "kematangan@jatimprov.go.id", AdminHttp.Password, null);
        (await hubAdmin.GetAsync($"/kelola/hub/{otherHub}/kematangan/{year}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await hubAdmin.GetAsync($"/kelola/hub/{hubId}/kematangan/1999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var path = $"/kelola/hub/{hubId}/kematangan/{year}";
        WebUtility.HtmlDecode(await hubAdmin.GetStringAsync($"/kelola/hub/{hubId}/kematangan")).ShouldContain(questions[0].Text);

        // A draft with two answers; an option of another question is refused by its code.
        var first = questions[0];
        var draft = new Dictionary<string, string> { ["versi"] = "0", ["kirim"] = "0" }
            .Answer(first, Opt(first, 1), "Perda No. 3 Tahun 2024")
            .Answer(questions[1], Opt(questions[1], 0), null);
        var wrong = await AdminHttp.PostReadAsync(hubAdmin, path, new Dictionary<string, string>(draft) { [$"A[{first.Id}].Option"] = $"{Opt(questions[1], 0)}" });
        wrong.Status.ShouldBe(HttpStatusCode.BadRequest);
        wrong.Body.ShouldContain($"{first.Code}: '{Opt(questions[1], 0)}' bukan salah satu pilihan jawaban pertanyaan ini");
        (await Portal.WithDbAsync(db => db.MaturityAssessments.CountAsync())).ShouldBe(0);
        (await AdminHttp.PostAsync(hubAdmin, path, draft)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await AssessmentAsync(hubId);
        (stored.State, stored.Version, stored.Answers.Count).ShouldBe((MaturityState.Draft, 1, 2));
        (await AdminHttp.PostReadAsync(hubAdmin, path, draft)).Body.ShouldContain("sudah diubah orang lain"); // read at version 0

        // Submitting with questions unanswered, and evidence missing where the instrument asks for it.
        var incomplete = await AdminHttp.PostReadAsync(hubAdmin, path, new Dictionary<string, string>(draft) { ["versi"] = "1", ["kirim"] = "1" });
        incomplete.Status.ShouldBe(HttpStatusCode.BadRequest);
        incomplete.Body.ShouldContain($"{questions[2].Code}: wajib dijawab sebelum penilaian dikirim");
        incomplete.Body.ShouldContain($"{questions[1].Code}, bukti: wajib diisi untuk pertanyaan ini");
        (await AssessmentAsync(hubId)).State.ShouldBe(MaturityState.Draft);

        // Every question at its third option (score 70): the self score is 70, "Mapan".
        var full = new Dictionary<string, string> { ["versi"] = "1", ["kirim"] = "1" };
        foreach (var q in questions)
        {
            full.Answer(q, Opt(q, 2), $"Bukti {q.Code}");
        }

        (await AdminHttp.PostAsync(hubAdmin, path, full)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stored = await AssessmentAsync(hubId);
        (stored.State, stored.SelfTotal).ShouldBe((MaturityState.Submitted, 70d));
        (await AdminHttp.PostReadAsync(hubAdmin, path, new Dictionary<string, string>(full) { ["versi"] = "2" })).Body.ShouldContain("sedang diverifikasi");
        (await AdminHttp.PostAsync(hubAdmin, $"{path}?handler=verify", Verdict(questions, 0, "verifikasi", null, "2"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The verifier: returning needs a note; verifying needs every answer verified; then returned with a note.
        var noNote = await AdminHttp.PostReadAsync(admin, $"{path}?handler=verify", Verdict(questions, 1, "kembalikan", null, "2"));
        noNote.Body.ShouldContain("Catatan verifikasi: wajib diisi saat penilaian dikembalikan ke hub");
        var missing = Verdict(questions, 1, "verifikasi", null, "2");
        missing.Remove($"V[{questions[^1].Id}].Option");
        (await AdminHttp.PostReadAsync(admin, $"{path}?handler=verify", missing)).Body.ShouldContain($"{questions[^1].Code}: nilai verifikasi wajib dipilih");
        (await AdminHttp.PostReadAsync(admin, $"{path}?handler=verify", Verdict(questions, 1, "putuskan", null, "2"))).Body.ShouldContain("keputusan: pilih simpan, verifikasi atau kembalikan");
        (await AdminHttp.PostAsync(admin, $"{path}?handler=verify", Verdict(questions, 1, "kembalikan", "Bukti P1 belum menyebut halaman RPJMD.", "2"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stored = await AssessmentAsync(hubId);
        (stored.State, stored.VerifierNote).ShouldBe((MaturityState.Returned, "Bukti P1 belum menyebut halaman RPJMD."));
        WebUtility.HtmlDecode(await hubAdmin.GetStringAsync(path)).ShouldContain("Bukti P1 belum menyebut halaman RPJMD.");

        // The hub submits again; verified at the second option (score 40): "Berkembang", shown on the public page.
        (await AdminHttp.PostAsync(hubAdmin, path, new Dictionary<string, string>(full) { ["versi"] = $"{stored.Version}" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stored = await AssessmentAsync(hubId);
        (await AdminHttp.PostAsync(admin, $"{path}?handler=verify", Verdict(questions, 1, "verifikasi", "Sesuai bukti.", $"{stored.Version}"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stored = await AssessmentAsync(hubId);
        (stored.State, stored.SelfTotal, stored.VerifiedTotal).ShouldBe((MaturityState.Verified, 70d, 40d));
        var hubPage = WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync($"/hub/{hubId}"));
        hubPage.ShouldContain($"Kematangan hub {year} (terverifikasi)");
        hubPage.ShouldContain("Berkembang");
        WebUtility.HtmlDecode(await Portal.Browser().GetStringAsync($"/hub/{otherHub}")).ShouldNotContain("Kematangan hub");

        // The year's results as a spreadsheet, with every aspect's self and verified score.
        var csv = await admin.GetStringAsync($"/admin/hub/kematangan?tahun={year}&handler=export&format=csv");
        csv.ShouldContain("P_mandiri,P_terverifikasi");
        csv.ShouldContain("Hub JIPP Provinsi Jawa Timur,Terverifikasi,70,Mapan,40,Berkembang,70,40");
        var xlsx = await admin.GetAsync($"/admin/hub/kematangan?tahun={year}&handler=export&format=xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await admin.GetAsync($"/admin/hub/kematangan?tahun={year}&handler=export&format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/admin/hub/kematangan?tahun=abad")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The instrument a hub used is not replaced.
        var replaced = await UploadAsync(admin, file, check: false);
        replaced.Status.ShouldBe(HttpStatusCode.BadRequest);
        replaced.Body.ShouldContain($"Instrumen {year} sudah dipakai 1 penilaian hub");
        (await AdminHttp.PostAsync(hubAdmin, path, full)).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // verified is final
    }

    [SkippableFact]
    public async Task Instrument_files_are_checked_whole_and_loaded_or_replaced_while_unused()
    {
        TestDatabase.SkipUnlessAvailable(Provider);
        var admin = await AdminHttp.ClientAsync(Portal);
        var shipped = await admin.GetStringAsync("/admin/hub/kematangan?tahun=2025&handler=file");
        var next = JsonNode.Parse(shipped)!;
        var year = AdminHttp.Today.Year;
        next["tahun"] = year;
        next["judul"] = $"Instrumen {year}";

        // Not JSON; a typo in a key; each problem of a file named by its place.
        (await UploadAsync(admin, "{ \"tahun\": 2026, ", check: false)).Body.ShouldContain("bukan JSON yang sah");
        var typo = JsonNode.Parse(next.ToJsonString())!;
        typo["aspek"]![0]!["pertanyaan"]![0]!["bobott"] = 2;
        (await UploadAsync(admin, typo.ToJsonString(), check: false)).Body.ShouldContain("kuncinya tidak dikenal");
        var bad = JsonNode.Parse(next.ToJsonString())!;
        bad["tahun"] = year + 2;
        bad["aspek"]![0]!["pertanyaan"]![0]!["bobot"] = 0;
        bad["aspek"]![0]!["pertanyaan"]![1]!["kode"] = "P1";
        bad["aspek"]![1]!["pertanyaan"]![0]!["pilihan"]![1]!["skor"] = 101;
        bad["tingkat"]![1]!["mulai"] = 0;
        var refused = await UploadAsync(admin, bad.ToJsonString(), check: false);
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Body.ShouldContain($"tahun: wajib diisi, antara 2020 dan {year + 1}");
        refused.Body.ShouldContain("aspek 1 (P), pertanyaan 1 (P1), bobot: bilangan bulat 1–100");
        refused.Body.ShouldContain("aspek 1 (P), pertanyaan 2 (P1), kode: 'P1' sudah dipakai pertanyaan lain");
        refused.Body.ShouldContain("aspek 2 (K), pertanyaan 1 (K1), pilihan 2, skor: bilangan bulat 0–100");
        refused.Body.ShouldContain("tingkat 2, mulai: bilangan bulat 0–100");
        (await UploadAsync(admin, new string('x', MaturityInstrumentFile.MaxBytes + 1), check: false)).Body.ShouldContain("berkas: paling besar 1024 KB");
        (await Portal.WithDbAsync(db => db.MaturityInstruments.CountAsync())).ShouldBe(1);

        // Checked only, then loaded, then replaced while no hub has used it.
        var checkedOnly = await UploadAsync(admin, next.ToJsonString(), check: true);
        checkedOnly.Status.ShouldBe(HttpStatusCode.OK);
        checkedOnly.Body.ShouldContain($"Berkas sah: instrumen {year}, 4 aspek, 11 pertanyaan. Belum dimuat.");
        (await Portal.WithDbAsync(db => db.MaturityInstruments.CountAsync())).ShouldBe(1);
        (await UploadAsync(admin, next.ToJsonString(), check: false)).Status.ShouldBe(HttpStatusCode.Redirect);
        next["aspek"]!.AsArray().RemoveAt(3);
        (await UploadAsync(admin, next.ToJsonString(), check: false)).Status.ShouldBe(HttpStatusCode.Redirect);
        var loaded = await Portal.WithDbAsync(db => db.MaturityInstruments.Include(i => i.Aspects).SingleAsync(i => i.Year == year));
        (loaded.Title, loaded.Aspects.Count).ShouldBe(($"Instrumen {year}", 3));
        (await Portal.WithDbAsync(db => db.Set<MaturityAspect>().CountAsync())).ShouldBe(4 + 3); // the replaced one's rows are gone
        WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/hub/kematangan")).ShouldContain($"Instrumen {year}");

        // A hub administrator may not load instruments.
        await AdminHttp.EnsureAccountAsync(Portal, "instrumen@jatimprov.go.id", "Admin Hub Jatim", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var hubAdmin = await AdminHttp.SignInAsync(Portal, "instrumen@jatimprov.go.id", AdminHttp.Password, null);
        (await hubAdmin.GetAsync("/admin/hub/kematangan")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static int Opt(MaturityQuestion question, int index) => question.Options.OrderBy(o => o.Ordinal).ElementAt(index).Id;

    private Task<MaturityAssessment> AssessmentAsync(int hubId) =>
        Portal.WithDbAsync(db => db.MaturityAssessments.Include(a => a.Answers).SingleAsync(a => a.HubId == hubId));

    private static Dictionary<string, string> Verdict(IEnumerable<MaturityQuestion> questions, int optionIndex, string decision, string? note, string version)
    {
        var fields = new Dictionary<string, string> { ["versi"] = version, ["keputusan"] = decision, ["verifier_note"] = note ?? "" };
        foreach (var q in questions)
        {
            fields[$"V[{q.Id}].Option"] = $"{Opt(q, optionIndex)}";
        }

        return fields;
    }

    private static async Task<(HttpStatusCode Status, string Body)> UploadAsync(HttpClient client, string text, bool check)
    {
        var page = await client.GetStringAsync("/admin/hub/kematangan");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(AdminHttp.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "berkas", "instrumen.json" },
        };
        if (check)
        {
            form.Add(new StringContent("true"), "periksa");
        }

        var response = await client.PostAsync("/admin/hub/kematangan", form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}

internal static class AnswerFields
{
    public static Dictionary<string, string> Answer(this Dictionary<string, string> fields, MaturityQuestion question, int optionId, string? evidence)
    {
        fields[$"A[{question.Id}].Option"] = optionId.ToString(CultureInfo.InvariantCulture);
        fields[$"A[{question.Id}].Evidence"] = evidence ?? "";
        return fields;
    }
}

public sealed class SqliteMaturityTests() : MaturityTests(DatabaseProvider.Sqlite);

public sealed class PostgresMaturityTests() : MaturityTests(DatabaseProvider.PostgreSql);
