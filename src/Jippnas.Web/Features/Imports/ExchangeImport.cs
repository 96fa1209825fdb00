using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
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

    /// <summary>Names the check could not resolve (the first <see cref="ExchangeImport.MaxListedNames"/>), for curators to map once.</summary>
    public IReadOnlyList<UnresolvedName> Unresolved { get; init; } = [];

    /// <summary>The innovations a committed import added or changed, for the search for duplicates that follows it.</summary>
    public IReadOnlyList<int> Touched { get; init; } = [];

    public bool Committed => Errors.Count == 0 && !DryRun;
}

/// <summary>
/// Imports innovations from a source's file (CSV, XLSX or JSON Lines; docs/exchange-format.md) through the
/// source's column mapping. A record is identified by its source and source id: importing a file again changes
/// nothing, a changed row updates its innovation and keeps the earlier payload. A dry run checks every row and counts
/// what would change (the preview); an import checks each row as it writes it, everything in one transaction with the
/// search index, and at the first row with an error rolls back and lists every error of the file in a checking pass.
/// Only keys are held between rows, so memory does not grow with the file.
/// </summary>
public sealed class ExchangeImport(JippnasDb db, SearchIndexer search, TimeProvider clock)
{
    public const int MaxListedErrors = 1_000;
    public const int MaxListedNames = 500;
    // Rows handed from the reading thread to the writing one at a time, and chunks waiting between them. Every row in
    // flight holds its cells, payload and index document (~35 KB): 500-row chunks, two waiting, took a 100,000-row
    // import to 570 MB; 200 and one waiting, to 320 MB, no slower.
    private const int Chunk = 200;
    private const int ChunksWaiting = 1;
    private const int RefreshStatisticsAfter = 1_000;
    private const int DeferTalliesFrom = 1_000;

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
        // One connection for every pass of the file, set up for an import on SQLite (SqlitePragmas.SetImportingAsync).
        var sqlite = !db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (sqlite)
            {
                await SqlitePragmas.SetImportingAsync(db.Database.GetDbConnection(), importing: true, cancellationToken);
            }

            if (dryRun)
            {
                return await CheckAsync(open, mapping, names, progress, cancellationToken) with { DryRun = true };
            }

            // One pass checks each row as it writes it. At the first row with an error the transaction is rolled back
            // and a checking pass lists every error of the file: nothing is saved from a file with any.
            if (await CommitAsync(open, mapping, names, progress, cancellationToken) is { } saved)
            {
                return saved;
            }

