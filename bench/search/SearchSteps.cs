using Jippnas.Web.Features.Search;

namespace Jippnas.Bench.Search;

/// <summary>
/// Where the time of <see cref="SearchService.SearchAsync"/> goes: the same search, with its own step timings.
/// </summary>
public static class SearchSteps
{
    public static readonly string[] Names = [.. Enum.GetNames<SearchStep>().Select(n => n.ToLowerInvariant())];

    public static async Task<double[]> TimeAsync(IServiceProvider services, SearchQuery query, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var timings = new SearchTimings();
        await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(query, cancellationToken, timings);
        return timings.Milliseconds;
    }
}
