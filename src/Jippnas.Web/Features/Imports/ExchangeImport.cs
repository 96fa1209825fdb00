using System.Globalization;
using System.Text.Json;
using Jippnas.Web.Features.Imports.Reading;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Imports;

/// <summary>
/// One problem with an import file, in Indonesian: the row (the spreadsheet row, or the line of a JSON Lines
/// file; 0 for the file as a whole) and the column or field ("*" for the whole row).
/// </summary>
public sealed record ImportError(int Line, string Field, string Message)
{
    public override string ToString() => Line == 0 ? $"berkas{(Field == "*" ? "" : $", kolom '{Field}'")}: {Message}" : $"baris {Line}, kolom '{Field}': {Message}";
}

/// <summary>
/// What an import did, or in a dry run would do: rows added, updated and unchanged, and the errors (the first
/// <see cref="ExchangeImport.MaxListedErrors"/> listed, all counted). Nothing is saved when there is any error.
/// </summary>
public sealed record ImportSummary(int Added, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors)
{
    public int ErrorCount { get; init; } = Errors.Count;

    /// <summary>Rows with at least one error.</summary>
    public int Invalid { get; init; }

    public bool DryRun { get; init; }

    public bool Committed => Errors.Count == 0 && !DryRun;
}

/// <summary>
/// Imports innovations from a source's file (CSV, XLSX or JSON Lines; docs/exchange-format.md) through the
/// source's column mapping. A record is identified by its source and source id: importing a file again changes
/// nothing, a changed row updates its innovation and keeps the earlier payload. Two passes over the file: the
/// first checks every row and counts what would change (the preview), the second writes everything in one
/// transaction with the search index. Only keys are held between rows, so memory does not grow with the file.
/// </summary>
public sealed class ExchangeImport(JippnasDb db, SearchIndexer search, TimeProvider clock)
{
    public const int MaxListedErrors = 1_000;
    private const int Chunk = 500;

    /// <summary>Checks, and unless <paramref name="dryRun"/> saves, the file <paramref name="open"/> opens (it is opened once per pass).</summary>
    /// <param name="open">Opens the file from its start; called once per pass.</param>
    /// <param name="source">The source system whose column mapping reads the file; the exchange format's by default.</param>
    /// <param name="dryRun">Only check and count.</param>
    /// <param name="progress">Receives the number of rows done in each pass.</param>
    /// <param name="cancellationToken">Stops the import; nothing is saved.</param>
    public async Task<ImportSummary> ImportAsync(Func<Stream> open, string source = ColumnMapping.ExchangeSource, bool dryRun = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var mapping = await ColumnMapping.LoadAsync(db, source, cancellationToken);
        if (mapping is null)
        {
            return new ImportSummary(0, 0, 0, [new ImportError(0, "source", $"sumber '{source}' tidak dikenal (contoh: KIPP, IGA, LAN, PROVINSI, JIPPNAS).")]);
        }

        var names = await ExchangeNames.LoadAsync(db, cancellationToken);
        var check = await CheckAsync(open, mapping, names, progress, cancellationToken);
        if (check.Errors.Count > 0 || dryRun)
        {
            return check with { DryRun = dryRun };
        }

        return await CommitAsync(open, mapping, names, progress, cancellationToken);
    }

    private async Task<ImportSummary> CheckAsync(Func<Stream> open, ColumnMapping mapping, ExchangeNames names, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var errorCount = 0;
        var invalidRows = new HashSet<int>();
        var seen = new Dictionary<(string, string), int>();
        var pending = new List<(ExchangeRecord Record, string Payload)>(Chunk);
        var (added, updated, unchanged, rows) = (0, 0, 0, 0);

        void Keep(List<ImportError> found)
        {
            foreach (var error in found)
            {
                errorCount++;
                invalidRows.Add(error.Line);
                if (errors.Count < MaxListedErrors)
                {
                    errors.Add(error);
                }
            }
        }

        async Task ClassifyAsync()
        {
            var states = await StatesAsync(pending, names, cancellationToken);
            added += states.Count(s => s == RowState.New);
            updated += states.Count(s => s == RowState.Changed);
            unchanged += states.Count(s => s == RowState.Unchanged);
            pending.Clear();
        }

        await using (var stream = open())
        {
            try
            {
                await foreach (var row in ImportFiles.ReadAsync(stream, cancellationToken))
                {
                    var found = new List<ImportError>();
                    var record = ExchangeRecord.From(mapping.Map(row, found), row.Number, names, clock, found);
                    if (record is not null && seen.TryGetValue((record.SourceCode, record.SourceId), out var first))
                    {
                        found.Add(new ImportError(row.Number, "source_id", $"'{record.SourceId}' sudah ada di baris {first} berkas ini."));
                    }
                    else if (record is not null)
                    {
                        seen[(record.SourceCode, record.SourceId)] = row.Number;
                        // Once the file has an error nothing will be compared or saved: keep no payloads from then on.
                        if (found.Count == 0 && errorCount == 0)
                        {
                            pending.Add((record, Payload(row)));
                        }
                    }

                    Keep(found);
                    if (++rows % Chunk == 0)
                    {
                        progress?.Report(new ImportProgress(ImportStage.Checking, rows));
                    }

                    if (pending.Count == Chunk && errorCount == 0)
                    {
                        await ClassifyAsync();
                    }
                }
            }
            catch (ImportFileException exception)
            {
                Keep([exception.Error]);
            }
        }

        if (errorCount == 0)
        {
            await ClassifyAsync();
            if (rows == 0)
            {
                Keep([new ImportError(0, "*", "berkas tidak berisi satu baris data pun.")]);
            }
        }

        progress?.Report(new ImportProgress(ImportStage.Checking, rows));
        // With errors nothing will be saved, and rows are no longer compared after the first: no counts to show.
        return errorCount > 0
            ? new ImportSummary(0, 0, 0, errors) { ErrorCount = errorCount, Invalid = invalidRows.Count(r => r > 0) }
            : new ImportSummary(added, updated, unchanged, errors);
    }

