using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Jippnas.BrowserTests;

/// <summary>
/// A curator in Chromium maps a region name a file wrote its own way, saves the file, saves the same innovation from
/// another source, and merges the proposed pair; the name, duplicate and check pages pass axe on a 360-px phone.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class AdminDuplicatePageTests(PortalFixture portal)
{
    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_name_is_mapped_on_the_job_page_and_the_same_innovation_from_two_sources_is_merged(bool javaScript)
    {
        // Each run its own innovation and regency, so the two runs (one portal) never match each other.
        var (run, name, acronym, regency) = javaScript
            ? ("J", "Sistem Informasi Ketersediaan Darah", "SIKADAR", "16.01")
            : ("N", "Layanan Antar Jemput Pasien Cuci Darah", "LAJU", "16.02");
        await using var context = await portal.SignedInContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        var page = await context.NewPageAsync();

        // KIPP writes the regency its own way: the job page lists the name, the curator maps it, the file is checked again.
        await UploadAsync(page, "KIPP", $"ID Proposal,Judul Inovasi,Singkatan,Kabupaten/Kota,Tahun Inisiasi\nBD{run}-1,{name},{acronym},Kab. Tertulis {run},2019\n");
        await page.GetByText("Nama yang belum dikenali").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        if (javaScript)
        {
            await CheckPageAsync(page);
        }

        await page.GetByLabel($"Petakan 'Kab. Tertulis {run}' ke").FillAsync(regency);
        await page.ClickAsync("button >> text=Petakan");
        await page.GetByText("1 inovasi baru").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        await page.ClickAsync("button >> text=Simpan semuanya");
        await page.GetByText("kemungkinan duplikat baru diusulkan").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        // IGA sends the same innovation under its acronym: after its save one pair is proposed.
        await UploadAsync(page, "IGA", $"ID Inovasi,Nama Inovasi,Pemda,Tahun Penerapan\nBD{run}-2,{acronym} ({name}),{regency},2020\n");
        await page.GetByText("1 inovasi baru").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        await page.ClickAsync("button >> text=Simpan semuanya");
        await page.GetByText("1 kemungkinan duplikat baru diusulkan").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        await page.ClickAsync("text=Tinjau kemungkinan duplikat");
        var pair = page.Locator("article.pair", new PageLocatorOptions { HasText = $"BD{run}-2" });
        (await pair.InnerTextAsync()).ShouldContain("kabupaten/kota sama");
        if (javaScript)
        {
            await CheckPageAsync(page);
        }

        await pair.Locator("button", new LocatorLocatorOptions { HasText = $"Gabungkan, pertahankan {name}" }).ClickAsync();
        await page.GetByText("Digabung. Penggabungan dapat dibatalkan").WaitForAsync();
    }

    [SkippableFact]
    public async Task The_name_mapping_and_duplicate_check_pages_pass_axe_on_a_phone()
    {
        await using var context = await portal.SignedInContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        var page = await context.NewPageAsync();
        foreach (var path in new[] { "/admin/impor/nama", "/admin/duplikat/cek?name=Ketersediaan+Darah&region=16.01", "/admin/duplikat?state=digabung" })
        {
            (await page.GotoAsync(path)).ShouldNotBeNull().Status.ShouldBe(200);
            await CheckPageAsync(page);
        }
    }

    private static async Task UploadAsync(IPage page, string source, string csv)
    {
        (await page.GotoAsync("/admin/impor")).ShouldNotBeNull().Status.ShouldBe(200);
        await page.SelectOptionAsync("#source", source);
        await page.SetInputFilesAsync("#upload", new FilePayload { Name = "berkas.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("button[type=submit] >> text=Unggah dan periksa");
        await page.WaitForURLAsync("**/admin/impor/*");
    }

    private static async Task CheckPageAsync(IPage page)
    {
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360, $"{page.Url} scrolls sideways on a 360-px phone");
        (await page.RunAxe(AccessibilityTests.Wcag21AA)).Violations.ShouldBeEmpty();
    }
}
