using System.Data.Common;
using System.Globalization;
using System.Text;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Search;

/// <summary>
/// Reads what the index needs of innovations: published ones only, by id list or by id range. Plain SQL on the
/// context's connection, the same for both databases: a rebuild reads every innovation, and EF's materialisation
/// cost about as much per row as analysing it.
/// </summary>
internal static class SearchSources
{
    private const string Columns = """
        SELECT i.id, i.name, i.acronym, a.name, i.unit_name, i.province_code, p.name, i.regency_code, r.name,
               i.sector_id, s.name_id, i.year_started, i.phase, i.status, i.summary, i.problem, i.aims, i.novelty,
               i.implementation, i.impact, i.adaptability, i.resources, i.sustainability
        FROM innovations i
        LEFT JOIN agencies a ON a.id = i.agency_id
        LEFT JOIN regions p ON p.code = i.province_code
        LEFT JOIN regions r ON r.code = i.regency_code
        LEFT JOIN sectors s ON s.id = i.sector_id
        WHERE i.is_published AND
        """;

    private const int Narrative = 15;
    private const int NarrativeParts = 8;

    public static Task<List<SearchSource>> ByIdsAsync(JippnasDb db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? Task.FromResult(new List<SearchSource>())
            : LoadAsync(db, $"i.id IN ({string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)))})", [], cancellationToken);

    /// <summary>Published innovations with <paramref name="afterId"/> &lt; id ≤ <paramref name="throughId"/> (no upper bound when null).</summary>
    public static Task<List<SearchSource>> RangeAsync(JippnasDb db, int afterId, int? throughId, CancellationToken cancellationToken) =>
        throughId is { } through
            ? LoadAsync(db, "i.id > @p0 AND i.id <= @p1", [afterId, through], cancellationToken)
            : LoadAsync(db, "i.id > @p0", [afterId], cancellationToken);

    private static async Task<List<SearchSource>> LoadAsync(JippnasDb db, string where, object[] parameters, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var rows = await ReadAsync(db, $"{Columns} {where} ORDER BY i.id", parameters, Row, cancellationToken);
            if (rows.Count == 0)
            {
                return [];
            }

            // Facet values of the same id range, each table read once.
            object[] range = [rows[0].Id, rows[^1].Id];
            var sdgs = (await ReadAsync(db, "SELECT innovation_id, sdg_id FROM innovation_sdgs WHERE innovation_id BETWEEN @p0 AND @p1", range, Pair, cancellationToken)).ToLookup(p => p.Id, p => p.Value);
            var awards = (await ReadAsync(db, "SELECT innovation_id, award_kind_id FROM awards WHERE innovation_id BETWEEN @p0 AND @p1", range, Pair, cancellationToken)).ToLookup(p => p.Id, p => p.Value);
            var systems = (await ReadAsync(db, "SELECT innovation_id, source_system_id FROM source_records WHERE innovation_id BETWEEN @p0 AND @p1", range, Pair, cancellationToken)).ToLookup(p => p.Id, p => p.Value);
            return rows.ConvertAll(r => r with { SdgIds = [.. sdgs[r.Id]], AwardKindIds = [.. awards[r.Id]], SourceSystemIds = [.. systems[r.Id]] });
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static SearchSource Row(DbDataReader reader)
    {
        return new SearchSource(
            Number(reader, 0)!.Value, reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4),
            Text(reader, 5), Text(reader, 6), Text(reader, 7), Text(reader, 8),
            Number(reader, 9), Text(reader, 10), Number(reader, 11),
            Number(reader, 12) is { } phase ? (InnovationPhase)phase : null, (InnovationStatus)Number(reader, 13)!.Value,
            Text(reader, 14), SearchSource.NarrativeOf(Enumerable.Range(Narrative, NarrativeParts).Select(i => Text(reader, i))));
    }

    private static (int Id, int Value) Pair(DbDataReader reader) => (Number(reader, 0)!.Value, Number(reader, 1)!.Value);

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static int? Number(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetInt32(column);

    private static async Task<List<T>> ReadAsync<T>(JippnasDb db, string sql, object[] parameters, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(db, sql, parameters);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
