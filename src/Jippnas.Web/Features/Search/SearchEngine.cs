using System.Data.Common;
using System.Globalization;
using Jippnas.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jippnas.Web.Features.Search;

/// <summary>A matching innovation and how well it matches (higher is better).</summary>
public readonly record struct ScoredId(int Id, double Score);

/// <summary>
/// The two queries the search asks of the full-text index, in each engine's dialect. Both walk the matches
/// in record order and stop at <c>limit</c>, so their cost is bounded by the limit and not by how many
/// records contain a common word; scores are computed only for the rows returned.
/// </summary>
public abstract class SearchEngine(JippnasDb db)
{
    protected JippnasDb Db { get; } = db;

    /// <summary>The engine of the database's provider; <paramref name="words"/> gives SQLite the document frequencies it scores with.</summary>
    public static SearchEngine For(JippnasDb db, VocabularySnapshot words) =>
        db.Database.IsNpgsql() ? new PostgresSearchEngine(db) : new SqliteSearchEngine(db, words);

    /// <summary>
    /// The first <paramref name="limit"/> innovations matching <paramref name="selection"/> in record order (oldest
    /// first), scored by the needs in <paramref name="score"/> (each selected row matches at least one of them;
    /// none: no score). <paramref name="common"/> says the selection matches a large share of all records, which
    /// decides how PostgreSQL finds them.
    /// </summary>
    public abstract Task<List<ScoredId>> CandidatesAsync(MatchExpression selection, IReadOnlyList<MatchExpression> score, int limit, bool common, CancellationToken cancellationToken);

    /// <summary>How many innovations match, counted no further than <paramref name="limit"/>.</summary>
    public abstract Task<int> CountAsync(MatchExpression selection, int limit, bool common, CancellationToken cancellationToken);

    /// <summary>
    /// The count limit the caller will ask <see cref="CountAsync"/> for when the candidates are capped (0: it will
    /// not ask). An engine that finds its candidates in a way that can count as it goes counts then, once.
    /// </summary>
    public int CountAlong { get; set; }

    // Counts taken while selecting candidates, by selection, up to CountAlong.
    private protected Dictionary<MatchExpression, int> CountedAlong { get; } = [];

    protected Task<List<ScoredId>> ReadAsync(string sql, IReadOnlyList<object> parameters, CancellationToken cancellationToken) =>
        ReadAsync(sql, parameters, async reader =>
        {
            var rows = new List<ScoredId>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new ScoredId(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.FieldCount > 1 ? reader.GetDouble(1) : 0));
            }

            return rows;
        }, cancellationToken);

    /// <summary>Runs <paramref name="sql"/> with parameters @p0, @p1, … on the context's connection (and transaction) and reads it.</summary>
    protected async Task<T> ReadAsync<T>(string sql, IReadOnlyList<object> parameters, Func<DbDataReader, Task<T>> read, CancellationToken cancellationToken)
    {
        await Db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = SqlCommands.Create(Db, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await read(reader);
        }
        finally
        {
            await Db.Database.CloseConnectionAsync();
        }
    }
}

internal sealed class SqliteSearchEngine(JippnasDb db, VocabularySnapshot words) : SearchEngine(db)
{
    // FTS5's own record of the row count and the tokens per column ("averages", rowid 1 of the data table).
    private const long AveragesRow = 1;

