using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Jippnas.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Bench.Search;

/// <summary>
/// The engine's own bulk full-text build over the same rows (published innovations) and their raw text columns,
/// with no application analysis: what <c>rebuild-search</c> is compared with. Timed, then dropped again.
/// </summary>
/// <remarks>
/// SQLite: an FTS5 table with the unicode61 tokenizer filled by one INSERT … SELECT in one transaction;
/// "plain" keeps its own copy of the text (the FTS5 default), "contentless" (content='') only the index, as
/// the portal's table does. PostgreSQL: "expression" is CREATE INDEX … USING gin (to_tsvector('indonesian', …)),
/// one pass that parses, stems and builds; "generated" adds a stored tsvector column (a rewrite of the table)
/// and then a GIN index on it.
/// </remarks>
public static class NativeBuild
{
    private static readonly string[] Columns =
        ["name", "acronym", "summary", "problem", "aims", "novelty", "implementation", "impact", "adaptability", "resources", "sustainability"];

    public static async Task<int> RunAsync(IServiceProvider services, BenchOptions options, Report report)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JippnasDb>();
        var postgres = db.Database.IsNpgsql();
        var variant = options.Native ?? (postgres ? "expression" : "plain");
        var rows = await db.Innovations.CountAsync(i => i.IsPublished);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var columns = string.Join(", ", Columns);
            string[] steps;
            string cleanUp;
            string? after = null;
            if (!postgres)
            {
                if (variant is not ("plain" or "contentless"))
                {
                    await Console.Error.WriteLineAsync("native-build: --Bench:Native is plain or contentless on SQLite.");
                    return 2;
                }

                var content = variant == "contentless" ? ", content = ''" : "";
                steps =
                [
                    "DROP TABLE IF EXISTS bench_native_fts",
                    $"CREATE VIRTUAL TABLE bench_native_fts USING fts5({columns}, tokenize = 'unicode61'{content})",
                    "BEGIN",
                    $"INSERT INTO bench_native_fts (rowid, {columns}) SELECT id, {columns} FROM innovations WHERE is_published = 1",
                    "COMMIT",
                ];
                after = "INSERT INTO bench_native_fts (bench_native_fts) VALUES ('optimize')";
                cleanUp = "DROP TABLE bench_native_fts";
            }
            else
            {
                var document = "to_tsvector('indonesian'::regconfig, " + string.Join(" || ' ' || ", Columns.Select(c => $"coalesce({c}, '')")) + ")";
                switch (variant)
                {
                    case "expression":
                        steps =
                        [
                            "DROP INDEX IF EXISTS bench_native_gin",
                            $"CREATE INDEX bench_native_gin ON innovations USING gin ({document}) WHERE is_published",
                        ];
                        cleanUp = "DROP INDEX bench_native_gin";
                        break;
                    case "generated":
                        steps =
                        [
                            "ALTER TABLE innovations DROP COLUMN IF EXISTS bench_native_document",
                            $"ALTER TABLE innovations ADD COLUMN bench_native_document tsvector GENERATED ALWAYS AS ({document}) STORED",
                            "CREATE INDEX bench_native_gin ON innovations USING gin (bench_native_document) WHERE is_published",
                        ];
                        cleanUp = "DROP INDEX bench_native_gin; ALTER TABLE innovations DROP COLUMN bench_native_document";
                        break;
                    default:
                        await Console.Error.WriteLineAsync("native-build: --Bench:Native is expression or generated on PostgreSQL.");
                        return 2;
                }
            }

            var sizeBefore = await SizeAsync(connection, postgres);
            var started = Stopwatch.GetTimestamp();
            foreach (var step in steps)
            {
                await ExecuteAsync(connection, step);
            }

            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var size = await SizeAsync(connection, postgres) - sizeBefore;
            var engine = postgres ? "PostgreSQL" : "SQLite";
            report.Line(string.Create(CultureInfo.InvariantCulture,
                $"NATIVE engine={engine} variant={variant} rows={rows} seconds={seconds:0.00} rate={rows / Math.Max(seconds, 0.001):0} size_mb={size:0}"));
            if (after is not null)
            {
                // FTS5's optimize (one merge of all segments) is reported apart: the figure above is the build.
                started = Stopwatch.GetTimestamp();
                await ExecuteAsync(connection, after);
                report.Line(string.Create(CultureInfo.InvariantCulture,
                    $"NATIVE-OPTIMIZE engine={engine} variant={variant} seconds={Stopwatch.GetElapsedTime(started).TotalSeconds:0.00}"));
            }

            await ExecuteAsync(connection, cleanUp);
            return 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<double> SizeAsync(DbConnection connection, bool postgres)
    {
        await using var command = connection.CreateCommand();
        // What the build added: the database without free pages (SQLite), the relations (PostgreSQL).
        command.CommandText = postgres
            ? "SELECT pg_database_size(current_database()) / 1048576.0"
            : "SELECT ((SELECT page_count FROM pragma_page_count()) - (SELECT freelist_count FROM pragma_freelist_count())) * (SELECT page_size FROM pragma_page_size()) / 1048576.0";
        try
        {
            return Convert.ToDouble(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            return double.NaN;
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
