using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jippnas.BrowserTests;

/// <summary>
/// The hub maturity self-assessment in Chromium: a hub administrator answers every question of the shipped
/// instrument (one submission refused first for an unanswered question), submits; a national administrator
/// verifies it; the hub's public page shows the verified score. With JavaScript off and on, on a 360-px phone,
/// every page checked with axe where scripts run.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class MaturityPageTests(PortalFixture portal)
{
    [SkippableTheory]
    [InlineData(false, "73")]
    [InlineData(true, "33")]
    public async Task A_hub_answers_submits_and_a_national_administrator_verifies(bool javaScript, string province)
    {
        var options = new BrowserNewContextOptions { JavaScriptEnabled = javaScript, ViewportSize = new ViewportSize { Width = 360, Height = 740 } };
        var hubId = 0;
        await portal.InScopeAsync(async services => hubId = await services.GetRequiredService<JippnasDb>().Hubs.Where(h => h.ProvinceCode == province).Select(h => h.Id).SingleAsync());
        try
        {
            await WalkAsync(options, javaScript, province, hubId);
        }
        finally
        {
            // The page may be walked again on this portal: the hub's assessment goes with the test.
            await portal.InScopeAsync(services => services.GetRequiredService<JippnasDb>().MaturityAssessments.Where(a => a.HubId == hubId).ExecuteDeleteAsync());
        }
    }

    private async Task WalkAsync(BrowserNewContextOptions options, bool javaScript, string province, int hubId)
    {
        var email = $"kematangan-{province}@prov.go.id";
        await using var hubContext = await portal.SignedInContextAsync(options, email, AccountRole.HubAdministrator, GrantScope.Province, province);
        var hub = await hubContext.NewPageAsync();
        await hub.GotoAsync("/kelola/hub");
        await hub.ClickAsync($"a[href='/kelola/hub/{hubId}/kematangan']");
        await hub.WaitForURLAsync($"**/kelola/hub/{hubId}/kematangan");
        await Pages.CheckAsync(hub, javaScript);

        // Every question answered at its best option but the last one, with evidence: submitting is refused.
        var groups = await hub.Locator("form.programme fieldset").CountAsync();
        groups.ShouldBe(11);
        for (var i = 0; i < groups - 1; i++)
        {
            var fieldset = hub.Locator("form.programme fieldset").Nth(i);
            await fieldset.Locator("input[type=radio]").Last.CheckAsync();
            await fieldset.Locator("textarea").First.FillAsync($"Dokumen pendukung {i + 1}");
        }

        await hub.ClickAsync("button >> text=Kirim untuk verifikasi");
        (await hub.TextContentAsync(".errors")).ShouldNotBeNull().ShouldContain("E2: wajib dijawab sebelum penilaian dikirim");
        await Pages.CheckAsync(hub, javaScript);
        var last = hub.Locator("form.programme fieldset").Nth(groups - 1);
        (await hub.Locator("form.programme fieldset").Nth(0).Locator("input[type=radio]").Last.IsCheckedAsync()).ShouldBeTrue(); // kept
        await last.Locator("input[type=radio]").Last.CheckAsync();
        await hub.ClickAsync("button >> text=Kirim untuk verifikasi");
        (await hub.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Penilaian dikirim untuk verifikasi");
        (await hub.TextContentAsync("table tfoot")).ShouldNotBeNull().ShouldContain("100");
        await Pages.CheckAsync(hub, javaScript);

        // The national administrator finds it awaiting verification and verifies it as the hub answered.
        await using var adminContext = await portal.SignedInContextAsync(options);
        var admin = await adminContext.NewPageAsync();
        await admin.GotoAsync("/admin/hub/kematangan");
        await Pages.CheckAsync(admin, javaScript);
        await admin.ClickAsync($"a[href='/kelola/hub/{hubId}/kematangan/2025']");
        await admin.WaitForURLAsync($"**/kelola/hub/{hubId}/kematangan/2025");
        await Pages.CheckAsync(admin, javaScript);
        await admin.SelectOptionAsync($"select[name^='V[']>> nth=0", new SelectOptionValue { Index = 2 });
        await admin.CheckAsync("#keputusan_verifikasi");
        await admin.FillAsync("#verifier_note", "Bukti lengkap; P1 dinilai pada jenjang kedua.");
        await admin.ClickAsync("button >> text=Simpan verifikasi");
        (await admin.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Penilaian terverifikasi");
        await Pages.CheckAsync(admin, javaScript);

        // P1 (weight 3 of 25) at 40 instead of 100: 100 − 3 × 60 ÷ 25 = 92.8, "Unggul".
        await admin.GotoAsync($"/hub/{hubId}");
        var section = await admin.Locator("main").TextContentAsync();
        section.ShouldNotBeNull().ShouldContain("Kematangan hub 2025 (terverifikasi)");
        section.ShouldContain("Unggul");
        await Pages.CheckAsync(admin, javaScript);
    }
}
