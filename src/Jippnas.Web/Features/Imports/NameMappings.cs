using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Imports;

/// <summary>
/// Names curators resolve once: "Kab. OKU" is 16.01 from then on, in every import. A region name maps to a region; an
/// agency name to a region (its government) or to an agency the portal knows, by name or acronym.
/// </summary>
public sealed class NameMappings(JippnasDb db, TimeProvider clock)
{
    /// <summary>A region for a datalist: its code, and its name with its province's.</summary>
    public sealed record RegionChoice(string Code, string Label);

    /// <summary>Remembers that <paramref name="written"/> stands for <paramref name="target"/>; an Indonesian message naming the field when it cannot.</summary>
    /// <param name="kind">Whether the name was written as a region or as an agency.</param>
    /// <param name="written">The name as the source wrote it.</param>
    /// <param name="target">A region's code or name, or (for an agency) an agency's name or acronym.</param>
    /// <param name="user">Who mapped it.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public async Task<string?> MapAsync(NameKind kind, string? written, string? target, string? user, CancellationToken cancellationToken)
    {
        written = written?.Trim();
        target = target?.Trim();
        if (string.IsNullOrEmpty(written) || RegionNames.Normalize(written) is not { Length: > 0 and <= NameMapping.MaxWritten } key)
        {
            return $"nama: wajib diisi, paling panjang {NameMapping.MaxWritten} karakter.";
        }

        if (string.IsNullOrEmpty(target))
        {
            return $"'{written}': tulis kode atau nama {(kind == NameKind.Region ? "wilayah" : "wilayah atau instansi")} yang dimaksud.";
        }

        var names = await ExchangeNames.LoadAsync(db, cancellationToken);
        var region = names.Regency(target)?.Code ?? names.Province(target);
        int? agencyId = null;
        if (region is null && kind == NameKind.Agency && names.Agencies.TryGetValue(RegionNames.Normalize(target), out var agency) && agency.Id is { } id)
        {
            (agencyId, region) = (id, agency.RegencyCode ?? agency.ProvinceCode);
        }

        if (region is null && agencyId is null)
        {
            return $"'{target}' bukan kode atau nama {(kind == NameKind.Region ? "wilayah" : "wilayah atau instansi")} yang dikenal (contoh: 16.01 atau Kabupaten Ogan Komering Ulu).";
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.NameMappings.RemoveRange(await db.NameMappings.AsTracking().Where(m => m.Kind == kind && m.Written == key).ToListAsync(cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            db.NameMappings.Add(new NameMapping { Kind = kind, Written = key, RegionCode = region, AgencyId = agencyId, CreatedBy = user, CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        });
        return null;
    }

    public Task<List<NameMapping>> ListAsync(CancellationToken cancellationToken) =>
        db.NameMappings.OrderBy(m => m.Kind).ThenBy(m => m.Written).ToListAsync(cancellationToken);

    /// <summary>Forgets a mapping (through EF, so the audit log keeps what it was); the count removed.</summary>
    public async Task<int> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        db.NameMappings.RemoveRange(await db.NameMappings.AsTracking().Where(m => m.Id == id).ToListAsync(cancellationToken));
        return await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every province, regency and city, for the curator's datalist.</summary>
    public async Task<List<RegionChoice>> RegionsAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.OrderBy(r => r.Code).Select(r => new { r.Code, r.Name, r.ParentCode }).ToListAsync(cancellationToken);
        var provinces = regions.Where(r => r.ParentCode is null).ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        return regions.ConvertAll(r => new RegionChoice(r.Code, r.ParentCode is { } parent ? $"{r.Name}, {provinces.GetValueOrDefault(parent)}" : r.Name));
    }
}
