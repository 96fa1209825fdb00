using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Imports.Reading;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Imports;

/// <summary>
/// Turns a row of a source's file into exchange-format fields with the source's column mapping
/// (<see cref="ImportColumn"/>). Several columns may fill one field: narrative fields join their texts, other
/// fields take the first filled column. A column the mapping does not know makes the file invalid (named once):
/// silently dropping a column the curator meant to import would lose data.
/// </summary>
public sealed class ColumnMapping
{
    /// <summary>The exchange format's own source: its files name the source of every row.</summary>
    public const string ExchangeSource = "JIPPNAS";

    private readonly Dictionary<string, string> fields;
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);
    private bool checkedRequired;

    private ColumnMapping(string source, Dictionary<string, string> fields)
    {
        Source = source;
        this.fields = fields;
    }

    public string Source { get; }

    /// <summary>The same mapping, reporting a file's column problems anew: for another pass over a file.</summary>
    public ColumnMapping Anew() => new(Source, fields);

    /// <summary>The column names the mapping knows, as stored (normalised), with their fields.</summary>
    public IReadOnlyDictionary<string, string> Columns => fields;

    /// <summary>The mapping of a source, or null when the source code is unknown.</summary>
    public static async Task<ColumnMapping?> LoadAsync(JippnasDb db, string source, CancellationToken cancellationToken)
    {
        var code = source.Trim().ToUpperInvariant();
        var system = await db.SourceSystems.AsNoTracking().Where(s => s.Code == code).Select(s => new { s.Id, s.Code }).FirstOrDefaultAsync(cancellationToken);
        if (system is null)
        {
            return null;
        }

        var columns = await db.ImportColumns.AsNoTracking().Where(c => c.SourceSystemId == system.Id)
            .ToDictionaryAsync(c => c.ColumnName, c => c.Field, StringComparer.Ordinal, cancellationToken);
        return new ColumnMapping(system.Code, columns);
    }

    /// <summary>The fields of one row; unknown or missing required columns are added to <paramref name="errors"/> (once per file).</summary>
    public Dictionary<string, string?> Map(ImportRow row, List<ImportError> errors)
    {
        var mapped = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (column, value) in row.Cells)
        {
            var key = ImportColumn.Normalize(column);
            if (!fields.TryGetValue(key, out var field))
            {
                if (reported.Add(key))
                {
                    errors.Add(new ImportError(row.Number, column, $"kolom ini tidak dikenal untuk sumber {Source}: tambahkan ke pemetaan kolom sumber ini (atau tandai diabaikan), atau hapus dari berkas."));
                }

                continue;
            }

            if (field == ImportColumn.Ignore || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!mapped.TryGetValue(field, out var earlier) || earlier is null)
            {
                mapped[field] = value;
            }
            else if (ExchangeRecord.NarrativeFields.Contains(field))
            {
                mapped[field] = earlier + "\n\n" + value;
            }
        }

        if (Source != ExchangeSource)
        {
            mapped["source"] = Source;
        }

        if (!checkedRequired)
        {
            checkedRequired = true;
            CheckRequired(row, errors);
        }

        return mapped;
    }

    // Checked on the first row, against the columns the file has: "name is required" on every row would bury the cause.
    private void CheckRequired(ImportRow row, List<ImportError> errors)
    {
        string[] required = Source == ExchangeSource ? ["source", "source_id", "name"] : ["source_id", "name"];
        var present = row.Cells.Keys.Select(ImportColumn.Normalize).Where(fields.ContainsKey).Select(c => fields[c]).ToHashSet(StringComparer.Ordinal);
        foreach (var field in required.Where(f => !present.Contains(f)))
        {
            var columns = fields.Where(f => f.Value == field).Select(f => $"'{f.Key}'").ToList();
            errors.Add(new ImportError(row.Number, field, columns.Count == 0
                ? $"pemetaan kolom sumber {Source} tidak punya kolom untuk '{field}', yang wajib."
                : $"kolom wajib tidak ada di berkas: {string.Join(" atau ", columns)}."));
        }
    }
}
