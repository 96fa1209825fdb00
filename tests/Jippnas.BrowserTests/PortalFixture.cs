using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Jippnas.Tests;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;

namespace Jippnas.BrowserTests;

/// <summary>
/// The real portal on Kestrel (a random loopback port, a fresh SQLite file) and one headless Debian Chromium,
/// shared by every browser test. Without Chromium the tests skip, or fail when JIPPNAS_REQUIRE_BROWSER=1.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    /// <summary>The password of every account the browser tests make.</summary>
    public const string Password = "kata-sandi-peramban-2026";

    public const string AdminEmail = "admin@jippnas.test";
    public const string RequireBrowserVariable = "JIPPNAS_REQUIRE_BROWSER";
    public const string ChromiumPathVariable = "JIPPNAS_CHROMIUM";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly string directory = Path.Combine(Path.GetTempPath(), "jippnas-browser-" + Guid.NewGuid().ToString("N"));
    private PortalFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Where the portal listens, e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public string BaseAddress { get; private set; } = "";

    public string DatabasePath => Path.Combine(directory, "jippnas.db");

    public static bool BrowserRequired => Environment.GetEnvironmentVariable(RequireBrowserVariable) == "1";

    /// <summary>Debian's Chromium, unless <c>JIPPNAS_CHROMIUM</c> names another executable.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumPathVariable) is { Length: > 0 } path ? path : DefaultChromiumPath;

    public static bool BrowserInstalled => File.Exists(ChromiumPath);

    public async Task InitializeAsync()
    {
        if (!BrowserInstalled)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        factory = new PortalFactory(DatabasePath);
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no IServerAddressesFeature.");
        BaseAddress = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))?.TrimEnd('/')
            ?? throw new InvalidOperationException($"Kestrel is not listening on http: {string.Join(", ", addresses)}");
        if (!File.Exists(DatabasePath))
        {
            throw new InvalidOperationException($"The portal started but did not create its database at {DatabasePath}: the test settings were not applied.");
        }

        await AccountAsync(AdminEmail, "Administrator Peramban", AccountRole.NationalAdministrator, GrantScope.National, null, twoFactor: true);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>Skips the calling test when Chromium is missing, or fails it when the environment requires a browser.</summary>
    public IBrowser RequireBrowser()
    {
        if (browser is not null)
        {
            return browser;
        }

        var message = $"Browser tests need Debian's Chromium at {ChromiumPath} (apt-get install chromium); it is not installed.";
        if (BrowserRequired)
        {
            throw new InvalidOperationException($"{RequireBrowserVariable}=1: {message}");
        }

        Skip.If(true, message + $" Set {RequireBrowserVariable}=1 to make this a failure.");
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>A fresh browser context (own cookies) whose relative URLs resolve against the portal.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var current = RequireBrowser();
        options ??= new BrowserNewContextOptions();
        options.BaseURL = BaseAddress;
        var context = await current.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    /// <summary>Runs work in a scope of the portal's services: clean-up a test owes the others that share this portal.</summary>
    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = factory!.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>Makes an account with one grant unless it exists; returns its authenticator key when it has one.</summary>
    public Task<string?> AccountAsync(string email, string name, AccountRole role, GrantScope scope, string? key, bool twoFactor = false) =>
        TestAccounts.EnsureAsync(factory!.Services, email, name, Password, role, scope, key, twoFactor);

    /// <summary>A fresh context signed in through the sign-in pages as the national administrator.</summary>
    public Task<IBrowserContext> SignedInContextAsync(BrowserNewContextOptions? options = null) =>
        SignedInContextAsync(options, AdminEmail, AccountRole.NationalAdministrator, GrantScope.National, null);

    /// <summary>A fresh context signed in through the sign-in pages as a person holding one grant (made on first use).</summary>
    public async Task<IBrowserContext> SignedInContextAsync(BrowserNewContextOptions? options, string email, AccountRole role, GrantScope scope, string? scopeKey)
    {
        var key = await AccountAsync(email, email, role, scope, scopeKey, twoFactor: AccessView.NeedsTwoFactor(role));
        var context = await NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/masuk");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("form[action='/masuk'] button[type=submit]");
        if (key is not null)
        {
            await page.FillAsync("#Code", Totp.Code(key, DateTimeOffset.UtcNow));
            await page.ClickAsync("form[action='/masuk/dua-langkah'] button[type=submit]");
        }

        // The page is left open and loaded: closing a page whose navigation is still settling can hang Chromium.
        await page.WaitForLoadStateAsync(LoadState.Load);
        page.Url.ShouldEndWith("/akun");
        return context;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temporary file still held open is left for the OS to clean up.
        }
    }

    private sealed class PortalFactory(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:LoadReferenceData", "true");
            builder.UseSetting("ConnectionStrings:Jippnas", $"Data Source={databasePath}");
            // sqlmap sends thousands of requests from one address: the limits are tested by the integration tests.
            builder.UseSetting("Jippnas:Accounts:SignInPerMinute", "100000");
            builder.UseSetting("Jippnas:RateLimits:PerMinute", "0");
            builder.UseSetting("Jippnas:Search:SimilarWaitMilliseconds", "30000");
            builder.UseSetting("Jippnas:Mail:Folder", Path.Combine(Path.GetDirectoryName(databasePath)!, "mail"));
            builder.UseSetting("Jippnas:Accounts:KeysFolder", Path.Combine(Path.GetDirectoryName(databasePath)!, "keys"));
            builder.UseSetting("Jippnas:Imports:Folder", Path.Combine(Path.GetDirectoryName(databasePath)!, "imports"));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalInChromium : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal in Chromium";
}
