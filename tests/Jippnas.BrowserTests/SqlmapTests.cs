using System.Diagnostics;

namespace Jippnas.BrowserTests;

/// <summary>
/// sqlmap (Debian's package) against the running portal on loopback: the sign-in form (with its antiforgery token),
/// search, and the API's filters and path. Every request it sends must find nothing injectable. Bounded in time;
/// skipped only where sqlmap is not installed and the environment does not require it (the test command installs it).
/// </summary>
[Collection(PortalInChromium.Name)]
public sealed class SqlmapTests(PortalFixture portal)
{
    private const string Sqlmap = "/usr/bin/sqlmap";

    public static TheoryData<string, string[]> Targets => new()
    {
        { "sign-in form", ["--data=Email=operator%40contoh.go.id&Password=kata-sandi-salah&__RequestVerificationToken=x", "--csrf-token=__RequestVerificationToken", "--csrf-url={base}/masuk", "-p", "Email,Password", "-u", "{base}/masuk"] },
        { "search", ["-u", "{base}/cari?q=pelayanan&sort=relevan", "-p", "q,sort"] },
        { "innovations API", ["-u", "{base}/api/v1/innovations/?province=16&sector=KESEHATAN&year=2020", "-p", "province,sector,year"] },
        { "region path", ["-u", "{base}/api/v1/regions/16*"] },
    };

    [SkippableTheory]
    [MemberData(nameof(Targets))]
    public async Task Finds_nothing_injectable(string target, string[] arguments)
    {
        portal.RequireBrowser();
        if (!File.Exists(Sqlmap))
        {
            Skip.If(!PortalFixture.BrowserRequired, $"sqlmap is not installed ({Sqlmap}); apt-get install sqlmap.");
            throw new InvalidOperationException($"sqlmap is required here: apt-get install sqlmap ({target}).");
        }

        var output = Path.Combine(Path.GetTempPath(), "jippnas-sqlmap-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Sqlmap) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument.Replace("{base}", portal.BaseAddress, StringComparison.Ordinal));
        }

        foreach (var argument in new[] { "--batch", "--level=2", "--risk=1", "--time-sec=2", "--flush-session", "--disable-coloring", $"--output-dir={output}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sqlmap on the {target} ran over six minutes.");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }

        var text = await stdout + await stderr;
        text.ShouldNotContain("is vulnerable", Case.Insensitive, $"sqlmap on the {target}:\n{text}");
        text.ShouldNotContain("sqlmap identified the following injection point", Case.Insensitive, text);
        // It must have reached the portal and tested every parameter: a run that connected to nothing proves nothing.
        text.ShouldContain("do not appear to be injectable", Case.Insensitive, text);
        text.ShouldNotContain("unable to connect", Case.Insensitive, text);
    }
}
