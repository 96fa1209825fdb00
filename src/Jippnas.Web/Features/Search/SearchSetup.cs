namespace Jippnas.Web.Features.Search;

public static class SearchSetup
{
    /// <summary>What every host that writes innovations needs: the index writer and the vocabulary it refreshes.</summary>
    public static IServiceCollection AddSearchIndex(this IServiceCollection services)
    {
        services.AddSingleton<SearchVocabulary>();
        services.AddScoped<SearchIndexer>();
        return services;
    }

    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection("Jippnas:Search"))
            .Validate(o => o.CandidateLimit is >= 100 and <= 100_000, "Jippnas:Search:CandidateLimit must be between 100 and 100000.")
            .Validate(o => o.CountLimit >= o.CandidateLimit, "Jippnas:Search:CountLimit must be at least CandidateLimit.")
            .Validate(o => o.FrequentShare is > 0 and <= 1, "Jippnas:Search:FrequentShare must be above 0 and at most 1.")
            .ValidateOnStart();
        services.AddScoped<SearchService>();
        services.AddSingleton<SimilarCache>();
        services.AddScoped<RelevanceEvaluation>();
        return services;
    }
}
