using System.Globalization;
using Jippnas.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Shared;

/// <summary>Reads the trigger-maintained counts of published innovations (see <see cref="Tally"/>).</summary>
public static class TallyReader
{
    public static async Task<Dictionary<string, int>> ReadAsync(this JippnasDb db, string dimension, CancellationToken cancellationToken) =>
        await db.Tallies.Where(t => t.Dimension == dimension && t.Count > 0)
            .ToDictionaryAsync(t => t.Key, t => t.Count, StringComparer.Ordinal, cancellationToken);

    /// <summary>The regency/city tallies of one province (their keys start with its code).</summary>
    public static async Task<Dictionary<string, int>> ReadRegenciesAsync(this JippnasDb db, string provinceCode, CancellationToken cancellationToken)
    {
        var prefix = provinceCode + ".";
        return await db.Tallies.Where(t => t.Dimension == Tally.Regency && t.Count > 0 && t.Key.StartsWith(prefix))
            .ToDictionaryAsync(t => t.Key, t => t.Count, StringComparer.Ordinal, cancellationToken);
    }

    public static async Task<int> CountAsync(this JippnasDb db, string dimension, string key, CancellationToken cancellationToken) =>
        await db.Tallies.Where(t => t.Dimension == dimension && t.Key == key).Select(t => t.Count).FirstOrDefaultAsync(cancellationToken);

    public static string Key(int value) => value.ToString(CultureInfo.InvariantCulture);
}
