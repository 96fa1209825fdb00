using System.Data.Common;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Jippnas.IntegrationTests;

/// <summary>
/// The hand-written migrations must build exactly the schema EF Core derives from the model: a drift
/// (a property added without a migration, a wrong column type, a missing index) fails here.
/// </summary>
public abstract class SchemaTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task Migrated_schema_matches_the_model()
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var modelled = await TestDatabase.CreateAsync(provider);

        await Migrator(migrated).MigrateAsync(CancellationToken.None);
        await using (var db = Context(modelled))
        {
            (await db.Database.EnsureCreatedAsync()).ShouldBeTrue();
        }

        var expected = await DescribeAsync(modelled);
        var actual = await DescribeAsync(migrated);
        actual.Except(expected).ShouldBeEmpty("present after migrations but not in the model");
        expected.Except(actual).ShouldBeEmpty("in the model but missing after migrations");
        expected.Count.ShouldBeGreaterThan(100);
    }

    [SkippableFact]
    public async Task Migrations_apply_once_and_a_second_run_changes_nothing()
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var migrator = Migrator(database);

        (await migrator.PendingAsync(CancellationToken.None)).ShouldBe(migrator.All.Select(m => m.Id).ToList());
        await migrator.MigrateAsync(CancellationToken.None);
        await migrator.MigrateAsync(CancellationToken.None);

        (await migrator.PendingAsync(CancellationToken.None)).ShouldBeEmpty();
        await using var db = Context(database);
        (await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM schema_migrations").SingleAsync()).ShouldBe(migrator.All.Count);
    }

    [SkippableFact]
    public async Task Two_instances_migrating_at_once_apply_each_migration_once()
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var database = await TestDatabase.CreateAsync(provider);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Migrator(database).MigrateAsync(CancellationToken.None))));

        await using var db = Context(database);
        (await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM schema_migrations").SingleAsync()).ShouldBe(Migrator(database).All.Count);
    }

    [SkippableFact]
    public async Task Three_portals_starting_together_on_a_new_database_load_reference_data_once()
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var portals = Enumerable.Range(0, 3).Select(_ => new PortalFactory(database)).ToList();
        try
        {
            await Task.WhenAll(portals.Select(p => Task.Run(() => p.Server)));
            var counts = await portals[0].WithDbAsync(async db => (await db.Regions.CountAsync(), await db.Agencies.CountAsync(), await db.Hubs.CountAsync(), await db.Innovations.CountAsync()));
            counts.ShouldBe((552, 556, 12, 6));
        }
        finally
        {
            foreach (var portal in portals)
            {
                await portal.DisposeAsync();
            }
        }
    }

    private SchemaMigrator Migrator(TestDatabase database) =>
        new(new ConnectionInfo(provider, database.ConnectionString), NullLogger<SchemaMigrator>.Instance);

    private JippnasDb Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<JippnasDb>();
        DatabaseSetup.Configure(options, provider, database.ConnectionString);
        return new JippnasDb(options.Options);
    }

    private async Task<List<string>> DescribeAsync(TestDatabase database)
    {
        await using DbConnection connection = provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var queries = provider == DatabaseProvider.Sqlite
            ? new[]
            {
                """
                SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || ' notnull=' || c."notnull" || ' pk=' || c.pk
                FROM sqlite_master m JOIN pragma_table_info(m.name) c
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'schema_migrations' AND m.name NOT LIKE 'innovation_search%'
                """,
                "SELECT 'index ' || name || ' ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
                """
                SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' ' || f.on_delete
                FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
                """,
            }
            : new[]
            {
                """
                SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || COALESCE('(' || character_maximum_length || ')', '')
                    || ' ' || is_nullable || ' ' || is_identity || COALESCE(' precision=' || numeric_precision || ',' || numeric_scale, '')
                FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations' AND table_name <> 'innovation_search'
                """,
                "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT IN ('schema_migrations', 'innovation_search')",
                """
                SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('schema_migrations', 'innovation_search')
                """,
            };
        var rows = new List<string>();
        foreach (var sql in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0).Replace("\"", "", StringComparison.Ordinal));
            }
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }
}

public sealed class SqliteSchemaTests() : SchemaTests(DatabaseProvider.Sqlite);

public sealed class PostgresSchemaTests() : SchemaTests(DatabaseProvider.PostgreSql);
