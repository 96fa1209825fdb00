using System.Data.Common;
using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Features.Search;
using Jippnas.Web.Features.Search.Analysis;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace Jippnas.IntegrationTests;

/// <summary>
/// On SQLite the search scores its candidates in C# from the stored term vectors instead of FTS5's bm25(), which
/// walks every query word's whole posting list (and needs positions, which the index no longer keeps). Given the
/// same documents and document frequencies, the two must agree.
/// </summary>
public sealed class SqliteScoringTests(SqliteSearchPortal portal) : IClassFixture<SqliteSearchPortal>
{
    [Theory]
    [InlineData("pelayanan kesehatan ibu")]
    [InlineData("KTP penduduk")]
    [InlineData("layanan warga")]
    [InlineData("anak sekolah desa")]
    public async Task Scores_from_term_vectors_equal_FTS5_bm25_over_the_same_documents(string query)
    {
        var terms = IndonesianAnalyzer.Shared.Terms(query).Distinct().ToList();
        var any = MatchExpression.Or(terms.Select(MatchExpression.Term));

        var (expected, scored, vectors) = await portal.Factory.WithDbAsync(async db =>
        {
            // The reference: the same analysed documents in an FTS5 table that keeps positions, ranked by bm25().
            var ids = (await ScalarsAsync(db, "SELECT innovation_id, 0 FROM innovation_search_terms")).Keys.Select(id => (int)id).ToList();
            var documents = (await SearchSources.ByIdsAsync(db, ids, CancellationToken.None)).ConvertAll(s => SearchDocument.Build(s, IndonesianAnalyzer.Shared));
            await using var reference = new SqliteConnection("Data Source=:memory:");
            await reference.OpenAsync();
            await ExecuteAsync(reference, "CREATE VIRTUAL TABLE ref USING fts5(head, meta, summary, body, tags, tokenize = \"unicode61 remove_diacritics 0 tokenchars '_'\")");
            foreach (var document in documents)
            {
                await ExecuteAsync(reference, "INSERT INTO ref (rowid, head, meta, summary, body, tags) VALUES ($id, $h, $m, $s, $b, $t)",
                    document.Id, document.FieldText(0), document.FieldText(1), document.FieldText(2), document.FieldText(3), document.TagText);
            }

            var bm25 = await ScalarsAsync(reference, $"SELECT rowid, -bm25(ref, 10.0, 2.0, 3.0, 1.0, 0.0) FROM ref WHERE ref MATCH '{any.ToFts5()}'");
            var counts = new List<(string, string, int)>();
            foreach (var term in terms)
            {
                var matching = await ScalarsAsync(reference, $"SELECT count(*), 0 FROM ref WHERE ref MATCH '\"{term}\"'");
                counts.Add((term, term, (int)matching.Keys.Single()));
            }

            var words = new VocabularySnapshot(counts, [], documents.Count, IndonesianAnalyzer.Shared);
            var candidates = await SearchEngine.For(db, words).CandidatesAsync(any, [any], 500, common: false, CancellationToken.None);

            // The same formula straight from the stored vectors, with the reference's exact average length.
            var average = documents.Sum(d => d.Fields.Sum(f => f.Count) + d.Tags.Count) / (double)documents.Count;
            WeightedTerm[] weighted = [.. counts.Select(c => new WeightedTerm(TermVectors.Hash(c.Item1), TermVectors.Idf(documents.Count, c.Item3))).OrderBy(t => t.Hash)];
            var vectors = new Dictionary<long, double>();
            foreach (var candidate in candidates)
            {
                var blob = (byte[])(await db.Database.SqlQueryRaw<byte[]>("SELECT terms AS \"Value\" FROM innovation_search_terms WHERE innovation_id = {0}", candidate.Id).SingleAsync())!;
                vectors[candidate.Id] = TermVectors.Score(blob, weighted, average);
            }

            return (bm25, candidates, vectors);
        });

        expected.Count.ShouldBeGreaterThan(1, $"'{query}' should match several records of the test set");
        vectors.Keys.Order().ToList().ShouldBe([.. expected.Keys.Order()]);
        foreach (var (id, score) in vectors)
        {
            score.ShouldBe(expected[id], Math.Abs(expected[id]) * 1e-9, $"record {id}");
        }

        // The search reads the average length from FTS5's running totals, which a re-indexed record skews a little.
        foreach (var (id, score) in scored)
        {
            score.ShouldBe(expected[id], Math.Abs(expected[id]) * 0.02, $"record {id} as the search scores it");
        }
    }

    private static async Task<Dictionary<long, double>> ScalarsAsync(JippnasDb db, string sql)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            return await ScalarsAsync(db.Database.GetDbConnection(), sql);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<Dictionary<long, double>> ScalarsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new Dictionary<long, double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetInt64(0)] = Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return rows;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, params object[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var names = new[] { "$id", "$h", "$m", "$s", "$b", "$t" };
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = names[i];
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }
}
