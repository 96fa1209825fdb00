using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Jippnas.Web.Features.Search;

/// <summary>
/// Keeps the ids of each innovation's "similar innovations" for ten minutes: computing them is a search, which
/// the innovation page should not pay on every view. Only ids are kept; the rows are read (published ones
/// only) on every view, so an unpublished record leaves the lists at once on every instance.
/// A list not kept yet is computed in a scope of its own by at most <see cref="SearchOptions.SimilarWorkers"/> at a
/// time: the page waits for it a short while (<see cref="SearchOptions.SimilarWaitMilliseconds"/>) and otherwise
/// shows without it while the computation finishes for the next view, so a slow search never holds a page up and a
/// burst of views of uncached pages cannot pile searches onto the database.
/// </summary>
public sealed class SimilarCache(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<SearchOptions> options, ILogger<SimilarCache> logger) : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private readonly ConcurrentDictionary<int, Task<IReadOnlyList<int>>> running = new();
    private readonly SemaphoreSlim workers = new(Math.Max(1, options.Value.SimilarWorkers));

    /// <summary>
    /// The kept list of <paramref name="id"/>, or the one <paramref name="compute"/> (given a scope's services) finds
    /// within the wait; null when it is not ready in time or every worker is busy.
    /// </summary>
    public async Task<IReadOnlyList<int>?> GetAsync(int id, Func<IServiceProvider, CancellationToken, Task<IReadOnlyList<int>>> compute, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(id, out IReadOnlyList<int>? ids) && ids is not null)
        {
            return ids;
        }

        if (!running.TryGetValue(id, out var computing))
        {
            if (!await workers.WaitAsync(0, cancellationToken))
            {
                return null;
            }

            // The slot taken is released by the computation this call starts, or here when another call's won.
            var started = false;
            computing = running.GetOrAdd(id, key =>
            {
                started = true;
                return RunAsync(key, compute);
            });
            if (!started)
            {
                workers.Release();
            }
        }

        var wait = Task.Delay(TimeSpan.FromMilliseconds(options.Value.SimilarWaitMilliseconds), cancellationToken);
        return await Task.WhenAny(computing, wait) == computing ? await computing : null;
    }

    public void Dispose()
    {
        cache.Dispose();
        workers.Dispose();
    }

    private async Task<IReadOnlyList<int>> RunAsync(int id, Func<IServiceProvider, CancellationToken, Task<IReadOnlyList<int>>> compute)
    {
        try
        {
            await Task.Yield();
            await using var scope = scopes.CreateAsyncScope();
            var ids = await compute(scope.ServiceProvider, lifetime.ApplicationStopping);
            cache.Set(id, ids, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
            return ids;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A page is never failed by its "similar" list: it shows without one, and the next view tries again.
            logger.LogWarning(e, "Similar innovations of {Id} could not be computed", id);
            return [];
        }
        finally
        {
            running.TryRemove(id, out _);
            workers.Release();
        }
    }
}
