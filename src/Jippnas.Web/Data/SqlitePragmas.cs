using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jippnas.Web.Data;

/// <summary>
/// Per-connection SQLite settings, applied each time EF opens a connection (pooled connections keep them, so
/// this is a cheap repeat). Memory-mapped reads let every connection share the operating system's page cache
/// without a system call per page: at 1,000,000 innovations the database is several gigabytes and SQLite's own
/// 2 MB cache per connection holds little of it: the facet values of 500 candidates, read again, took 2.3 ms
/// through read() calls and 1.4 ms mapped.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    // SQLite caps the map at its compile-time limit (2 GB in the bundled build); hot pages beyond it are still read.
    private const string Sql = "PRAGMA mmap_size = 2147418112";

    // SQLite's default page cache, and an import's (KiB).
    private const int DefaultCacheKib = 2_000;
    private const int ImportCacheKib = 32_768;

    public static SqlitePragmas Instance { get; } = new();

    /// <summary>
    /// Sets one connection up for an import, or back. An import reads and writes the whole database file once:
    /// mapped, every page it touches stays in the process's resident memory (a 100,000-row re-import reached a
    /// gigabyte), so its reads go through SQLite's own cache instead, made large enough for the pages every row
    /// writes to (the ends of the indexes, the full-text segments): with the 2 MB default these were read again
    /// from the write-ahead log with a system call each (12–17 s of system time in a 100,000-row import, now ~8).
    /// </summary>
    public static async Task SetImportingAsync(DbConnection connection, bool importing, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = importing
            ? $"PRAGMA mmap_size = 0; PRAGMA cache_size = -{ImportCacheKib}"
            : $"{Sql}; PRAGMA cache_size = -{DefaultCacheKib}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }
}