            var check = await CheckAsync(open, mapping.Anew(), names, progress, cancellationToken);
            return check.Errors.Count > 0
                ? check
                : new ImportSummary(0, 0, 0, [new ImportError(0, "*", "berkas berubah selama diimpor; tidak ada yang disimpan. Unggah berkas itu lagi.")]) { Unresolved = check.Unresolved };
        }
        finally
        {
            try
            {
                if (sqlite)
                {
                    await SqlitePragmas.SetImportingAsync(db.Database.GetDbConnection(), importing: false, CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private async Task<ImportSummary> CheckAsync(Func<Stream> open, ColumnMapping mapping, ExchangeNames names, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var errorCount = 0;
        var invalidRows = new HashSet<int>();
        var seen = new Dictionary<(string, string), int>();
        var pending = new List<Pending>(Chunk);
        var (added, updated, unchanged, rows) = (0, 0, 0, 0);
        var unresolved = new UnresolvedNames();
        var recorded = await RecordedSystemsAsync(cancellationToken);

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
            var states = await StatesAsync(pending, names, recorded, cancellationToken);
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
                    unresolved.Line = row.Number;
                    var record = ExchangeRecord.From(mapping.Map(row, found), row.Number, names, clock, found, unresolved.Add);
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
                            pending.Add(new Pending(record, row));
                        }
                    }

                    Keep(found);
                    if (++rows % Chunk == 0)
                    {
                        progress?.Report(new ImportProgress(ImportStage.Checking, rows) { Fraction = FractionRead(stream) });
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

        progress?.Report(new ImportProgress(ImportStage.Checking, rows) { Fraction = 1 });
        // With errors nothing will be saved, and rows are no longer compared after the first: no counts to show.
        var unknown = unresolved.List();
        return errorCount > 0
            ? new ImportSummary(0, 0, 0, errors) { ErrorCount = errorCount, Invalid = invalidRows.Count(r => r > 0), Unresolved = unknown }
            : new ImportSummary(added, updated, unchanged, errors) { Unresolved = unknown };
    }

    // The saving pass: a reading thread checks rows and hands them over in chunks while this one writes and indexes
    // the chunk before. Null when a row has an error (or the file has none): the transaction is rolled back.
    private async Task<ImportSummary?> CommitAsync(Func<Stream> open, ColumnMapping mapping, ExchangeNames names, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

                // The source systems that have no records yet need no lookups while the file is written: should
                // another import save one of their records meanwhile, the unique source key stops this one whole.
                var recorded = await RecordedSystemsAsync(cancellationToken);
                await using var writer = new ImportWriter(db);
                var words = new WordTally();
                var touched = new List<int>();
                var unresolved = new UnresolvedNames();
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var chunks = Channel.CreateBounded<(List<Pending> Rows, double? Fraction)>(ChunksWaiting);
                var reading = Task.Run(() => ReadChunksAsync(open, mapping, names, unresolved, chunks.Writer, stop.Token), stop.Token);
                var (added, updated, unchanged, rows) = (0, 0, 0, 0);
                var deferTallies = false;
                // The new rows of a chunk are analysed for the index (and their words counted) on the thread pool
                // while the next chunk's rows are written; their documents are written after it.
                Task<SearchDocument[]>? analysing = null;
                try
                {
                    // On PostgreSQL every row's trigger updates the same few tally rows, and inside one transaction
                    // each update walks the versions the earlier ones left: quadratic. A file of DeferTalliesFrom rows
                    // or more (read ahead to know it before the first write) defers the triggers from its first row,
                    // so this transaction never holds the tally rows other writers update, and recounts them all once
                    // before it commits. SQLite updates in place and keeps its triggers.
                    var source = db.Database.IsNpgsql()
                        ? LookAheadAsync(chunks.Reader, DeferTalliesFrom, async () =>
                        {
                            await db.Database.ExecuteSqlRawAsync("SET LOCAL jippnas.defer_tallies = 'on'", cancellationToken);
                            deferTallies = true;
                        }, cancellationToken)
                        : chunks.Reader.ReadAllAsync(cancellationToken);
                    await foreach (var (chunk, fraction) in source)
                    {
                        var (a, u, n, fresh) = await WriteChunkAsync(chunk, names, writer, touched, recorded, cancellationToken);
                        if (analysing is not null)
                        {
                            await search.IndexNewAsync(await analysing, cancellationToken);
                        }

                        // One analysis runs at a time (each is awaited before the next starts), so the word counts
                        // are gathered there too, off this thread.
                        analysing = Task.Run(
                            () =>
                            {
                                var documents = search.Analyse(fresh.ConvertAll(f => f.Record.ToSearchSource(f.Id, f.SystemId, names)), stop.Token);
                                foreach (var document in documents)
                                {
                                    words.Add(document);
                                }

                                return documents;
                            },
                            stop.Token);
                        (added, updated, unchanged, rows) = (added + a, updated + u, unchanged + n, rows + chunk.Count);
                        progress?.Report(new ImportProgress(ImportStage.Saving, rows) { Fraction = fraction });
                    }

                    if (analysing is not null)
                    {
                        await search.IndexNewAsync(await analysing, cancellationToken);
                    }
                }
                catch
                {
                    await stop.CancelAsync();
                    await Task.WhenAny(reading);
                    if (analysing is not null)
                    {
                        await Task.WhenAny(analysing);
                    }

                    throw;
                }

                if (!await reading)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return null;
                }

                await search.AddWordsAsync(words, cancellationToken);
                if (deferTallies && added + updated > 0)
                {
                    await db.RecountTalliesAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                if (added + updated >= RefreshStatisticsAfter)
                {
                    // The planner's statistics describe the tables before the import: a first import into an empty
                    // table would otherwise be read by scans (SQLite keeps them until the next ANALYZE). The file is
                    // saved by now, so a cancellation no longer applies.
                    await using var analyze = SqlCommands.Create(db, db.Database.IsNpgsql()
                        ? "ANALYZE innovations; ANALYZE source_records; ANALYZE innovation_search"
                        : "PRAGMA analysis_limit = 1000; ANALYZE innovations; ANALYZE source_records; ANALYZE awards; ANALYZE innovation_sdgs", []);
                    analyze.CommandTimeout = 0;
                    await analyze.ExecuteNonQueryAsync(CancellationToken.None);
                }

                return new ImportSummary(added, updated, unchanged, []) { Touched = touched, Unresolved = unresolved.List() };
            }
            finally
            {
                db.ChangeTracker.Clear();
                await db.Database.CloseConnectionAsync();
            }
        });
    }

    // The reading side of the commit: checked rows in chunks, each with its payload made; false at the first row
    // with an error (or a file that cannot be read, or has no row), after which nothing more is handed over.
    private async Task<bool> ReadChunksAsync(Func<Stream> open, ColumnMapping mapping, ExchangeNames names, UnresolvedNames unresolved, ChannelWriter<(List<Pending>, double?)> output, CancellationToken cancellationToken)
    {
        var valid = true;
        var rows = 0;
        try
        {
            var seen = new HashSet<(string, string)>();
            var chunk = new List<Pending>(Chunk);
            await using (var stream = open())
            {
                await foreach (var row in ImportFiles.ReadAsync(stream, cancellationToken))
                {
                    var errors = new List<ImportError>();
                    unresolved.Line = row.Number;
                    var record = ExchangeRecord.From(mapping.Map(row, errors), row.Number, names, clock, errors, unresolved.Add);
                    if (record is null || errors.Count > 0 || !seen.Add((record.SourceCode, record.SourceId)))
                    {
                        valid = false;
                        break;
                    }

                    rows++;
                    var pending = new Pending(record, row);
                    // Every row's payload is compared or saved: made and packed here, off the writing thread.
                    _ = pending.Packed;
                    chunk.Add(pending);
                    if (chunk.Count == Chunk)
                    {
                        await output.WriteAsync((chunk, FractionRead(stream)), cancellationToken);
                        chunk = new List<Pending>(Chunk);
                    }
                }
            }

            if (valid && chunk.Count > 0)
            {
                await output.WriteAsync((chunk, 1), cancellationToken);
            }
        }
        catch (ImportFileException)
        {
            valid = false;
        }
        catch (Exception exception)
        {
            output.TryComplete(exception);
            throw;
        }

        output.TryComplete();
        return valid && rows > 0;
    }

    // The names of a file no rule resolved, once per name with its row count (the first MaxListedNames names).
    private sealed class UnresolvedNames
    {
        private readonly Dictionary<(NameKind, string), UnresolvedName> names = [];

        /// <summary>The row being read, which a name first seen is listed with.</summary>
        public int Line { get; set; }

        public void Add(NameKind kind, string field, string written)
        {
            var key = (kind, RegionNames.Normalize(written));
            if (names.TryGetValue(key, out var known))
            {
                names[key] = known with { Rows = known.Rows + 1 };
            }
            else if (names.Count < MaxListedNames)
            {
                names[key] = new UnresolvedName(kind, field, written, 1, Line);
            }
        }

        public List<UnresolvedName> List() => [.. names.Values.OrderBy(u => u.Line)];
    }

    // A checked row; its payload (the row's cells as JSON) is made, and packed, only when it is compared or saved.
    private sealed record Pending(ExchangeRecord Record, ImportRow Row)
    {
        public string Payload => field ??= ExchangeImport.Payload(Row);

        public byte[] Packed => field ??= Payloads.Pack(Payload);

        public bool IsStoredIn(StoredSource source) => Payloads.Holds(source.Payload, Packed, Payload);
    }

    // A new innovation as written, for the index.
    private sealed record Written(ExchangeRecord Record, int Id, int SystemId);

    // A stored source record, as much as the import compares and links; its payload as stored (Payloads).
    private sealed record StoredSource(long Id, int? InnovationId, byte[] Payload);

    private enum RowState
    {
        New,
        Changed,
        Unchanged,
    }

    // What saving each pending row would do, from the stored source records of its keys (and, for a line of the
    // exchange export without a source, the innovation it names).
    private async Task<List<RowState>> StatesAsync(List<Pending> pending, ExchangeNames names, HashSet<int> recorded, CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(pending, names, recorded, cancellationToken);
        var native = await NativeAsync(pending, cancellationToken);
        return pending.ConvertAll(p => stored.TryGetValue((names.SourceSystems[p.Record.SourceCode], p.Record.SourceId), out var source)
            ? p.IsStoredIn(source) ? RowState.Unchanged : RowState.Changed
            : NativeId(p.Record) is { } id && native.Contains(id) ? RowState.Changed : RowState.New);
    }

    /// <summary>
    /// The innovation a line names when the exchange export wrote it without a source (<c>JIPPNAS</c>,
    /// <c>JIPPNAS-{id}</c>): imported back into the portal it came from, it updates that innovation instead of adding
    /// a copy.
    /// </summary>
    private static int? NativeId(ExchangeRecord record) =>
        record.SourceCode == ColumnMapping.ExchangeSource && record.SourceId.StartsWith(ExchangeExport.NativePrefix, StringComparison.Ordinal)
        && int.TryParse(record.SourceId.AsSpan(ExchangeExport.NativePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        && record.SourceId.AsSpan(ExchangeExport.NativePrefix.Length).SequenceEqual(id.ToString(CultureInfo.InvariantCulture))
            ? id
            : null;

    // Of the innovations named by JIPPNAS-{id} lines, those that exist here.
    private async Task<HashSet<int>> NativeAsync(List<Pending> pending, CancellationToken cancellationToken)
    {
        var ids = pending.Select(p => NativeId(p.Record)).OfType<int>().Distinct().ToList();
        return ids.Count == 0 ? [] : [.. await db.Innovations.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken)];
    }

    // The source systems that had records when the import began (a system without any needs no lookups).
    private async Task<HashSet<int>> RecordedSystemsAsync(CancellationToken cancellationToken) =>
        [.. await db.SourceSystems.Where(system => db.SourceRecords.Any(r => r.SourceSystemId == system.Id)).Select(system => system.Id).ToListAsync(cancellationToken)];

    // The stored source records of the pending rows' keys, one plain query per source system that had records (the
    // unique index is on system and external id). The caller opens the connection.
    private async Task<Dictionary<(int, string), StoredSource>> StoredAsync(List<Pending> pending, ExchangeNames names, HashSet<int> recorded, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(int, string), StoredSource>();
        foreach (var system in pending.GroupBy(p => names.SourceSystems[p.Record.SourceCode]).Where(g => recorded.Contains(g.Key)))
        {
            var keys = system.Select(p => p.Record.SourceId).Distinct(StringComparer.Ordinal).ToList();
            var list = string.Join(',', keys.Select((_, i) => "@p" + (i + 1).ToString(CultureInfo.InvariantCulture)));
            await using var command = SqlCommands.Create(db, $"SELECT id, external_id, innovation_id, payload FROM source_records {(db.Database.IsNpgsql() ? "" : "INDEXED BY ix_source_records_source_system_id_external_id ")}WHERE source_system_id = @p0 AND external_id IN ({list})", [system.Key, .. keys]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[(system.Key, reader.GetString(1))] = new StoredSource(reader.GetInt64(0), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.GetFieldValue<byte[]>(3));
            }
        }

        return found;
    }

    // Writes a chunk's rows: new innovations with plain commands (returned for the index, which the caller writes),
    // changed ones through EF and re-indexed at once.
    private async Task<(int Added, int Updated, int Unchanged, List<Written> Fresh)> WriteChunkAsync(List<Pending> pending, ExchangeNames names, ImportWriter writer, List<int> written, HashSet<int> recorded, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stored = await StoredAsync(pending, names, recorded, cancellationToken);
        var native = await NativeAsync(pending, cancellationToken);
        var touched = new List<int>();
        var fresh = new List<Written>(pending.Count);
        var changes = new List<Pending>();
        var (added, unchanged) = (0, 0);
        foreach (var row in pending)
        {
            var systemId = names.SourceSystems[row.Record.SourceCode];
            if (stored.TryGetValue((systemId, row.Record.SourceId), out var source))
            {
                if (row.IsStoredIn(source))
                {
                    unchanged++;
                }
                else
                {
                    changes.Add(row);
                }
            }
            else if (NativeId(row.Record) is { } id && native.Contains(id))
            {
                changes.Add(row);
            }
            else
            {
                var newId = await writer.AddAsync(row.Record, systemId, row.Packed, names, now, cancellationToken);
                fresh.Add(new Written(row.Record, newId, systemId));
                added++;
            }
        }

        if (changes.Count > 0)
        {
            touched.AddRange(await UpdateAsync(changes, stored, names, now, cancellationToken));
        }

        await search.IndexAsync(touched, cancellationToken);
        written.AddRange(fresh.Select(f => f.Id));
        written.AddRange(touched);
        return (added, changes.Count, unchanged, fresh);
    }

    // Rows that change what is stored go through EF: the innovation's awards and goals are merged, and the source
    // record's earlier payload is kept as history. Returns the innovations written.
    private async Task<List<int>> UpdateAsync(List<Pending> changes, Dictionary<(int, string), StoredSource> stored, ExchangeNames names, DateTimeOffset now, CancellationToken cancellationToken)
    {
        StoredSource? Stored(ExchangeRecord record) => stored.GetValueOrDefault((names.SourceSystems[record.SourceCode], record.SourceId));
        int? Target(ExchangeRecord record) => Stored(record) is { } source ? source.InnovationId : NativeId(record);

        var sourceIds = changes.Select(p => Stored(p.Record)?.Id).OfType<long>().ToList();
        var sources = await db.SourceRecords.AsTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var targets = changes.Select(p => Target(p.Record)).OfType<int>().Distinct().ToList();
        var innovations = await db.Innovations.AsTracking().Include(i => i.Awards).Include(i => i.Sdgs)
            .Where(i => targets.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var touched = new List<Innovation>();
        foreach (var change in changes)
        {
            var (record, payload) = (change.Record, change.Payload);
            var source = Stored(record) is { } known ? sources[known.Id] : null;
            var innovation = Target(record) is { } id ? innovations.GetValueOrDefault(id) : null;
            if (innovation is null)
            {
                // A source record left without an innovation (its innovation was deleted): it gets one again.
                innovation = new Innovation { Name = record.Name, Provenance = Provenance.Imported, CreatedAt = now };
                db.Innovations.Add(innovation);
            }

            record.ApplyTo(innovation, names, now);
            if (innovation.Id != 0)
            {
                // A form open on it, or a revision begun from it, sees that the record changed.
                innovation.Version++;
            }

            if (source is null)
            {
                innovation.SourceRecords.Add(new SourceRecord { SourceSystemId = names.SourceSystems[record.SourceCode], ExternalId = record.SourceId, Payload = payload, FetchedAt = now, MatchStatus = MatchStatus.Matched });
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
        db.ChangeTracker.Clear();
        return touched.ConvertAll(i => i.Id);
    }

    // The chunks in order, the first of them held back until rows reach <paramref name="enough"/>: then
    // <paramref name="large"/> runs before any is handed on. A smaller file's chunks follow when it ends.
    private static async IAsyncEnumerable<(List<Pending> Rows, double? Fraction)> LookAheadAsync(
        ChannelReader<(List<Pending> Rows, double? Fraction)> chunks, int enough, Func<Task> large, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<(List<Pending> Rows, double? Fraction)>? ahead = [];
        var rows = 0;
        await foreach (var chunk in chunks.ReadAllAsync(cancellationToken))
        {
            if (ahead is null)
            {
                yield return chunk;
                continue;
            }

            ahead.Add(chunk);
            rows += chunk.Rows.Count;
            if (rows >= enough)
            {
                await large();
                foreach (var held in ahead)
                {
                    yield return held;
                }

                ahead = null;
            }
        }

        foreach (var held in ahead ?? [])
        {
            yield return held;
        }
    }

    // How much of a file has been read, when its stream knows its length (the reader reads ahead by its buffer).
    private static double? FractionRead(Stream stream) =>
        stream is { CanSeek: true, Length: > 0 } ? Math.Min(1, (double)stream.Position / stream.Length) : null;

    // What is kept of a row: its cells by the file's column names, so a later change of mapping can re-read it.
    private static string Payload(ImportRow row) =>
        JsonSerializer.Serialize(row.Cells.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal));
}

public enum ImportStage
{
    Checking,
    Saving,

    /// <summary>Saved; looking for likely duplicates of what was added or changed.</summary>
    Duplicates,
}

/// <summary>An agency a source named: its id when it is one the portal knows, and where it is.</summary>
internal sealed record ResolvedAgency(int? Id, string? RegencyCode, string? ProvinceCode);

/// <summary>A name an import could not resolve: which kind, in which field, as first written, on how many rows.</summary>
public sealed record UnresolvedName(NameKind Kind, string Field, string Written, int Rows, int Line);

/// <summary>How far an import is: the pass and the rows done in it (of <see cref="Total"/> when known).</summary>
public readonly record struct ImportProgress(ImportStage Stage, int Rows, int Total = 0)
{
    /// <summary>The share of the file read so far (0–1), when the file's length is known.</summary>
    public double? Fraction { get; init; }
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
    /// <summary>Region names by code, sector names by id and agency names by id: what the index shows of a new record.</summary>
    public Dictionary<string, string> RegionTitles { get; init; } = [];

    public Dictionary<int, string> SectorTitles { get; init; } = [];

    public Dictionary<int, string> AgencyTitles { get; init; } = [];

    /// <summary>A province's code from its code or its name as a source writes it ("35", "Jawa Timur", "Prov. Jawa Timur").</summary>
    public string? Province(string written) =>
        Provinces.TryGetValue(written.Trim(), out var code) || Provinces.TryGetValue(RegionNames.Normalize(written), out code) ? code : null;

    /// <summary>A regency or city from its code or its name as a source writes it ("35.08", "Kab. Lumajang", "Pemkab Lumajang", "Lumajang").</summary>
    public (string Code, string Province)? Regency(string written) =>
        Regencies.TryGetValue(written.Trim(), out var found) || Regencies.TryGetValue(RegionNames.Normalize(written), out found) ? found : null;

    /// <summary>Agencies by name and acronym (normalised), and agency names curators mapped.</summary>
    public Dictionary<string, ResolvedAgency> Agencies { get; init; } = [];

    /// <summary>
    /// The agency a source names, and the region it belongs to: a name a curator mapped, a regional government written
    /// as its region ("Pemkab Lumajang", "Pemerintah Kota Palembang"), an agency by its name or acronym, or a unit that
    /// names its region ("Dinas Kesehatan Kabupaten Lumajang": Lumajang's government). Null when none of these.
    /// </summary>
    public ResolvedAgency? Agency(string written)
    {
        var normalized = RegionNames.Normalize(written);
        if (Agencies.TryGetValue(normalized, out var agency))
        {
            return agency;
        }

        if (Regency(written) is { } regency)
        {
            return new ResolvedAgency(Governments.GetValueOrDefault(regency.Code), regency.Code, regency.Province);
        }

        if (Province(written) is { } province)
        {
            return new ResolvedAgency(Governments.GetValueOrDefault(province), null, province);
        }

        // A unit of a regional government names the region last: try "kabupaten …"/"kota …"/"provinsi …" tails.
        var words = normalized.Split(' ');
        for (var start = 1; start < words.Length; start++)
        {
            if (words[start] is "kabupaten" or "kab" or "kota" or "provinsi" or "prov" or "pemkab" or "pemkot" or "pemprov")
            {
                var tail = string.Join(' ', words[start..]);
                if (Regencies.TryGetValue(RegionNames.Normalize(tail), out var named))
                {
                    return new ResolvedAgency(Governments.GetValueOrDefault(named.Code), named.Code, named.Province);
                }

                if (Provinces.TryGetValue(RegionNames.Normalize(tail), out var code))
                {
                    return new ResolvedAgency(Governments.GetValueOrDefault(code), null, code);
                }
            }
        }

        return null;
    }

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

        var sectorList = await db.Sectors.AsNoTracking().ToListAsync(cancellationToken);
        var sectors = ByCode(sectorList);
        foreach (var sector in sectorList)
        {
            sectors.TryAdd(sector.NameId, sector.Id);
        }

        var governments = await db.Agencies.AsNoTracking().Where(a => a.RegionCode != null && a.ParentId == null)
            .Select(a => new { a.Id, a.RegionCode, a.Name }).ToListAsync(cancellationToken);
        var parents = regions.Where(r => r.ParentCode is not null).ToDictionary(r => r.Code, r => r.ParentCode!, StringComparer.Ordinal);
        ResolvedAgency Placed(int? id, string? region) =>
            region is null ? new ResolvedAgency(id, null, null)
            : parents.TryGetValue(region, out var parent) ? new ResolvedAgency(id, region, parent) : new ResolvedAgency(id, null, region);
        var agencies = new Dictionary<string, ResolvedAgency>(StringComparer.Ordinal);
        var agencyList = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name, a.Acronym, a.RegionCode }).ToListAsync(cancellationToken);
        foreach (var agency in agencyList)
        {
            agencies.TryAdd(RegionNames.Normalize(agency.Name), Placed(agency.Id, agency.RegionCode));
            if (agency.Acronym is { Length: > 1 } acronym)
            {
                agencies.TryAdd(RegionNames.Normalize(acronym), Placed(agency.Id, agency.RegionCode));
            }
        }

        // Names curators mapped once win over everything found by rule.
        var governmentsByRegion = governments.ToDictionary(a => a.RegionCode!, a => a.Id, StringComparer.Ordinal);
        foreach (var mapping in await db.NameMappings.AsNoTracking().ToListAsync(cancellationToken))
        {
            if (mapping.Kind == NameKind.Agency)
            {
                agencies[mapping.Written] = Placed(mapping.AgencyId ?? (mapping.RegionCode is { } r ? governmentsByRegion.GetValueOrDefault(r) : null), mapping.RegionCode);
            }
            else if (mapping.RegionCode is { } code && parents.TryGetValue(code, out var parent))
            {
                regencies[mapping.Written] = (code, parent);
            }
            else if (mapping.RegionCode is { } province)
            {
                provinces[mapping.Written] = province;
            }
        }

        return new ExchangeNames(
            provinces,
            regencies,
            sectors,
            ByCode(await db.Sdgs.AsNoTracking().ToListAsync(cancellationToken)),
            ByCode(await db.AwardKinds.AsNoTracking().ToListAsync(cancellationToken)),
            ByCode(await db.SourceSystems.AsNoTracking().ToListAsync(cancellationToken)),
            governmentsByRegion)
        {
            Agencies = agencies,
            RegionTitles = regions.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal),
            SectorTitles = sectorList.ToDictionary(s => s.Id, s => s.NameId),
            AgencyTitles = agencyList.ToDictionary(a => a.Id, a => a.Name),
        };
    }
}
