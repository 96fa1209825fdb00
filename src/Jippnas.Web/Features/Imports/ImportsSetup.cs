namespace Jippnas.Web.Features.Imports;

public static class ImportsSetup
{
    public static IServiceCollection AddImports(this IServiceCollection services) =>
        services.AddScoped<ExchangeImport>().AddScoped<NameMappings>();

    /// <summary>The upload pages' background jobs (the web app only; the command line imports in the foreground).</summary>
    public static IServiceCollection AddImportJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportOptions>(configuration.GetSection(ImportOptions.Section));
        services.AddSingleton<ImportJobs>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
