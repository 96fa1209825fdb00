using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Data;

/// <summary>
/// Recomputes the tallies from the innovations table, for after a partial restore or manual SQL that
/// bypassed the triggers. The same SQL runs on SQLite and PostgreSQL.
/// </summary>
public static class TallyRebuilder
{
    private static readonly (string Dimension, string Expression)[] Dimensions =
    [
        (Tally.Total, "'all'"),
        (Tally.Province, "COALESCE(province_code, '-')"),
        (Tally.Regency, "COALESCE(regency_code, '-')"),
        (Tally.Sector, "COALESCE(CAST(sector_id AS TEXT), '-')"),
        (Tally.Year, "COALESCE(CAST(year_started AS TEXT), '-')"),
        (Tally.Phase, "COALESCE(CAST(phase AS TEXT), '-')"),
        (Tally.Status, "CAST(status AS TEXT)"),
    ];

    public static async Task RebuildTalliesAsync(this JippnasDb db, CancellationToken cancellationToken)
    {
        // Writers must wait: their trigger upserts would otherwise interleave with the recount. SQLite's
        // transaction is BEGIN IMMEDIATE, which already holds the only write lock.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.RecountTalliesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The recount inside the caller's transaction: a bulk load that deferred the triggers
    /// (<c>SET LOCAL jippnas.defer_tallies = 'on'</c> on PostgreSQL) recounts before it commits.
    /// </summary>
    public static async Task RecountTalliesAsync(this JippnasDb db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE innovations IN SHARE MODE", cancellationToken);
        }

        await db.Tallies.ExecuteDeleteAsync(cancellationToken);
        foreach (var (dimension, expression) in Dimensions)
        {
            // PostgreSQL refuses GROUP BY a constant; grouping the total by the (filtered) flag gives one row.
            var groupBy = dimension == Tally.Total ? "is_published" : expression;
            // The dimension and expression are constants of this class, never input.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO tallies (dimension, key, count) SELECT '{dimension}', {expression}, COUNT(*) FROM innovations WHERE is_published = TRUE GROUP BY {groupBy}",
                cancellationToken);
#pragma warning restore EF1002
        }
    }
}
