using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jippnas.BrowserTests;

/// <summary>At 360 × 740 (a common small phone) no page may scroll sideways as a whole.</summary>
[Collection(PortalInChromium.Name)]
public sealed class SmallScreenTests(PortalFixture portal)
{
    public const string Poltabes = "{POLTABES}";

    private const string OverflowScript = """
        () => {
            const root = document.documentElement;
            const width = root.clientWidth;
            const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 0.5)
                .filter(e => !e.closest('.scroll') || e.matches('.scroll'))
                .slice(0, 8)
                .map(e => {
                    const path = [];
                    for (let n = e; n && n !== document.body; n = n.parentElement) {
                        path.unshift(n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.classList.length ? '.' + [...n.classList].join('.') : ''));
                    }
                    return path.join(' > ') + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + 'px)';
                });
            return { scrollWidth: root.scrollWidth, clientWidth: width, wide };
        }
        """;

    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/inovasi")]
    [InlineData("/inovasi?province=16")]
    [InlineData(Poltabes)]
    [InlineData("/wilayah")]
    [InlineData("/provinsi/16")]
    [InlineData("/kabupaten-kota/16.71")]
    [InlineData("/hub")]
    [InlineData("/data-terbuka")]
    [InlineData("/hub/1")]
    [InlineData("/jaringan")]
    [InlineData("/forum")]
    [InlineData("/replikasi")]
    [InlineData("/satu-opd-satu-inovasi")]
    [InlineData("/satu-opd-satu-inovasi/35")]
    [InlineData("/satu-opd-satu-inovasi/pemerintah/266")]
    [InlineData("/cari?q=kartu%20tanda%20penduduk%20elektronik%20jemput%20bola")]
    [InlineData("/cari?q=layanan&province=16")]
    public async Task Page_has_no_horizontal_overflow_at_360_px(string path)
    {
        await using var context = await portal.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        if (path == Poltabes)
        {
            path = await Pages.InnovationPathAsync(page, Pages.PoltabesAcronym);
        }

        var response = await page.GotoAsync(path);

        response.ShouldNotBeNull().Status.ShouldBe(200);
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        var result = await page.EvaluateAsync<JsonElement>(OverflowScript);
        var clientWidth = result.GetProperty("clientWidth").GetInt32();
        var scrollWidth = result.GetProperty("scrollWidth").GetInt32();
        var wide = result.GetProperty("wide").EnumerateArray().Select(e => e.GetString());
        clientWidth.ShouldBe(360);
        scrollWidth.ShouldBeLessThanOrEqualTo(
            clientWidth,
            $"{path} scrolls sideways at 360 px; elements past the right edge: {string.Join("; ", wide)}");
    }
}
