using System.Globalization;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Hubs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jippnas.BrowserTests;

/// <summary>
/// The hub programme in Chromium, as people do it: a national administrator assesses a candidate province on the
/// four criteria and designates it by decree, adds a university and assigns a mentor to a regency; the mentor
/// records a stage-1 session with two needs; the hub's public page shows them. With JavaScript off and on, on a
/// 360-px phone, every page checked with axe (WCAG 2.1 AA) where scripts run.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class HubProgrammePageTests(PortalFixture portal)
{
    private int? designated;

    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Jippnas.Web.Features.Shared.Formats.Jakarta).DateTime);

    [SkippableTheory]
    [InlineData(false, "11", "11.01")]
    [InlineData(true, "12", "12.01")]
    public async Task A_province_is_designated_a_mentor_assigned_and_a_stage_one_session_with_two_needs_shows_on_the_hub(bool javaScript, string province, string regency)
    {
        var options = new BrowserNewContextOptions { JavaScriptEnabled = javaScript, ViewportSize = new ViewportSize { Width = 360, Height = 740 } };
        try
        {
            await WalkAsync(options, javaScript, province, regency);
        }
        finally
        {
            // The other tests on this portal count the twelve hubs of the reference data: the new one ends here.
            if (designated is { } id)
            {
                await portal.InScopeAsync(services => services.GetRequiredService<HubOffice>()
                    .EndAsync(id, Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Akhir uji peramban.", CancellationToken.None));
            }
        }
    }

    // The whole path; sets the designated hub's id for the clean-up.
    private async Task WalkAsync(BrowserNewContextOptions options, bool javaScript, string province, string regency)
    {
        await using var adminContext = await portal.SignedInContextAsync(options);
        var admin = await adminContext.NewPageAsync();

        // Proposed, assessed on the four criteria (a score out of range first), approved.
        await admin.GotoAsync("/admin/hub");
        await CheckAsync(admin, javaScript);
        await admin.SelectOptionAsync("#province", province);
        await admin.ClickAsync("button >> text=Usulkan dan mulai penilaian");
        await admin.WaitForURLAsync("**/admin/hub/*");
        var hubId = admin.Url.Split('/')[^1];
        await CheckAsync(admin, javaScript);
        await admin.FillAsync("#score_1", "120");
        await admin.ClickAsync("button >> text=Simpan penilaian");
        (await admin.TextContentAsync(".errors")).ShouldNotBeNull().ShouldContain("harus bilangan bulat 0–100");
        foreach (var (criterion, score) in new[] { (1, "85"), (2, "90"), (3, "75"), (4, "80") })
        {
            await admin.FillAsync($"#score_{criterion}", score);
            await admin.FillAsync($"#evidence_{criterion}", $"Bukti kriteria {criterion}: laporan dan dokumen pendukung.");
        }

        await admin.CheckAsync("#decision_approve");
        await admin.ClickAsync("button >> text=Simpan penilaian");
        (await admin.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Penilaian disetujui");

        // Designated by decree.
        await admin.FillAsync("#number", $"KepmenPANRB No. {province} Tahun {Today.Year}");
        await admin.FillAsync("#date", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await admin.FillAsync("#year", $"{Today.Year}");
        await admin.ClickAsync("button >> text=Tetapkan sebagai Hub JIPP");
        (await admin.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Hub ditetapkan");
        designated = int.Parse(hubId, CultureInfo.InvariantCulture);
        await CheckAsync(admin, javaScript);

        // A university joins the hub; a lecturer of it is assigned to one regency.
        await admin.GotoAsync($"/kelola/hub/{hubId}/pendampingan");
        await CheckAsync(admin, javaScript);
        var university = $"Universitas Negeri Provinsi {province}";
        await admin.FillAsync("#member_name", university);
        await admin.SelectOptionAsync("#member_kind", "perguruan-tinggi");
        await admin.FillAsync("#member_role", "Perguruan tinggi pendamping");
        await admin.ClickAsync("button >> text=Tambahkan");
        (await admin.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Anggota jaringan ditambahkan");
        var mentorEmail = $"dosen-{province}@universitas.ac.id";
        await portal.AccountAsync(mentorEmail, $"Dosen Pendamping {province}", AccountRole.Mentor, GrantScope.Hub, hubId);
        await admin.FillAsync("#email", mentorEmail);
        await admin.SelectOptionAsync("#member", new SelectOptionValue { Label = university });
        await admin.CheckAsync($"#r_{regency.Replace(".", "_", StringComparison.Ordinal)}");
        await admin.FillAsync("#starts_on", Today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await admin.FillAsync("#ends_on", Today.AddDays(200).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await admin.ClickAsync("button >> text=Tugaskan");
        (await admin.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("ditugaskan sebagai pendamping");
        var regencyName = await admin.TextContentAsync($"label[for=r_{regency.Replace(".", "_", StringComparison.Ordinal)}]") ?? "";
        await CheckAsync(admin, javaScript);

        // The mentor records a stage-1 session with two needs; a regency outside the assignment is refused first.
        await using var mentorContext = await portal.SignedInContextAsync(options, mentorEmail, AccountRole.Mentor, GrantScope.Hub, hubId);
        var mentor = await mentorContext.NewPageAsync();
        await mentor.GotoAsync("/kelola/pendampingan");
        await CheckAsync(mentor, javaScript);
        await mentor.ClickAsync("a >> text=Catat sesi pendampingan");
        await mentor.WaitForURLAsync("**/kelola/pendampingan/sesi/baru**");
        await CheckAsync(mentor, javaScript);
        await mentor.FillAsync("#topics", "Pemetaan kesenjangan layanan dasar bersama Bappeda dan OPD.");
        await mentor.FillAsync("#findings", "Data layanan kesehatan dan kependudukan belum terpadu.");
        await mentor.FillAsync("#attendance_count", "31");
        await mentor.FillAsync("#need1_problem", "Prevalensi stunting di desa pesisir masih tinggi.");
        await mentor.SelectOptionAsync("#need1_priority", "tinggi");
        await mentor.FillAsync("#need1_indicator", "Prevalensi stunting");
        await mentor.FillAsync("#need1_value", "27,5");
        await mentor.FillAsync("#need1_unit", "persen");
        await mentor.FillAsync("#need2_problem", "Antrean perekaman KTP-el di kecamatan terpencil.");
        await mentor.FillAsync("#held_on", Today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await mentor.ClickAsync("button >> text=Simpan sesi");
        (await mentor.TextContentAsync(".errors")).ShouldNotBeNull().ShouldContain("belum terjadi");
        await mentor.FillAsync("#held_on", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await mentor.ClickAsync("button >> text=Simpan sesi");
        (await mentor.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Sesi pendampingan tersimpan");
        (await mentor.TextContentAsync("main")).ShouldNotBeNull().ShouldContain("Prevalensi stunting");
        await CheckAsync(mentor, javaScript);

        // The hub's page: designated, and its mentoring progress by stage with the two open needs.
        await using var publicContext = await portal.NewContextAsync(options);
        var visitor = await publicContext.NewPageAsync();
        (await visitor.GotoAsync($"/hub/{hubId}")).ShouldNotBeNull().Status.ShouldBe(200);
        var dashboard = await visitor.TextContentAsync("main") ?? "";
        dashboard.ShouldContain($"KepmenPANRB No. {province} Tahun {Today.Year}");
        dashboard.ShouldContain("Tahap 1");
        var row = await visitor.TextContentAsync($"tr:has(a[href='/kabupaten-kota/{regency}'])") ?? "";
        row.ShouldContain(regencyName.Trim());
        row.Trim().ShouldEndWith("2"); // two open needs
        await CheckAsync(visitor, javaScript);
        (await visitor.GotoAsync($"/kabupaten-kota/{regency}")).ShouldNotBeNull().Status.ShouldBe(200);
        (await visitor.TextContentAsync("main")).ShouldNotBeNull().ShouldContain("Prevalensi stunting di desa pesisir");
    }

    private static Task CheckAsync(IPage page, bool javaScript) => Pages.CheckAsync(page, javaScript);
}
