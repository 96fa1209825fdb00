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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Jippnas", database.ConnectionString);
        builder.UseSetting("Jippnas:Benchmark:Endpoints", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
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
