using Jippnas.Web.Features.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Load the reference data (regions, hubs, classifications, first records) at start-up.</summary>
    public bool LoadReferenceData { get; set; } = true;
}

public static class DatabaseSetup
{
    public static IServiceCollection AddJippnasDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Jippnas");
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            connectionString = PrepareSqlite(connectionString, environment.ContentRootPath);
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Jippnas is required when Database:Provider is PostgreSql.");
        }
        else
        {
            connectionString = PreparePostgres(connectionString);
        }

        services.AddSingleton(options);
        services.AddSingleton(new ConnectionInfo(options.Provider, connectionString!));
        services.AddHttpContextAccessor();
        services.AddSingleton<Features.Audit.AuditTrail>();
        services.AddDbContextPool<JippnasDb>((provider, builder) =>
        {
            Configure(builder, options.Provider, connectionString!);
            builder.AddInterceptors(provider.GetRequiredService<Features.Audit.AuditTrail>());
        });
        services.AddSingleton<SchemaMigrator>();
        services.AddScoped<ReferenceDataLoader>();
        services.AddSearchIndex();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString),
        };
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a page repeats, so PostgreSQL plans them once per connection instead
    /// of on every request; a connection string that sets Max Auto Prepare above zero keeps its value.
    /// </summary>
    private static string PreparePostgres(string connectionString)
    {
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (csb.MaxAutoPrepare == 0)
        {
            csb.MaxAutoPrepare = 64;
            csb.AutoPrepareMinUsages = 2;
        }

        return csb.ToString();
    }

    private static string PrepareSqlite(string? connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? "Data Source=App_Data/jippnas.db" : connectionString);
        if (csb.DataSource != ":memory:" && !Path.IsPathRooted(csb.DataSource))
        {
            csb.DataSource = Path.Combine(contentRoot, csb.DataSource);
        }

        var directory = Path.GetDirectoryName(csb.DataSource);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        csb.Pooling = true;
        csb.DefaultTimeout = 30;
        return csb.ToString();
    }
}

public sealed record ConnectionInfo(DatabaseProvider Provider, string ConnectionString);