    private async Task<ImportSummary> CommitAsync(Func<Stream> open, ColumnMapping mapping, ExchangeNames names, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (added, updated, unchanged, rows) = (0, 0, 0, 0);
            var pending = new List<(ExchangeRecord Record, string Payload)>(Chunk);

            async Task WriteAsync()
            {
                var (a, u, n) = await WriteChunkAsync(pending, names, cancellationToken);
                (added, updated, unchanged) = (added + a, updated + u, unchanged + n);
                rows += pending.Count;
                pending.Clear();
                progress?.Report(new ImportProgress(ImportStage.Saving, rows));
            }

            await using (var stream = open())
            {
                await foreach (var row in ImportFiles.ReadAsync(stream, cancellationToken))
                {
                    var errors = new List<ImportError>();
                    var record = ExchangeRecord.From(mapping.Map(row, errors), row.Number, names, clock, errors);
                    if (record is null || errors.Count > 0)
                    {
                        // The file changed between the passes: save nothing.
                        throw new InvalidOperationException($"The import file changed while it was imported: {errors.FirstOrDefault()}");
                    }

                    pending.Add((record, Payload(row)));
                    if (pending.Count == Chunk)
                    {
                        await WriteAsync();
                    }
                }
            }

            await WriteAsync();
            await transaction.CommitAsync(cancellationToken);
            return new ImportSummary(added, updated, unchanged, []);
        });
    }

    private enum RowState
    {
        New,
        Changed,
        Unchanged,
    }

    // What saving each pending row would do, from the stored source records of its keys (and, for a line of the
    // exchange export without a source, the innovation it names).
    private async Task<List<RowState>> StatesAsync(List<(ExchangeRecord Record, string Payload)> pending, ExchangeNames names, CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(pending, names, cancellationToken);
        var native = await NativeAsync(pending, cancellationToken);
        return pending.ConvertAll(p => stored.TryGetValue((names.SourceSystems[p.Record.SourceCode], p.Record.SourceId), out var source)
            ? source.Payload == p.Payload ? RowState.Unchanged : RowState.Changed
            : NativeId(p.Record) is { } id && native.Contains(id) ? RowState.Changed : RowState.New);
    }

    /// <summary>
    /// The innovation a line names when the exchange export wrote it without a source (<c>JIPPNAS</c>,
    /// <c>JIPPNAS-{id}</c>): imported back into the portal it came from, it updates that innovation instead of adding
    /// a copy.
    /// </summary>
    private static int? NativeId(ExchangeRecord record) =>
        record.SourceCode == ColumnMapping.ExchangeSource && record.SourceId.StartsWith(ExchangeExport.NativePrefix, StringComparison.Ordinal)
        && int.TryParse(record.SourceId.AsSpan(ExchangeExport.NativePrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    // Of the innovations named by JIPPNAS-{id} lines, those that exist here.
    private async Task<HashSet<int>> NativeAsync(List<(ExchangeRecord Record, string Payload)> pending, CancellationToken cancellationToken)
    {
        var ids = pending.Select(p => NativeId(p.Record)).OfType<int>().Distinct().ToList();
        return ids.Count == 0 ? [] : [.. await db.Innovations.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken)];
    }

    private async Task<Dictionary<(int, string), SourceRecord>> StoredAsync(List<(ExchangeRecord Record, string Payload)> pending, ExchangeNames names, CancellationToken cancellationToken, bool tracking = false)
    {
        var keys = pending.Select(p => p.Record.SourceId).Distinct().ToList();
        var query = db.SourceRecords.Where(s => keys.Contains(s.ExternalId));
        var found = await (tracking ? query.AsTracking() : query).ToListAsync(cancellationToken);
        var wanted = pending.Select(p => (names.SourceSystems[p.Record.SourceCode], p.Record.SourceId)).ToHashSet();
        return found.Where(s => wanted.Contains((s.SourceSystemId, s.ExternalId))).ToDictionary(s => (s.SourceSystemId, s.ExternalId));
    }

    private async Task<(int Added, int Updated, int Unchanged)> WriteChunkAsync(List<(ExchangeRecord Record, string Payload)> pending, ExchangeNames names, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return (0, 0, 0);
        }

        var now = clock.GetUtcNow();
        var (added, updated, unchanged) = (0, 0, 0);
        var touched = new List<Innovation>();
        var existing = await StoredAsync(pending, names, cancellationToken, tracking: true);
        int? Target(ExchangeRecord record, SourceRecord? source) => source?.InnovationId ?? (source is null ? NativeId(record) : null);
        SourceRecord? Stored(ExchangeRecord record) => existing.GetValueOrDefault((names.SourceSystems[record.SourceCode], record.SourceId));

        // The innovations the chunk's changed rows update, in one query rather than one per row.
        var targets = pending.Where(p => Stored(p.Record) is not { } s || s.Payload != p.Payload)
            .Select(p => Target(p.Record, Stored(p.Record))).OfType<int>().Distinct().ToList();
        var innovations = targets.Count == 0 ? [] : await db.Innovations.AsTracking().Include(i => i.Awards).Include(i => i.Sdgs)
            .Where(i => targets.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        foreach (var (record, payload) in pending)
        {
            var systemId = names.SourceSystems[record.SourceCode];
            var source = Stored(record);
            if (source is not null && source.Payload == payload)
            {
                unchanged++;
                continue;
            }

            var innovation = Target(record, source) is { } id ? innovations.GetValueOrDefault(id) : null;
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
                innovation.SourceRecords.Add(new SourceRecord { SourceSystemId = systemId, ExternalId = record.SourceId, Payload = payload, FetchedAt = now, MatchStatus = MatchStatus.Matched });
            }
            else
            {
                // The earlier payload stays as history, so a change of the source's columns can be re-mapped.
                db.SourceRecordVersions.Add(new SourceRecordVersion { SourceRecordId = source.Id, Payload = source.Payload, FetchedAt = source.FetchedAt, ReplacedAt = now });
                source.Payload = payload;
                source.FetchedAt = now;
                if (source.InnovationId is null)
                {
                    innovation.SourceRecords.Add(source);
                }
            }

            touched.Add(innovation);
        }

        await db.SaveChangesAsync(cancellationToken);
        await search.IndexAsync([.. touched.Select(i => i.Id)], cancellationToken);
        db.ChangeTracker.Clear();
        return (added, updated, unchanged);
    }

    // What is kept of a row: its cells by the file's column names, so a later change of mapping can re-read it.
    private static string Payload(ImportRow row) =>
        JsonSerializer.Serialize(row.Cells.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));
}

