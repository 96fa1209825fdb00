using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Jippnas.BrowserTests;

/// <summary>
/// A curator in Chromium uploads a file with one bad row on /admin/impor, waits on the job page (it refreshes
/// itself, so this works with JavaScript off too) and reads the errors; both pages pass axe's WCAG 2.1 AA rules.
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class AdminImportPageTests(PortalFixture portal)
{
    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_upload_with_a_bad_row_shows_its_errors_by_row_and_column(bool javaScript)
    {
        await using var context = await portal.SignedInContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        var page = await context.NewPageAsync();
        (await page.GotoAsync("/admin/impor")).ShouldNotBeNull().Status.ShouldBe(200);
        // Scripts (axe, measuring the page) cannot run in a page whose JavaScript is off: those checks run with it on.
        if (javaScript)
        {
            (await page.RunAxe(AccessibilityTests.Wcag21AA)).Violations.ShouldBeEmpty();
        }

        await page.SelectOptionAsync("#source", "KIPP");
        await page.SetInputFilesAsync("#upload", new FilePayload
        {
            Name = "usulan.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("ID Proposal;Judul Inovasi;Tahun Inisiasi\nBR-01;Layanan Baik;2020\nBR-02;Layanan Buruk;dua ribu\n"),
        });
        await page.ClickAsync("button[type=submit] >> text=Unggah dan periksa");
        await page.WaitForURLAsync("**/admin/impor/*");
        await page.GetByText("galat di 1 baris").WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });

        (await page.Locator("table tbody tr").First.InnerTextAsync()).ShouldContain("year");
        if (javaScript)
        {
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            width.ShouldBeLessThanOrEqualTo(360, "the job page scrolls sideways on a 360-px phone");
            (await page.RunAxe(AccessibilityTests.Wcag21AA)).Violations.ShouldBeEmpty();
        }
    }

    [SkippableFact]
    public async Task The_column_mapping_page_passes_axe_on_a_phone()
    {
        await using var context = await portal.SignedInContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        var page = await context.NewPageAsync();
        (await page.GotoAsync("/admin/impor/sumber/KIPP")).ShouldNotBeNull().Status.ShouldBe(200);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        (await page.RunAxe(AccessibilityTests.Wcag21AA)).Violations.ShouldBeEmpty();
    }
}
