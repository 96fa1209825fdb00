using Microsoft.Extensions.Caching.Memory;

namespace Jippnas.Web.Features.Search;

/// <summary>
/// Keeps the ids of each innovation's "similar innovations" for ten minutes: computing them is a search, which
/// the innovation page should not pay on every view. Only ids are kept; the rows are read (published ones
/// only) on every view, so an unpublished record leaves the lists at once on every instance.
/// </summary>
public sealed class SimilarCache : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public async Task<IReadOnlyList<int>> GetAsync(int id, Func<Task<IReadOnlyList<int>>> compute)
    {
        if (cache.TryGetValue(id, out IReadOnlyList<int>? ids) && ids is not null)
        {
            return ids;
        }

        ids = await compute();
        cache.Set(id, ids, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return ids;
    }

    public void Dispose() => cache.Dispose();
}
