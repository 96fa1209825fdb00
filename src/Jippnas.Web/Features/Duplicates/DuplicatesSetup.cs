namespace Jippnas.Web.Features.Duplicates;

public static class DuplicatesSetup
{
    public static IServiceCollection AddDuplicates(this IServiceCollection services) =>
        services.AddSingleton<DuplicateScorers>().AddScoped<DuplicateFinder>().AddScoped<DuplicateReview>();
}