    public override async Task<List<ScoredId>> CandidatesAsync(MatchExpression selection, IReadOnlyList<MatchExpression> score, int limit, bool common, CancellationToken cancellationToken)
    {
        // Selection only: no bm25() here, which would walk the whole posting list of every word to count it.
        var ids = await ReadAsync(
            "SELECT rowid FROM innovation_search WHERE innovation_search MATCH @p0 ORDER BY rowid LIMIT @p1",
            [selection.ToFts5(), limit],
            cancellationToken);
        if (score.Count == 0 || ids.Count == 0)
        {
            return ids;
        }

        // What bm25() would score: every phrase of the selection and of the score parts it does not already
        // require (each selected row matches at least one of them), each weighed by its IDF.
        var required = selection.Conjuncts();
        var extra = score.Where(e => !required.Contains(e)).ToList();
        var expression = extra.Count == 0 ? selection : MatchExpression.And([selection, MatchExpression.Or(extra)]);
        // The row count FTS5 keeps grows on every re-index (a contentless delete cannot subtract); JIPPNas counts itself.
        var documents = words.DocumentCount;
        var averageLength = await AverageLengthAsync(cancellationToken);
        var terms = expression.Terms()
            .Where(t => !t.StartsWith('_'))
            .GroupBy(TermVectors.Hash)
            .Select(g => new WeightedTerm(g.Key, g.Sum(t => TermVectors.Idf(documents, Math.Min(words.TermCount(t), documents)))))
            .OrderBy(t => t.Hash)
            .ToArray();
        var scores = await ScoresAsync(ids, terms, averageLength, cancellationToken);
        return ids.ConvertAll(r => r with { Score = scores.GetValueOrDefault(r.Id) });
    }

    public override async Task<int> CountAsync(MatchExpression selection, int limit, bool common, CancellationToken cancellationToken) =>
        (await ReadAsync(
            "SELECT count(*) FROM (SELECT rowid FROM innovation_search WHERE innovation_search MATCH @p0 LIMIT @p1)",
            [selection.ToFts5(), limit],
            cancellationToken))[0].Id;

    private Task<Dictionary<int, double>> ScoresAsync(List<ScoredId> ids, WeightedTerm[] terms, double averageLength, CancellationToken cancellationToken) =>
        ReadAsync(
            // CROSS JOIN keeps json_each outside: left to itself the planner may scan the whole table with a bloom filter.
            "SELECT t.innovation_id, t.terms FROM json_each(@p0) AS j CROSS JOIN innovation_search_terms AS t ON t.innovation_id = j.value",
            ["[" + string.Join(',', ids.Select(i => i.Id.ToString(CultureInfo.InvariantCulture))) + "]"],
            async reader =>
            {
                var scores = new Dictionary<int, double>(ids.Count);
                while (await reader.ReadAsync(cancellationToken))
                {
                    scores[reader.GetInt32(0)] = TermVectors.Score((byte[])reader.GetValue(1), terms, averageLength);
                }

                return scores;
            },
            cancellationToken);

    // FTS5 keeps the number of rows and of tokens per column in one small record that it updates on every write;
    // reading it is one look-up. Layout: SQLite varints, the row count then one total per column. A re-indexed
    // record counts twice in both, so the ratio stays close to the true average length.
    private async Task<double> AverageLengthAsync(CancellationToken cancellationToken)
    {
        var block = await ReadAsync(
            "SELECT block FROM innovation_search_data WHERE id = @p0",
            [AveragesRow],
            async reader => await reader.ReadAsync(cancellationToken) ? reader.GetValue(0) as byte[] : null,
            cancellationToken);

        long rows = 0, tokens = 0;
        if (block is { Length: > 0 })
        {
            var at = SqliteVarint.Read(block, 0, out var value);
            rows = (long)value;
            while (at < block.Length)
            {
                at = SqliteVarint.Read(block, at, out value);
                tokens += (long)value;
            }
        }

        return rows > 0 && tokens > 0 ? (double)tokens / rows : 1;
    }
}

/// <summary>SQLite's variable-length integers (big-endian, seven bits a byte, the ninth byte whole).</summary>
internal static class SqliteVarint
{
    public static int Read(ReadOnlySpan<byte> buffer, int at, out ulong value)
    {
        value = 0;
        for (var i = 0; i < 9 && at < buffer.Length; i++)
        {
            var b = buffer[at++];
            if (i == 8)
            {
                value = (value << 8) | b;
                break;
            }

            value = (value << 7) | (uint)(b & 0x7F);
            if (b < 0x80)
            {
                break;
            }
        }

        return at;
    }
}

