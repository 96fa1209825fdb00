using Jippnas.Web.Data;

namespace Jippnas.IntegrationTests.Infrastructure;

/// <summary>
/// A test class with a database and portal of its own (on PostgreSQL only when a server is there), for tests that
/// write what others must not see: its own settings when the class asks for them.
/// </summary>
public abstract class FreshPortalTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? database;
    private PortalFactory? portal;

    protected DatabaseProvider Provider => provider;

    protected TestDatabase Database => database!;

    protected PortalFactory Portal => portal!;

    public async Task InitializeAsync()
    {
        if (provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null)
        {
            return;
        }

        database = await TestDatabase.CreateAsync(provider);
        portal = CreatePortal(database);
    }

    public virtual async Task DisposeAsync()
    {
        if (portal is not null)
        {
            await portal.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>The portal on the class's database.</summary>
    protected virtual PortalFactory CreatePortal(TestDatabase database) => new(database);

    /// <summary>Stops the portal and starts another on the same database, as a restart of the app would.</summary>
    protected async Task RestartAsync()
    {
        await portal!.DisposeAsync();
        portal = CreatePortal(database!);
    }
}
