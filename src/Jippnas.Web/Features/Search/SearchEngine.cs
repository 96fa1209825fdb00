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

    public static SearchEngine For(JippnasDb db) =>
        db.Database.IsNpgsql() ? new PostgresSearchEngine(db) : new SqliteSearchEngine(db);

    /// <summary>
    /// The first <paramref name="limit"/> innovations matching <paramref name="selection"/> in record order (oldest
    /// first), scored by the needs in <paramref name="score"/> (each selected row matches at least one of them;
    /// none: no score). <paramref name="common"/> says the selection matches a large share of all records, which
    /// decides how PostgreSQL finds them.
    /// </summary>
    public abstract Task<List<ScoredId>> CandidatesAsync(MatchExpression selection, IReadOnlyList<MatchExpression> score, int limit, bool common, CancellationToken cancellationToken);

    /// <summary>How many innovations match, counted no further than <paramref name="limit"/>.</summary>
    public abstract Task<int> CountAsync(MatchExpression selection, int limit, bool common, CancellationToken cancellationToken);

    protected async Task<List<ScoredId>> ReadAsync(string sql, IReadOnlyList<object> parameters, CancellationToken cancellationToken)
    {
        var connection = Db.Database.GetDbConnection();
        await Db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = Db.Database.CurrentTransaction?.GetDbTransaction();
            for (var i = 0; i < parameters.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                parameter.Value = parameters[i];
                command.Parameters.Add(parameter);
            }

            var rows = new List<ScoredId>();
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new ScoredId(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), reader.FieldCount > 1 ? reader.GetDouble(1) : 0));
            }

            return rows;
        }
        finally
        {
            await Db.Database.CloseConnectionAsync();
        }
    }
}

internal sealed class SqliteSearchEngine(JippnasDb db) : SearchEngine(db)
{
    // bm25 weights of head, meta, summary, body, tags: a word in the name counts ten times one in the narrative.
    private const string Bm25 = "bm25(innovation_search, 10.0, 2.0, 3.0, 1.0, 0.0)";

    public override Task<List<ScoredId>> CandidatesAsync(MatchExpression selection, IReadOnlyList<MatchExpression> score, int limit, bool common, CancellationToken cancellationToken)
    {
        // bm25 sums over every phrase of the MATCH expression and weighs each by its own IDF. Parts the selection
        // does not already require are ANDed as one OR (implied by the selection), so frequent words count in the
        // score without selecting rows.
        var required = selection.Conjuncts();
        var extra = score.Where(e => !required.Contains(e)).ToList();
        var match = extra.Count == 0 ? selection : MatchExpression.And([selection, MatchExpression.Or(extra)]);
        return ReadAsync(
            $"SELECT rowid, -{Bm25} FROM innovation_search WHERE innovation_search MATCH @p0 ORDER BY rowid LIMIT @p1",
            [match.ToFts5(), limit],
            cancellationToken);
    }

    public override async Task<int> CountAsync(MatchExpression selection, int limit, bool common, CancellationToken cancellationToken) =>
        (await ReadAsync(
            "SELECT count(*) FROM (SELECT rowid FROM innovation_search WHERE innovation_search MATCH @p0 LIMIT @p1)",
            [selection.ToFts5(), limit],
            cancellationToken))[0].Id;
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
    public override Task<List<ScoredId>> CandidatesAsync(MatchExpression selection, IReadOnlyList<MatchExpression> score, int limit, bool common, CancellationToken cancellationToken)
    {
        // One ts_rank over all the needs. (A sum of IDF × ts_rank per need was tried: on the golden set it lost
        // about 0.05 of recall@10 and MRR against this.)
        var rank = score.Count == 0 ? MatchExpression.Term(SearchTags.All) : MatchExpression.Or(score);
        return ReadAsync(
            $"""
            {(common ? CommonPlan : IndexPlan)}SELECT c.innovation_id, ts_rank({Weights}, c.document, @p2::tsquery, 1)::float8 FROM (
                SELECT innovation_id, document FROM innovation_search
                WHERE document @@ @p0::tsquery {(common ? "ORDER BY innovation_id " : "")}LIMIT @p1) c{ResetPlanning}
            """,
            [selection.ToTsQuery(), limit, rank.ToTsQuery()],
            cancellationToken);
    }

    public override async Task<int> CountAsync(MatchExpression selection, int limit, bool common, CancellationToken cancellationToken) =>
        (await ReadAsync(
            $"{(common ? CommonPlan : IndexPlan)}SELECT count(*)::int FROM (SELECT 1 FROM innovation_search WHERE document @@ @p0::tsquery LIMIT @p1) c{ResetPlanning}",
            [selection.ToTsQuery(), limit],
            cancellationToken))[0].Id;
}
