using System.Data.Common;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jippnas.Web.Features.Imports;

/// <summary>
/// Writes the new innovations of an import with prepared plain commands on the import's connection and transaction:
/// one innovation, its source record, awards and goals per row. EF's change tracking cost about twice the rest of
/// the import per row; rows that update an existing innovation still go through EF.
/// </summary>
internal sealed class ImportWriter(JippnasDb db) : IAsyncDisposable
{
    private const string InnovationSql = """
        INSERT INTO innovations (name, acronym, agency_id, unit_name, province_code, regency_code, year_started, sector_id,
            summary, problem, aims, novelty, implementation, impact, adaptability, resources, sustainability,
            status, provenance, is_published, award_count, created_at, updated_at)
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16,
            @p17, @p18, TRUE, @p19, @p20, @p20)
        RETURNING id
        """;

    private DbCommand? innovation;
    private DbCommand? source;
    private DbCommand? award;
    private DbCommand? sdg;

    /// <summary>Adds one innovation from <paramref name="record"/> with its source record (<paramref name="payload"/> packed by <see cref="Payloads"/>); returns its id.</summary>
    public async Task<int> AddAsync(ExchangeRecord record, int sourceSystemId, byte[] payload, ExchangeNames names, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = record.Year ?? now.Year;
        innovation ??= Prepare(InnovationSql, 21);
        Bind(innovation,
            record.Name, record.Acronym, record.GovernmentId(names), record.Agency, record.ProvinceCode, record.RegencyCode, record.Year, record.SectorId,
            record.Narrative["summary"], record.Narrative["problem"], record.Narrative["aims"], record.Narrative["novelty"], record.Narrative["implementation"],
            record.Narrative["impact"], record.Narrative["adaptability"], record.Narrative["resources"], record.Narrative["sustainability"],
            (int)InnovationStatus.Unconfirmed, (int)Provenance.Imported, record.AwardKindIds.Count, now);
        var id = Convert.ToInt32(await innovation.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        source ??= Prepare("INSERT INTO source_records (source_system_id, external_id, innovation_id, payload, fetched_at, match_status) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", 6);
        Bind(source, sourceSystemId, record.SourceId, id, payload, now, (int)MatchStatus.Matched);
        await source.ExecuteNonQueryAsync(cancellationToken);

        foreach (var kind in record.AwardKindIds)
        {
            award ??= Prepare("INSERT INTO awards (innovation_id, award_kind_id, year) VALUES (@p0, @p1, @p2)", 3);
            Bind(award, id, kind, year);
            await award.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var goal in record.SdgIds)
        {
            sdg ??= Prepare("INSERT INTO innovation_sdgs (innovation_id, sdg_id) VALUES (@p0, @p1)", 2);
            Bind(sdg, id, goal);
            await sdg.ExecuteNonQueryAsync(cancellationToken);
        }

        return id;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { innovation, source, award, sdg })
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    private DbCommand Prepare(string sql, int parameters)
    {
        var command = SqlCommands.Create(db, sql, new object[parameters]);
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static void Bind(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
