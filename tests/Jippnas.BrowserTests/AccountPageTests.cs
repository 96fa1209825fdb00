using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Jippnas.BrowserTests;

/// <summary>The pages of accounts, tokens and the audit log, signed in as the national administrator: WCAG 2.1 AA by axe, no sideways scrolling at 360 px.</summary>
[Collection(PortalInChromium.Name)]
public sealed class AccountPageTests(PortalFixture portal)
{
    [SkippableFact]
    public async Task Account_token_and_audit_pages_pass_axe_on_a_phone()
    {
        await using var context = await portal.SignedInContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        foreach (var path in new[] { "/akun", "/akun/token", "/akun/dua-langkah", "/admin/akun", "/admin/audit", "/kelola/inovasi" })
        {
            (await page.GotoAsync(path)).ShouldNotBeNull().Status.ShouldBe(200, path);
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360, $"{path} scrolls sideways on a 360-px phone");
            (await page.RunAxe(AccessibilityTests.Wcag21AA)).Violations.ShouldBeEmpty(path);
        }

        // A token made on the page is shown once.
        await page.GotoAsync("/akun/token");
        await page.FillAsync("#Name", "Portal Provinsi");
        await page.CheckAsync("input[value='innovations.edit']");
        await page.ClickAsync("form[action='/akun/token'] button[type=submit]");
        (await page.TextContentAsync("#token-baru")).ShouldNotBeNull().ShouldStartWith("jip_");
        (await page.RunAxe(AccessibilityTests.Wcag21AA)).Violations.ShouldBeEmpty("/akun/token after making a token");
    }
}
