using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jippnas.Web.Data;

/// <summary>
/// Applies the hand-written SQL migrations under Data/Migrations/{provider}/ in order, each in its own
/// transaction, and records them in <c>schema_migrations</c>. See docs/decisions/ADR-0002.
/// </summary>
public sealed class SchemaMigrator(ConnectionInfo connection, ILogger<SchemaMigrator> logger)
{
    // Any constant shared by every instance: serialises migrations when several start at once.
    private const long PostgresLockKey = 0x4A49_5050_4E41_53;

    public IReadOnlyList<Migration> All { get; } = Discover(connection.Provider);

    /// <summary>
    /// Applies the pending migrations, then runs <paramref name="whileLocked"/> (reference data) under the same
    /// lock, so instances starting together neither migrate nor load twice.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken, Func<CancellationToken, Task>? whileLocked = null)
    {
        await using var fileLock = await LockSqliteFileAsync(cancellationToken);
        await using var db = Open();
        await db.OpenAsync(cancellationToken);
        if (connection.Provider == DatabaseProvider.PostgreSql)
        {
            await ExecuteAsync(db, null, $"SELECT pg_advisory_lock({PostgresLockKey})", cancellationToken);
        }

        try
        {
            await PrepareAsync(db, cancellationToken);
            var applied = await AppliedAsync(db, cancellationToken);
            foreach (var migration in All.Where(m => !applied.Contains(m.Id)))
            {
                // SQLite has no advisory lock: its BEGIN IMMEDIATE serialises writers, so look again inside.
                await using var transaction = await db.BeginTransactionAsync(cancellationToken);
                if (await IsAppliedAsync(db, transaction, migration.Id, cancellationToken))
                {
                    continue;
                }

                logger.LogInformation("Applying migration {Migration}", migration.Id);
                await ExecuteAsync(db, transaction, migration.Sql, cancellationToken);
                await using var record = db.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (id, applied_at) VALUES (@id, @at)";
                AddParameter(record, "@id", migration.Id);
                AddParameter(record, "@at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            if (whileLocked is not null)
            {
                await whileLocked(cancellationToken);
            }
        }
        finally
        {
            if (connection.Provider == DatabaseProvider.Sqlite)
            {
                // Refresh planner statistics where they are stale (cheap when nothing changed); without them
                // SQLite cannot choose between the per-dimension indexes and the covering filter index.
                await ExecuteAsync(db, null, "PRAGMA optimize=0x10002;", CancellationToken.None);
            }

            if (connection.Provider == DatabaseProvider.PostgreSql)
            {
                await ExecuteAsync(db, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
            }
        }
    }

    /// <summary>The migrations this build knows that the database has not applied.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var db = Open();
        await db.OpenAsync(cancellationToken);
        var applied = await AppliedAsync(db, cancellationToken);
        return [.. All.Select(m => m.Id).Where(id => !applied.Contains(id))];
    }

    /// <summary>
    /// SQLite has no advisory lock: processes sharing a database file serialise their start-up on a lock file
    /// beside it (the operating system releases it if a process dies). The file stays: deleting it on close
    /// would let a waiter lock the unlinked file while a newcomer locks a new one.
    /// </summary>
    private async Task<FileStream?> LockSqliteFileAsync(CancellationToken cancellationToken)
    {
        if (connection.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var file = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return null;
        }

        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(file + ".setup-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private DbConnection Open() => connection.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(connection.ConnectionString),
        DatabaseProvider.PostgreSql => new NpgsqlConnection(connection.ConnectionString),
    };

    private async Task PrepareAsync(DbConnection db, CancellationToken cancellationToken)
    {
        if (connection.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers proceed while a writer commits; it persists in the database file.
            await ExecuteAsync(db, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await ExecuteAsync(db, null,
            "CREATE TABLE IF NOT EXISTS schema_migrations (id VARCHAR(100) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)",
            cancellationToken);
    }

    private static async Task<HashSet<string>> AppliedAsync(DbConnection db, CancellationToken cancellationToken)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT id FROM schema_migrations";
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            // No schema_migrations table yet: nothing applied.
        }

        return applied;
    }

    private static async Task<bool> IsAppliedAsync(DbConnection db, DbTransaction transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE id = @id";
        AddParameter(command, "@id", id);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(DbConnection db, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static List<Migration> Discover(DatabaseProvider provider)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"Jippnas.Web.Data.Migrations.{provider}.";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new Migration(n[prefix.Length..^4], reader.ReadToEnd());
            })];
    }

    public sealed record Migration(string Id, string Sql);
}
