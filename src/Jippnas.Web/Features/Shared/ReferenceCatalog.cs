using System.Collections.Frozen;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Shared;

/// <summary>An immutable snapshot of the small reference lists every page names things from.</summary>
public sealed record ReferenceSnapshot(
    FrozenDictionary<string, Region> Regions,
    FrozenDictionary<int, Sector> Sectors,
    FrozenDictionary<string, Sector> SectorsByCode,
    FrozenDictionary<int, Sdg> Sdgs,
    FrozenDictionary<int, AwardKind> AwardKinds,
    FrozenDictionary<int, SourceSystem> SourceSystems,
    FrozenDictionary<string, HubSummary> HubsByProvince)
{
    public IEnumerable<Region> Provinces => Regions.Values.Where(r => r.Level == RegionLevel.Province).OrderBy(r => r.Code, StringComparer.Ordinal);

    public IEnumerable<Region> ChildrenOf(string provinceCode) =>
        Regions.Values.Where(r => r.ParentCode == provinceCode).OrderBy(r => r.Code, StringComparer.Ordinal);

    public string RegionName(string? code) => code is not null && Regions.TryGetValue(code, out var region) ? region.Name : "—";
}

public sealed record HubSummary(int Id, string Name, string? ProvinceCode, int FirstYear, string? DecreeNumber, string? DecreeTitle);

/// <summary>
/// Keeps the reference snapshot in memory and reloads it after a short time, so lists an administrator
/// extends show up on every instance within a minute without a query per page.
/// </summary>
public sealed class ReferenceCatalog(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim reloading = new(1, 1);
    private (ReferenceSnapshot Snapshot, DateTimeOffset LoadedAt)? current;

    public async ValueTask<ReferenceSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var cached = current;
        if (cached is { } c && clock.GetUtcNow() - c.LoadedAt < Lifetime)
        {
            return c.Snapshot;
        }

        await reloading.WaitAsync(cancellationToken);
        try
        {
            if (current is { } again && clock.GetUtcNow() - again.LoadedAt < Lifetime)
            {
                return again.Snapshot;
            }

            var snapshot = await LoadAsync(cancellationToken);
            current = (snapshot, clock.GetUtcNow());
            return snapshot;
        }
        finally
        {
            reloading.Release();
        }
    }

    public void Dispose() => reloading.Dispose();

    /// <summary>Forget the snapshot, e.g. after an administrator changes a list.</summary>
    public void Invalidate() => current = null;

    private async Task<ReferenceSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JippnasDb>();
        var regions = await db.Regions.ToListAsync(cancellationToken);
        var sectors = await db.Sectors.OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
        var hubs = await db.Hubs
            .Select(h => new
            {
                h.Id,
                h.Name,
                h.ProvinceCode,
                First = h.Designations.OrderBy(d => d.Year).Select(d => new { d.Year, d.DecreeNumber, d.DecreeTitle }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new ReferenceSnapshot(
            regions.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal),
            sectors.ToFrozenDictionary(s => s.Id),
            sectors.ToFrozenDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase),
            (await db.Sdgs.OrderBy(s => s.SortOrder).ToListAsync(cancellationToken)).ToFrozenDictionary(s => s.Id),
            (await db.AwardKinds.OrderBy(s => s.SortOrder).ToListAsync(cancellationToken)).ToFrozenDictionary(s => s.Id),
            (await db.SourceSystems.OrderBy(s => s.SortOrder).ToListAsync(cancellationToken)).ToFrozenDictionary(s => s.Id),
            hubs.Where(h => h.ProvinceCode is not null)
                .ToFrozenDictionary(
                    h => h.ProvinceCode!,
                    h => new HubSummary(h.Id, h.Name, h.ProvinceCode, h.First?.Year ?? 0, h.First?.DecreeNumber, h.First?.DecreeTitle),
                    StringComparer.Ordinal));
    }
}

public static class ReferenceCatalogRegistration
{
    public static IServiceCollection AddReferenceCatalog(this IServiceCollection services) =>
        services.AddSingleton<ReferenceCatalog>();
}
