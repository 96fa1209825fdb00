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
/// One upload: its progress while the worker reads it (the page refreshes itself, with or without JavaScript),
/// then the preview — what would be added, updated and left unchanged, or every error by row and column — and
/// the button that saves it.
/// </summary>
[Authorize(Policy = AdminAuthentication.Policy)]
public sealed class ImportJobModel(JippnasDb db, ImportJobs jobs, Texts t, TimeProvider clock) : PageModel
{
    public ImportJob Job { get; private set; } = null!;

    public string SourceName { get; private set; } = "";

    public ImportProgress? Progress { get; private set; }

    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public bool Running => Job.State is ImportJobState.Checking or ImportJobState.Saving;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    /// <summary>The listed errors as a CSV file, to fix the source file beside it.</summary>
    public async Task<IActionResult> OnGetErrorsAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var csv = new StringBuilder("baris,kolom,pesan\r\n");
        foreach (var error in Errors)
        {
            csv.Append(error.Line).Append(',').Append(TableExport.CsvCell(error.Field)).Append(',').Append(TableExport.CsvCell(error.Message)).Append("\r\n");
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"galat-impor-{id}.csv");
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken) => RequestAsync(id, save: true, cancellationToken);

    public Task<IActionResult> OnPostRecheckAsync(int id, CancellationToken cancellationToken) => RequestAsync(id, save: false, cancellationToken);

    private async Task<IActionResult> RequestAsync(int id, bool save, CancellationToken cancellationToken)
    {
        if (!await db.ImportJobs.AnyAsync(j => j.Id == id, cancellationToken))
        {
            return NotFound();
        }

        if (!await jobs.RequestAsync(db, id, save, clock.GetUtcNow(), cancellationToken))
        {
            Flash = save ? t["Berkas ini tidak dapat disimpan: periksa dahulu sampai tidak ada galat."] : t["Berkas ini sedang diproses."];
            Response.StatusCode = StatusCodes.Status409Conflict;
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        return Redirect($"/admin/impor/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return false;
        }

        Job = job;
        var source = await db.SourceSystems.AsNoTracking().FirstAsync(s => s.Id == job.SourceSystemId, cancellationToken);
        SourceName = Texts.IsEnglish ? source.NameEn : source.NameId;
        Progress = jobs.Progress.TryGetValue(id, out var progress) ? progress : null;
        Errors = ImportJobs.ErrorsOf(job);
        return true;
    }
}
