using Microsoft.Extensions.Caching.Memory;

namespace Jippnas.Web.Features.Search;

/// <summary>
/// Keeps each innovation's "similar innovations" for ten minutes: the list changes only when records do, and
/// computing it is a search, which the innovation page should not pay on every view.
/// </summary>
public sealed class SimilarCache : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public async Task<IReadOnlyList<SearchHit>> GetAsync(int id, Func<Task<IReadOnlyList<SearchHit>>> compute)
    {
        if (cache.TryGetValue(id, out IReadOnlyList<SearchHit>? hits) && hits is not null)
        {
            return hits;
        }

        hits = await compute();
        cache.Set(id, hits, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return hits;
    }

    public void Dispose() => cache.Dispose();
}
