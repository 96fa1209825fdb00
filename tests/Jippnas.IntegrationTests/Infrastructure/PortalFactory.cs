using Jippnas.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests.Infrastructure;

/// <summary>The real portal host on a fresh database of one provider (<paramref name="configure"/>: more of a test's own).</summary>
public sealed class PortalFactory(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    /// <summary>The portal's own folder: its mail (.eml files), evidence files and data-protection keys.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "jippnas-portal-" + Guid.NewGuid().ToString("N"));

    public string MailFolder => Path.Combine(Folder, "mail");

    /// <summary>The newest mail sent to <paramref name="to"/>, as its file holds it.</summary>
    public string LatestMailTo(string to) => new DirectoryInfo(MailFolder).GetFiles("*.eml").OrderByDescending(f => f.Name)
        .Select(f => File.ReadAllText(f.FullName)).First(text => text.Contains("To: " + to + "\r\n", StringComparison.Ordinal));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Jippnas", database.ConnectionString);
        builder.UseSetting("Jippnas:Benchmark:Endpoints", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Jippnas:Mail:Folder", MailFolder);
        builder.UseSetting("Jippnas:PublicBaseUrl", "http://localhost");
        builder.UseSetting("Jippnas:Evidence:Folder", Path.Combine(Folder, "evidence"));
        builder.UseSetting("Jippnas:Accounts:KeysFolder", Path.Combine(Folder, "keys"));
        builder.UseSetting("Jippnas:Accounts:SignInPerMinute", "10000");
        builder.UseSetting("Jippnas:RateLimits:PerMinute", "0");
        // Tests read an innovation's similar list on its first view: the page waits for it (in production, 40 ms).
        builder.UseSetting("Jippnas:Search:SimilarWaitMilliseconds", "30000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        configure?.Invoke(builder);
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<T> WithDbAsync<T>(Func<JippnasDb, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JippnasDb>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        return await action(db);
    }
}

/// <summary>One portal per provider, shared by the read-only test classes of that provider.</summary>
public abstract class PortalFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? database;
    private PortalFactory? factory;

    public DatabaseProvider Provider => provider;

    public PortalFactory Factory => factory ?? throw new InvalidOperationException("No PostgreSQL server for this test run.");

    public async Task InitializeAsync()
    {
        if (provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null)
        {
            return;
        }

        database = await TestDatabase.CreateAsync(provider);
        factory = new PortalFactory(database);
        _ = factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

public sealed class SqlitePortal() : PortalFixture(DatabaseProvider.Sqlite);

public sealed class PostgresPortal() : PortalFixture(DatabaseProvider.PostgreSql);

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqlitePortal>
{
    public const string Name = "sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresPortal>
{
    public const string Name = "postgres";
}
