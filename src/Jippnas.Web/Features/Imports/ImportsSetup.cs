namespace Jippnas.Web.Features.Imports;

public static class ImportsSetup
{
    public static IServiceCollection AddImports(this IServiceCollection services) =>
        services.AddScoped<ExchangeImport>();
}