internal sealed class PostgresSearchEngine(JippnasDb db) : SearchEngine(db)
{
    // Npgsql prepares a statement it sees again and again, and PostgreSQL gives a prepared statement one generic plan
    // after five runs; and even planned with its own words, the planner walks the primary key filtering every row
    // for a word in a few percent of records (94 ms at 100,000 innovations, against 3 ms from the GIN index). So the
    // application, which knows how common the words are, chooses: a common selection walks the primary key and
    // stops after `limit` matches; any other is read from the GIN index in table order, stopping as soon.
    private const string CommonPlan = "SET plan_cache_mode = force_custom_plan;\n";
    private const string IndexPlan = "SET plan_cache_mode = force_custom_plan; SET enable_seqscan = off; SET enable_indexscan = off;\n";
    private const string ResetPlanning = ";\nRESET plan_cache_mode; RESET enable_seqscan; RESET enable_indexscan";
    private const string Weights = "'{0.1, 0.3, 0.2, 1.0}'";

    // Literals are cast, not parsed by a text-search configuration: terms are already analysed. Weights of
    // {D body, C summary, B meta, A head}; normalisation 1 divides by 1 + log(document length).
    public override async Task<List<ScoredId>> CandidatesAsync(MatchExpression selection, IReadOnlyList<MatchExpression> score, int limit, bool common, CancellationToken cancellationToken)
    {
        // One ts_rank over all the needs. (A sum of IDF × ts_rank per need was tried: on the golden set it lost
        // about 0.05 of recall@10 and MRR against this.)
        var rank = score.Count == 0 ? MatchExpression.Term(SearchTags.All) : MatchExpression.Or(score);
        if (!common && CountAlong > limit)
        {
            return await CandidatesCountingAsync(selection, rank, limit, cancellationToken);
        }

        return await ReadAsync(
            $"""
            {(common ? CommonPlan : IndexPlan)}SELECT c.innovation_id, ts_rank({Weights}, c.document, @p2::tsquery, 1)::float8 FROM (
                SELECT innovation_id, document FROM innovation_search
                WHERE document @@ @p0::tsquery {(common ? "ORDER BY innovation_id " : "")}LIMIT @p1) c{ResetPlanning}
            """,
            [selection.ToTsQuery(), limit, rank.ToTsQuery()],
            cancellationToken);
    }

    public override async Task<int> CountAsync(MatchExpression selection, int limit, bool common, CancellationToken cancellationToken) =>
        limit == CountAlong && CountedAlong.TryGetValue(selection, out var counted) ? counted : (await ReadAsync(
            $"{(common ? CommonPlan : IndexPlan)}SELECT count(*)::int FROM (SELECT 1 FROM innovation_search WHERE document @@ @p0::tsquery LIMIT @p1) c{ResetPlanning}",
            [selection.ToTsQuery(), limit],
            cancellationToken))[0].Id;

    // Read from the GIN index, the index's bitmap of matches is the costly part (15 ms for a word in half the
    // records and a province at 1,000,000 innovations): build it once, number the first CountAlong matches and
    // rank only the first `limit` of them, so the count comes with the candidates.
    private async Task<List<ScoredId>> CandidatesCountingAsync(MatchExpression selection, MatchExpression rank, int limit, CancellationToken cancellationToken)
    {
        var (rows, total) = await ReadAsync(
            $"""
            {IndexPlan}SELECT c.innovation_id, ts_rank({Weights}, c.document, @p1::tsquery, 1)::float8, c.total::int FROM (
                SELECT innovation_id, document, row_number() OVER () AS n, count(*) OVER () AS total FROM (
                    SELECT innovation_id, document FROM innovation_search WHERE document @@ @p0::tsquery LIMIT @p2) m) c
            WHERE c.n <= @p3{ResetPlanning}
            """,
            [selection.ToTsQuery(), rank.ToTsQuery(), CountAlong, limit],
            async reader =>
            {
                var rows = new List<ScoredId>();
                var total = 0;
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(new ScoredId(reader.GetInt32(0), reader.GetDouble(1)));
                    total = reader.GetInt32(2);
                }

                return (rows, total);
            },
            cancellationToken);
        CountedAlong[selection] = total;
        return rows;
    }
}
