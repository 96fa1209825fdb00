using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jippnas.Web.Data;

/// <summary>Brings the schema up to date and loads reference data before the server accepts requests.</summary>
internal sealed class DatabaseInitializer(SchemaMigrator migrator, IServiceScopeFactory scopes, DatabaseOptions options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken, options.LoadReferenceData ? LoadReferenceDataAsync : null);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task LoadReferenceDataAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataLoader>().LoadAsync(cancellationToken);
    }
}

/// <summary>Ready when the database answers and every migration this build knows has been applied.</summary>
internal sealed class DatabaseReadyCheck(SchemaMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await migrator.PendingAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Database reachable; all migrations applied.")
                : HealthCheckResult.Unhealthy($"Pending migrations: {string.Join(", ", pending)}");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable.", ex);
        }
    }
}