public enum ImportStage
{
    Checking,
    Saving,
}

/// <summary>How far an import is: the pass and the rows done in it.</summary>
public readonly record struct ImportProgress(ImportStage Stage, int Rows);

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
    /// <summary>A province's code from its code or its name as a source writes it ("35", "Jawa Timur", "Prov. Jawa Timur").</summary>
    public string? Province(string written) =>
        Provinces.TryGetValue(written.Trim(), out var code) || Provinces.TryGetValue(RegionNames.Normalize(written), out code) ? code : null;

    /// <summary>A regency or city from its code or its name as a source writes it ("35.08", "Kab. Lumajang", "Pemkab Lumajang", "Lumajang").</summary>
    public (string Code, string Province)? Regency(string written) =>
        Regencies.TryGetValue(written.Trim(), out var found) || Regencies.TryGetValue(RegionNames.Normalize(written), out found) ? found : null;

    public static async Task<ExchangeNames> LoadAsync(JippnasDb db, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Code, r.Name, r.ParentCode }).ToListAsync(cancellationToken);
        var provinces = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var regencies = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        var bare = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var normalized = RegionNames.Normalize(region.Name);
            if (region.ParentCode is null)
            {
                provinces[region.Code] = region.Code;
                provinces[normalized] = region.Code;
            }
            else
            {
                regencies[region.Code] = (region.Code, region.ParentCode);
                regencies[normalized] = (region.Code, region.ParentCode);
                var name = RegionNames.Bare(normalized);
                if (!bare.TryGetValue(name, out var list))
                {
                    bare[name] = list = [];
                }

                list.Add((region.Code, region.ParentCode));
            }
        }

        // A bare name ("Lumajang") stands for its regency or city only where no other has it (Bekasi is both).
        foreach (var (name, list) in bare.Where(b => b.Value.Count == 1))
        {
            regencies.TryAdd(name, list[0]);
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
