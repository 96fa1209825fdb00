using System.Globalization;
using System.Text.Json;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Imports;

/// <summary>One problem with one line of an import file, in Indonesian, naming the field.</summary>
public sealed record ImportError(int Line, string Field, string Message)
{
    public override string ToString() => $"baris {Line}, kolom '{Field}': {Message}";
}

public sealed record ImportSummary(int Added, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors)
{
    public bool Committed => Errors.Count == 0;
}

/// <summary>
/// Imports innovations in the JIPPNas exchange format (JSON Lines, docs/exchange-format.md). A record is
/// identified by its source and source id: importing a file again changes nothing, a changed line updates
/// its innovation. The whole file is one transaction, indexed for search inside it: every line is valid and
/// saved, or nothing is.
/// </summary>
public sealed class ExchangeImport(JippnasDb db, SearchIndexer search, TimeProvider clock)
{
    public const int MaxLineLength = 200_000;

    public async Task<ImportSummary> ImportAsync(TextReader input, CancellationToken cancellationToken)
    {
        var names = await ExchangeNames.LoadAsync(db, cancellationToken);
        var errors = new List<ImportError>();
        var records = new List<(int Line, ExchangeRecord Record, string Raw)>();
        var seen = new Dictionary<(string, string), int>();
        var number = 0;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (line.Length > MaxLineLength)
            {
                errors.Add(new ImportError(number, "*", $"baris lebih dari {MaxLineLength:N0} karakter."));
                continue;
            }

            var record = ExchangeRecord.Parse(line, number, names, clock, errors);
            if (record is null)
            {
                continue;
            }

            if (seen.TryGetValue((record.SourceCode, record.SourceId), out var first))
            {
                errors.Add(new ImportError(number, "source_id", $"'{record.SourceId}' sudah ada di baris {first} berkas ini."));
                continue;
            }

            seen[(record.SourceCode, record.SourceId)] = number;
            records.Add((number, record, line));
        }

        if (errors.Count > 0)
        {
            return new ImportSummary(0, 0, 0, errors);
        }

        return await CommitAsync(records, names, cancellationToken);
    }

    private async Task<ImportSummary> CommitAsync(List<(int Line, ExchangeRecord Record, string Raw)> records, ExchangeNames names, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var (added, updated, unchanged) = (0, 0, 0);
            var touched = new List<Innovation>();
            foreach (var chunk in records.Chunk(500))
            {
                var keys = chunk.Select(c => c.Record.SourceId).ToList();
                var existing = await db.SourceRecords.AsTracking().Where(s => keys.Contains(s.ExternalId)).ToListAsync(cancellationToken);
                foreach (var (_, record, raw) in chunk)
                {
                    var systemId = names.SourceSystems[record.SourceCode];
                    var source = existing.FirstOrDefault(s => s.SourceSystemId == systemId && s.ExternalId == record.SourceId);
                    if (source is not null && source.Payload == raw)
                    {
                        unchanged++;
                        continue;
                    }

                    var innovation = source?.InnovationId is { } id
                        ? await db.Innovations.AsTracking().Include(i => i.Awards).Include(i => i.Sdgs).FirstAsync(i => i.Id == id, cancellationToken)
                        : null;
                    if (innovation is null)
                    {
                        innovation = new Innovation { Name = record.Name, Provenance = Provenance.Imported, CreatedAt = now };
                        db.Innovations.Add(innovation);
                        added++;
                    }
                    else
                    {
                        updated++;
                    }

                    record.ApplyTo(innovation, names, now);
                    if (source is null)
                    {
                        innovation.SourceRecords.Add(new SourceRecord { SourceSystemId = systemId, ExternalId = record.SourceId, Payload = raw, FetchedAt = now, MatchStatus = MatchStatus.Matched });
                    }
                    else
                    {
                        source.Payload = raw;
                        source.FetchedAt = now;
                        if (source.InnovationId is null)
                        {
                            innovation.SourceRecords.Add(source);
                        }
                    }

                    touched.Add(innovation);
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            await search.IndexAsync([.. touched.Select(i => i.Id)], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImportSummary(added, updated, unchanged, []);
        });
    }
}

/// <summary>Codes and names the importer resolves against, loaded once per file.</summary>
internal sealed record ExchangeNames(
    Dictionary<string, string> Provinces,
    Dictionary<string, (string Code, string Province)> Regencies,
    Dictionary<string, int> Sectors,
    Dictionary<string, int> Sdgs,
    Dictionary<string, int> AwardKinds,
    Dictionary<string, int> SourceSystems,
    Dictionary<string, int> Governments)
{
    public static async Task<ExchangeNames> LoadAsync(JippnasDb db, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Code, r.Name, r.ParentCode }).ToListAsync(cancellationToken);
        var provinces = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var regencies = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var region in regions)
        {
            if (region.ParentCode is null)
            {
                provinces[region.Code] = region.Code;
                provinces[region.Name] = region.Code;
            }
            else
            {
                regencies[region.Code] = (region.Code, region.ParentCode);
                regencies[region.Name] = (region.Code, region.ParentCode);
            }
        }

        static Dictionary<string, int> ByCode(IEnumerable<Classification> list) =>
            list.ToDictionary(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase);

        var sectors = ByCode(await db.Sectors.AsNoTracking().ToListAsync(cancellationToken));
        foreach (var sector in await db.Sectors.AsNoTracking().ToListAsync(cancellationToken))
        {
            sectors.TryAdd(sector.NameId, sector.Id);
        }

        return new ExchangeNames(
            provinces,
            regencies,
            sectors,
            ByCode(await db.Sdgs.AsNoTracking().ToListAsync(cancellationToken)),
            ByCode(await db.AwardKinds.AsNoTracking().ToListAsync(cancellationToken)),
            ByCode(await db.SourceSystems.AsNoTracking().ToListAsync(cancellationToken)),
            await db.Agencies.AsNoTracking().Where(a => a.RegionCode != null && a.ParentId == null)
                .ToDictionaryAsync(a => a.RegionCode!, a => a.Id, StringComparer.Ordinal, cancellationToken));
    }
}
