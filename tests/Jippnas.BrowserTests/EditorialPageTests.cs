using Jippnas.Web.Domain;
using Microsoft.Playwright;

namespace Jippnas.BrowserTests;

/// <summary>
/// The editorial workflow in Chromium, as people do it: an operator writes a new draft and submits it, the hub
/// administrator of the province returns it with a comment, the operator fixes it and submits again, the hub
/// administrator verifies and publishes it, and the public finds the page. With JavaScript off and on, on a 360-px
/// phone, each editorial page checked with axe (WCAG 2.1 AA) where scripts run.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class EditorialPageTests(PortalFixture portal)
{
    private const string Pacitan = "266";

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_operator_s_draft_is_returned_fixed_verified_and_published(bool javaScript)
    {
        var options = new BrowserNewContextOptions { JavaScriptEnabled = javaScript, ViewportSize = new ViewportSize { Width = 360, Height = 740 } };
        var suffix = javaScript ? "Dengan Skrip" : "Tanpa Skrip";
        var name = $"Layanan Jemput Bola Pacitan {suffix}";
        await using var operatorContext = await portal.SignedInContextAsync(options, $"operator-{javaScript}@pacitankab.go.id", AccountRole.Operator, GrantScope.Agency, Pacitan);
        await using var hubContext = await portal.SignedInContextAsync(options, "hub@jatimprov.go.id", AccountRole.HubAdministrator, GrantScope.Province, "35");
        var operatorPage = await operatorContext.NewPageAsync();
        var hubPage = await hubContext.NewPageAsync();

        // A new draft: the agency is chosen for an operator of one agency; a save without a name is refused by field.
        await operatorPage.GotoAsync("/kelola/inovasi");
        await CheckAsync(operatorPage, javaScript);
        await operatorPage.ClickAsync("a.button");
        (await operatorPage.InputValueAsync("#F_agency")).ShouldBe(Pacitan);
        await CheckAsync(operatorPage, javaScript);
        await operatorPage.ClickAsync("button[type=submit] >> text=Simpan draf");
        (await operatorPage.TextContentAsync(".errors")).ShouldNotBeNull().ShouldContain("Nama inovasi: wajib diisi.");

        await operatorPage.FillAsync("#F_name", name);
        await operatorPage.FillAsync("#F_year", "2023");
        await operatorPage.FillAsync("#F_summary", "Petugas mendatangi warga lansia untuk merekam data kependudukan.");
        await operatorPage.FillAsync("#F_problem", "Lansia sulit datang ke kantor dinas.");
        await operatorPage.FillAsync("#F_implementation", "Jadwal kunjungan desa setiap pekan.");
        await operatorPage.ClickAsync("button[type=submit] >> text=Simpan draf");
        (await operatorPage.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Draf tersimpan");
        var editUrl = operatorPage.Url;
        await CheckAsync(operatorPage, javaScript);

        // Submitting without the impact names the missing field; with it the draft goes to the province's hub.
        await operatorPage.ClickAsync("button >> text=Simpan dan ajukan");
        (await operatorPage.TextContentAsync(".errors")).ShouldNotBeNull().ShouldContain("Dampak: wajib diisi sebelum diajukan.");
        await operatorPage.FillAsync("#F_impact", "Perekaman lansia naik dua kali lipat.");
        await operatorPage.ClickAsync("button >> text=Simpan dan ajukan");
        (await operatorPage.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Data diajukan");

        // The hub administrator returns it with a comment.
        await hubPage.GotoAsync("/kelola/inovasi");
        await CheckAsync(hubPage, javaScript);
        await hubPage.ClickAsync($"a >> text={name}");
        await CheckAsync(hubPage, javaScript);
        await hubPage.FillAsync("#catatan", "Sebutkan angka perekaman sebelum dan sesudah program.");
        await hubPage.ClickAsync("button >> text=Kembalikan untuk perbaikan");
        (await hubPage.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("dikembalikan");

        // The operator reads the comment, fixes the impact, submits again.
        await operatorPage.GotoAsync(editUrl);
        (await operatorPage.TextContentAsync("[role=note]")).ShouldNotBeNull().ShouldContain("Sebutkan angka perekaman");
        await operatorPage.FillAsync("#F_impact", "Perekaman lansia naik dari 120 menjadi 260 orang per bulan.");
        await operatorPage.ClickAsync("button >> text=Simpan dan ajukan");
        (await operatorPage.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Data diajukan");

        // Verified, then published.
        await hubPage.GotoAsync(editUrl);
        await hubPage.ClickAsync("button >> text=Verifikasi");
        (await hubPage.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("terverifikasi");
        await hubPage.ClickAsync("button >> text=Terbitkan");
        (await hubPage.TextContentAsync("[role=status]")).ShouldNotBeNull().ShouldContain("Data terbit");

        // The public page, and the history of every step.
        var id = editUrl.Split('/')[^1];
        await using var publicContext = await portal.NewContextAsync(options);
        var publicPage = await publicContext.NewPageAsync();
        (await publicPage.GotoAsync($"/inovasi/{id}")).ShouldNotBeNull().Status.ShouldBe(200);
        (await publicPage.TextContentAsync("h1")).ShouldNotBeNull().ShouldContain(name);
        (await publicPage.ContentAsync()).ShouldContain("dari 120 menjadi 260 orang");

        await operatorPage.GotoAsync($"/kelola/inovasi/{id}/riwayat");
        var history = await operatorPage.TextContentAsync("main") ?? "";
        history.ShouldContain("Dikembalikan");
        history.ShouldContain("Diterbitkan");
        await CheckAsync(operatorPage, javaScript);
    }

    private static Task CheckAsync(IPage page, bool javaScript) => Pages.CheckAsync(page, javaScript);
}
