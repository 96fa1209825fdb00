using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Jippnas.BrowserTests;

/// <summary>axe-core with the WCAG 2.0 and 2.1 A and AA rules finds nothing on any kind of page.</summary>
[Collection(PortalInChromium.Name)]
public sealed class AccessibilityTests(PortalFixture portal)
{
    /// <summary>axe's WCAG 2.0 and 2.1 A and AA rules, what every page is checked against.</summary>
    internal static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [SkippableTheory]
    [InlineData("/", 200)]
    [InlineData("/inovasi", 200)]
    [InlineData("/inovasi?province=16", 200)]
    [InlineData(SmallScreenTests.Poltabes, 200)]
    [InlineData("/provinsi/16", 200)]
    [InlineData("/kabupaten-kota/16.71", 200)]
    [InlineData("/wilayah", 200)]
    [InlineData("/hub", 200)]
    [InlineData("/data-terbuka", 200)]
    [InlineData("/hub/1", 200)]
    [InlineData("/jaringan", 200)]
    [InlineData("/forum", 200)]
    [InlineData("/replikasi", 200)]
    [InlineData("/satu-opd-satu-inovasi", 200)]
    [InlineData("/satu-opd-satu-inovasi/35", 200)]
    [InlineData("/satu-opd-satu-inovasi/pemerintah/266", 200)]
    [InlineData("/halaman-yang-tidak-ada", 404)]
    [InlineData("/inovasi?year=abc", 400)]
    [InlineData("/cari", 200)]
    [InlineData("/cari?q=angka%20kematian%20ibu", 200)]
    [InlineData("/cari?q=layanan&sector=ADMINDUK", 200)]
    [InlineData("/cari?q=tidak-ada-yang-cocok-sama-sekali", 200)]
    [InlineData("/cari?sort=acak", 400)]
    [InlineData("/masuk", 200)]
    [InlineData("/masuk/lupa", 200)]
    [InlineData("/masuk/atur-ulang?akun=1&kode=x", 200)]
    public async Task Page_has_no_WCAG_2_1_AA_violations(string path, int status)
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        if (path == SmallScreenTests.Poltabes)
        {
            path = await Pages.InnovationPathAsync(page, Pages.PoltabesAcronym);
        }

        var response = await page.GotoAsync(path);
        response.ShouldNotBeNull().Status.ShouldBe(status);

        var result = await page.RunAxe(Wcag21AA);

        result.Violations.ShouldBeEmpty(Describe(path, result.Violations));
        result.Passes.ShouldNotBeEmpty("axe ran no passing rule at all, so it probably did not run");
    }

    private static string Describe(string path, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder().Append("axe found violations on ").Append(path).AppendLine(":");
        foreach (var v in violations)
        {
            text.Append("- ").Append(v.Id).Append(" (").Append(v.Impact).Append("): ").Append(v.Help).Append(' ').AppendLine(v.HelpUrl);
            foreach (var node in v.Nodes)
            {
                text.Append("    at ").Append(node.Target?.ToString()).Append("  ").AppendLine(node.Html);
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
                foreach (var message in checks.Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.Ordinal))
                {
                    text.Append("      ").AppendLine(message);
                }
            }
        }

        return text.ToString();
    }
}
