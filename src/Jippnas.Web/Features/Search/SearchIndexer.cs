using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Jippnas.Web.Data;
using Jippnas.Web.Features.Search.Analysis;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Jippnas.Web.Features.Search;

/// <summary>
/// Keeps the full-text index in step with the innovations. Writers call <see cref="IndexAsync"/> inside their
/// own transaction, so a record and its index entry are saved together or not at all. <see cref="RebuildAsync"/>
/// recreates the whole index (after a change of analyser, or by the <c>rebuild-search</c> command).
/// </summary>
public sealed class SearchIndexer(JippnasDb db, SearchVocabulary vocabulary, ILogger<SearchIndexer> logger)
{
    public const string VersionKey = "index_version";

    /// <summary>The analyser's version and the index layout's (2: term vectors beside the SQLite index).</summary>
    public static readonly string IndexVersion = $"{IndonesianAnalyzer.Version.ToString(CultureInfo.InvariantCulture)}.2";

    private const int RebuildBatch = 2_000;

    // 2 GiB at most, held only while rebuilding: enough for the index and term vectors of 1,000,000 innovations.
    private const int RebuildCacheKib = 2 * 1024 * 1024;
    private static readonly string[] FtsColumns = ["$id", "$head", "$meta", "$summary", "$body", "$tags"];

    private static IndonesianAnalyzer Analyzer => IndonesianAnalyzer.Shared;

    private bool Postgres => db.Database.IsNpgsql();

