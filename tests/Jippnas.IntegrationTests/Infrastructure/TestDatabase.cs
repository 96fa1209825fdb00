using Jippnas.Web.Data;
using Npgsql;

namespace Jippnas.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, empty database of one provider. PostgreSQL comes from JIPPNAS_TEST_POSTGRES (a connection string
/// without a database, as scripts/pg.sh prints it); without it PostgreSQL tests are skipped, unless
/// JIPPNAS_REQUIRE_POSTGRES=1 (test.sh sets it) makes a missing server a failure.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? postgresAdmin;
    private readonly string? sqliteDirectory;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? postgresAdmin, string? sqliteDirectory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.postgresAdmin = postgresAdmin;
        this.sqliteDirectory = sqliteDirectory;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable("JIPPNAS_TEST_POSTGRES");

    public static bool PostgresRequired => Environment.GetEnvironmentVariable("JIPPNAS_REQUIRE_POSTGRES") == "1";

    /// <summary>Skips the calling test when no PostgreSQL server is configured and none is required.</summary>
    public static void SkipUnlessAvailable(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql && PostgresServer is null)
        {
            if (PostgresRequired)
            {
                throw new InvalidOperationException("JIPPNAS_REQUIRE_POSTGRES=1 but JIPPNAS_TEST_POSTGRES is not set: start a server with scripts/pg.sh.");
            }

            Skip.If(true, "No PostgreSQL server: set JIPPNAS_TEST_POSTGRES (./test.sh does).");
        }
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "jippnas-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return new TestDatabase(provider, $"Data Source={Path.Combine(directory, "jippnas.db")}", null, directory);
        }

        var server = PostgresServer ?? throw new InvalidOperationException("JIPPNAS_TEST_POSTGRES is not set.");
        var name = "jippnas_t_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabase(provider, $"{server};Database={name}", server, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing host; the temp folder is cleaned by the OS.
            }
        }

        if (postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            await using var admin = new NpgsqlConnection(postgresAdmin + ";Database=postgres");
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
