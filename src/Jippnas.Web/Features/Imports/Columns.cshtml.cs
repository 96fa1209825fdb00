using System.Text;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Jippnas.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Imports;

/// <summary>
/// A source's column mapping, which the curator keeps as the source renames its columns: which file column fills
/// which exchange field, or is ignored. The source's template (a CSV with its columns as header) downloads here.
/// </summary>
[Authorize(Policy = ImportPermissions.Run)]
public sealed class ImportColumnsModel(JippnasDb db, Texts t) : PageModel
{
    public SourceSystem Source { get; private set; } = null!;

    public IReadOnlyList<ImportColumn> Columns { get; private set; } = [];

    [BindProperty]
    public string? Column { get; set; }

    [BindProperty]
    public string? Field { get; set; }

    [TempData]
    public string? Flash { get; set; }

    /// <summary>What a column may fill: every exchange field, or nothing.</summary>
    public static IReadOnlyList<string> Choices => [.. ExchangeRecord.Fields, ImportColumn.Ignore];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    /// <summary>A CSV whose header is the source's mapped columns, in the order of the exchange fields.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        var header = Columns.Where(c => c.Field != ImportColumn.Ignore)
            .OrderBy(c => Choices.ToList().IndexOf(c.Field)).ThenBy(c => c.ColumnName, StringComparer.Ordinal)
            .Select(c => TableExport.CsvCell(c.ColumnName));
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join(',', header) + "\r\n")).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"templat-{Source.Code.ToLowerInvariant()}.csv");
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        var column = ImportColumn.Normalize(Column ?? "");
        if (column.Length == 0 || column.Length > ImportColumn.MaxLength)
        {
            ModelState.AddModelError(nameof(Column), t.Format("Isi nama kolom, paling panjang {0} karakter.", ImportColumn.MaxLength));
        }
        else if (Columns.Any(c => c.ColumnName == column))
        {
            ModelState.AddModelError(nameof(Column), t["Kolom ini sudah ada di pemetaan: hapus dahulu untuk mengubahnya."]);
        }

        if (Field is null || !Choices.Contains(Field))
        {
            ModelState.AddModelError(nameof(Field), t["Pilih isian dari daftar."]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        db.ImportColumns.Add(new ImportColumn { SourceSystemId = Source.Id, ColumnName = column, Field = Field! });
        await db.SaveChangesAsync(cancellationToken);
        Flash = t.Format("Kolom '{0}' ditambahkan.", column);
        return Redirect($"/admin/impor/sumber/{Source.Code}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string code, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        var column = await db.ImportColumns.AsTracking().FirstOrDefaultAsync(c => c.Id == id && c.SourceSystemId == Source.Id, cancellationToken);
        if (column is null)
        {
            return NotFound();
        }

        db.ImportColumns.Remove(column);
        await db.SaveChangesAsync(cancellationToken);

        Flash = t["Kolom dihapus dari pemetaan."];
        return Redirect($"/admin/impor/sumber/{Source.Code}");
    }

    public static string FieldName(string field, Texts t) => field == ImportColumn.Ignore ? t["(diabaikan)"] : field;

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var upper = code.ToUpperInvariant();
        var source = await db.SourceSystems.AsNoTracking().FirstOrDefaultAsync(s => s.Code == upper, cancellationToken);
        if (source is null)
        {
            return false;
        }

        Source = source;
        Columns = await db.ImportColumns.AsNoTracking().Where(c => c.SourceSystemId == source.Id).OrderBy(c => c.ColumnName).ToListAsync(cancellationToken);
        return true;
    }
}