    /// <summary>Indexes (or re-indexes, or removes when unpublished) the given innovations.</summary>
    public async Task IndexAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        // Callers outside a transaction leave the connection closed between EF queries; the commands below need it open.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var chunk in ids.Distinct().Chunk(500))
            {
                var sources = await SearchSources.ByIdsAsync(db, chunk, cancellationToken);
                var existing = await ExistingAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), chunk, cancellationToken);
                await WriteAsync(sources, existing, cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        vocabulary.Invalidate();
    }

    /// <summary>
    /// Analyses innovations an import is adding, from what it writes (reading its rows back cost as much as analysing
    /// them). Pure work on both cores, no database: an import runs it while it writes the next rows.
    /// </summary>
    internal SearchDocument[] Analyse(IReadOnlyList<SearchSource> sources, CancellationToken cancellationToken)
    {
        var documents = new SearchDocument[sources.Count];
        Parallel.For(0, sources.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            documents[i] = SearchDocument.Build(sources[i], Analyzer).Prepare(termVector: !Postgres));
        return documents;
    }

    /// <summary>
    /// Writes documents of innovations just added in the caller's transaction (the caller opens the connection).
    /// Their word counts are the caller's to gather (<see cref="WordTally"/>) and add with
    /// <see cref="AddWordsAsync(WordTally, CancellationToken)"/> once at the end: a large import would otherwise
    /// update the same common words with every chunk.
    /// </summary>
    internal async Task IndexNewAsync(SearchDocument[] documents, CancellationToken cancellationToken)
    {
        await InsertAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), documents, cancellationToken);
        vocabulary.Invalidate();
    }

    /// <summary>Adds the word counts of documents written by <see cref="IndexNewAsync"/>, in the caller's transaction.</summary>
    internal async Task AddWordsAsync(WordTally words, CancellationToken cancellationToken)
    {
        await AddWordsAsync(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), words, cancellationToken);
        vocabulary.Invalidate();
    }

    // Analyses the sources and replaces their documents (those in existing are deleted first); the word counts of
    // new documents are saved.
    private async Task WriteAsync(IReadOnlyList<SearchSource> sources, HashSet<int> existing, CancellationToken cancellationToken)
    {
        // Analysing is most of the cost: both cores.
        var documents = Analyse(sources, cancellationToken);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await DeleteAsync(connection, transaction, existing, cancellationToken);
        await InsertAsync(connection, transaction, documents, cancellationToken);

        // Counts grow with new documents only; a re-indexed document may leave a count one too high until the
        // next rebuild, which only nudges the choice between selective and frequent words.
        var fresh = new WordTally();
        foreach (var document in documents.Where(d => !existing.Contains(d.Id)))
        {
            fresh.Add(document);
        }

        await AddWordsAsync(connection, transaction, fresh, cancellationToken);
    }

    /// <summary>
    /// Recreates the index and the word counts from every published innovation, then tidies up outside the
    /// transaction (FTS5 merges its segments into one; PostgreSQL vacuums and gathers statistics).
    /// </summary>
    public async Task<SearchRebuild> RebuildAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!Postgres)
            {
                // The whole rebuild is one transaction: with SQLite's default 2 MB page cache its pages spill into
                // the write-ahead log, and every later read searches a log that grows past a gigabyte.
                await ExecuteAsync(connection, null, $"PRAGMA cache_size = -{RebuildCacheKib}", cancellationToken);
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            await ExecuteAsync(connection, transaction, Postgres
                ? "LOCK TABLE innovation_search IN EXCLUSIVE MODE; TRUNCATE innovation_search; DROP INDEX IF EXISTS ix_innovation_search_document; TRUNCATE search_words"
                : "INSERT INTO innovation_search(innovation_search) VALUES ('delete-all'); DELETE FROM innovation_search_terms; DELETE FROM search_words", cancellationToken);

            var total = 0;
            var analysed = Channel.CreateBounded<SearchDocument[]>(2);
            var producer = Task.Run(() => ProduceAsync(analysed.Writer, cancellationToken), cancellationToken);
            // This loop only writes: reading, analysing and counting words happen on other threads meanwhile.
            await foreach (var documents in analysed.Reader.ReadAllAsync(cancellationToken))
            {
                await InsertAsync(connection, transaction, documents, cancellationToken);
                total += documents.Length;
                progress?.Report(total);
            }

            var words = await producer;
            if (Postgres)
            {
                await ExecuteAsync(connection, transaction, "CREATE INDEX ix_innovation_search_document ON innovation_search USING gin (document)", cancellationToken);
            }

            await AddWordsAsync(connection, transaction, words, cancellationToken);
            await SetVersionAsync(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var built = Stopwatch.GetElapsedTime(started);
            logger.LogInformation("Search index rebuilt: {Count} innovations, {Words} words.", total, words.Count);
            started = Stopwatch.GetTimestamp();
            if (Postgres)
            {
                // Statistics for the planner, and the vacuum autovacuum would otherwise start on the freshly loaded
                // table during the first searches. VACUUM cannot share a batch with other statements.
                await ExecuteAsync(connection, null, "VACUUM (ANALYZE) innovation_search", cancellationToken);
                await ExecuteAsync(connection, null, "ANALYZE search_words", cancellationToken);
            }
            else
            {
                await ExecuteAsync(connection, null, "INSERT INTO innovation_search(innovation_search) VALUES ('optimize')", cancellationToken);
            }

            return new SearchRebuild(total, built, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            if (!Postgres)
            {
                await ExecuteAsync(connection, null, "PRAGMA cache_size = -2000", CancellationToken.None);
            }

            await db.Database.UseTransactionAsync(null, CancellationToken.None);
            await db.Database.CloseConnectionAsync();
            vocabulary.Invalidate();
        }
    }

    /// <summary>True when the index was built by another analyser version (or never): start-up then rebuilds it.</summary>
    public async Task<bool> IsStaleAsync(CancellationToken cancellationToken)
    {
        var version = await db.SearchSettings.AsNoTracking().Where(s => s.Key == VersionKey).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        return version != IndexVersion;
    }

    // Reads on a connection of its own and analyses on the thread pool while the caller writes the previous batch.
    // Returns the word counts of every document read, tallied by each analysing thread and added up at the end.
    private async Task<WordTally> ProduceAsync(ChannelWriter<SearchDocument[]> output, CancellationToken cancellationToken)
    {
        using var tallies = new ThreadLocal<WordTally>(() => new WordTally(), trackAllValues: true);
        try
        {
            var options = new DbContextOptionsBuilder<JippnasDb>();
            DatabaseSetup.Configure(options, Postgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite, db.Database.GetConnectionString()!);
            await using var reader = new JippnasDb(options.Options);
            var after = 0;
            while (true)
            {
                var last = await reader.Innovations.Where(i => i.Id > after).OrderBy(i => i.Id).Skip(RebuildBatch - 1)
                    .Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
                var sources = await SearchSources.RangeAsync(reader, after, last, cancellationToken);
                var documents = new SearchDocument[sources.Count];
                Parallel.For(0, sources.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                {
                    documents[i] = SearchDocument.Build(sources[i], Analyzer).Prepare(termVector: !Postgres);
                    tallies.Value!.Add(documents[i]);
                });
                if (documents.Length > 0)
                {
                    await output.WriteAsync(documents, cancellationToken);
                }

                if (last is null)
                {
                    break;
                }

                after = last.Value;
            }

            output.Complete();
            var words = new WordTally();
            foreach (var tally in tallies.Values)
            {
                words.Add(tally);
            }

            return words;
        }
        catch (Exception exception)
        {
            output.Complete(exception);
            throw;
        }
    }

    private async Task<HashSet<int>> ExistingAsync(DbConnection connection, DbTransaction? transaction, int[] ids, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var list = string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        command.CommandText = Postgres
            ? $"SELECT innovation_id FROM innovation_search WHERE innovation_id IN ({list})"
            : $"SELECT rowid FROM innovation_search WHERE rowid IN ({list})";
        var existing = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return existing;
    }

    private async Task DeleteAsync(DbConnection connection, DbTransaction? transaction, HashSet<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count > 0)
        {
            var list = string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
            await ExecuteAsync(connection, transaction, Postgres
                ? $"DELETE FROM innovation_search WHERE innovation_id IN ({list})"
                : $"DELETE FROM innovation_search WHERE rowid IN ({list}); DELETE FROM innovation_search_terms WHERE innovation_id IN ({list})", cancellationToken);
        }
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction? transaction, SearchDocument[] documents, CancellationToken cancellationToken)
    {
        if (documents.Length == 0)
        {
            return;
        }

        if (connection is NpgsqlConnection postgres)
        {
            await using var writer = await postgres.BeginTextImportAsync("COPY innovation_search (innovation_id, document) FROM STDIN", cancellationToken);
            foreach (var document in documents)
            {
                await writer.WriteAsync($"{document.Id.ToString(CultureInfo.InvariantCulture)}\t{document.ToTsVector()}\n");
            }

            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO innovation_search (rowid, head, meta, summary, body, tags) VALUES ($id, $head, $meta, $summary, $body, $tags)";
        var parameters = FtsColumns.Select(name => Parameter(command, name)).ToArray();
        await using var vectors = connection.CreateCommand();
        vectors.Transaction = transaction;
        vectors.CommandText = "INSERT INTO innovation_search_terms (innovation_id, terms) VALUES ($id, $terms)";
        var vectorId = Parameter(vectors, "$id");
        var vector = Parameter(vectors, "$terms");
        foreach (var document in documents)
        {
            parameters[0].Value = document.Id;
            for (var field = 0; field < SearchDocument.FieldCount; field++)
            {
                parameters[field + 1].Value = document.FieldText(field);
            }

            parameters[5].Value = document.TagText;
            await command.ExecuteNonQueryAsync(cancellationToken);
            vectorId.Value = document.Id;
            vector.Value = document.TermVector;
            await vectors.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task AddWordsAsync(DbConnection connection, DbTransaction? transaction, WordTally words, CancellationToken cancellationToken)
    {
        if (words.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Postgres
            ? "INSERT INTO search_words (word, stem, document_count) VALUES (@w, @s, @c) ON CONFLICT (word) DO UPDATE SET stem = excluded.stem, document_count = search_words.document_count + excluded.document_count"
            : "INSERT INTO search_words (word, stem, document_count) VALUES (@w, @s, @c) ON CONFLICT (word) DO UPDATE SET stem = excluded.stem, document_count = document_count + excluded.document_count";
        var word = Parameter(command, "@w");
        var stem = Parameter(command, "@s");
        var count = Parameter(command, "@c");
        foreach (var (key, root, number) in words.Words())
        {
            word.Value = key;
            stem.Value = root;
            count.Value = number;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task SetVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO search_settings (key, value) VALUES (@k, @v) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        Parameter(command, "@k").Value = VersionKey;
        Parameter(command, "@v").Value = IndexVersion;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>What a rebuild did: innovations indexed, the time to build and commit, the time to tidy up after.</summary>
public sealed record SearchRebuild(int Count, TimeSpan Build, TimeSpan Tidy);
