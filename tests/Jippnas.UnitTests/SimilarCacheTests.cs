using Jippnas.Web.Features.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jippnas.UnitTests;

/// <summary>
/// The innovation page's "similar innovations": a slow list never holds the page up, a burst of uncached pages
/// cannot start more searches than there are workers, and a list found late is there for the next view.
/// </summary>
public sealed class SimilarCacheTests
{
    [Fact]
    public async Task A_slow_list_is_not_waited_for_and_is_kept_for_the_next_view()
    {
        using var cache = Cache(workers: 1);
        var gate = new TaskCompletionSource();
        (await cache.GetAsync(1, async (_, _) => { await gate.Task; return [7, 8]; }, CancellationToken.None)).ShouldBeNull();

        // The only worker is busy: another uncached page neither waits nor starts a search.
        var started = false;
        (await cache.GetAsync(2, (_, _) => { started = true; return Task.FromResult<IReadOnlyList<int>>([9]); }, CancellationToken.None)).ShouldBeNull();
        started.ShouldBeFalse();

        gate.SetResult();
        IReadOnlyList<int>? kept = null;
        for (var i = 0; i < 100 && kept is null; i++)
        {
            await Task.Delay(20);
            kept = await cache.GetAsync(1, (_, _) => throw new InvalidOperationException("computed twice"), CancellationToken.None);
        }

        kept.ShouldBe([7, 8]);

        // The worker is free again: the other page's list is computed (its wait is short, so a busy machine may
        // need a second view before it is kept).
        IReadOnlyList<int>? other = null;
        for (var i = 0; i < 100 && other is null; i++)
        {
            other = await cache.GetAsync(2, (_, _) => Task.FromResult<IReadOnlyList<int>>([9]), CancellationToken.None);
        }

        other.ShouldBe([9]);
    }

    [Fact]
    public async Task A_failing_search_gives_an_empty_list_and_is_tried_again_later()
    {
        // A wait long enough for any machine: the point here is what a failure leaves behind, not the timing.
        using var cache = Cache(workers: 1, waitMilliseconds: 30_000);
        (await cache.GetAsync(3, (_, _) => throw new TimeoutException("database busy"), CancellationToken.None)).ShouldBe([]);
        (await cache.GetAsync(3, (_, _) => Task.FromResult<IReadOnlyList<int>>([4]), CancellationToken.None)).ShouldBe([4]);
    }

    private static SimilarCache Cache(int workers, int waitMilliseconds = 100) => new(
        new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), new Lifetime(),
        Options.Create(new SearchOptions { SimilarWaitMilliseconds = waitMilliseconds, SimilarWorkers = workers }), NullLogger<SimilarCache>.Instance);

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
