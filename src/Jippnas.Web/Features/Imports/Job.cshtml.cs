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
[Authorize(Policy = ImportPermissions.Run)]
public sealed class ImportJobModel(JippnasDb db, ImportJobs jobs, NameMappings mappings, Texts t, TimeProvider clock) : PageModel
{
    public ImportJob Job { get; private set; } = null!;

    public string SourceName { get; private set; } = "";

    public ImportProgress? Progress { get; private set; }

    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    public IReadOnlyList<UnresolvedName> Unresolved { get; private set; } = [];

    /// <summary>Every region, for the datalist of the mapping forms (loaded only when a name is unresolved).</summary>
    public IReadOnlyList<NameMappings.RegionChoice> Regions { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public bool Running => Job.State is ImportJobState.Checking or ImportJobState.Saving;

    /// <summary>Saved, and the search for likely duplicates of what it added is under way.</summary>
    public bool FindingDuplicates => Job is { State: ImportJobState.Saved, DuplicatesProposed: null } && Progress is not null;

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

    /// <summary>Maps a name the check could not resolve, then checks the file again with the mapping.</summary>
    public async Task<IActionResult> OnPostMapAsync(int id, NameKind kind, string? written, string? target, CancellationToken cancellationToken)
    {
        if (!await db.ImportJobs.AnyAsync(j => j.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var problem = Enum.IsDefined(kind) ? await mappings.MapAsync(kind, written, target, User.Identity?.Name, cancellationToken) : t["jenis: harus wilayah atau instansi."];
        if (problem is not null)
        {
            Flash = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        Flash = t.Format("'{0}' dipetakan ke {1} untuk impor ini dan berikutnya.", written!.Trim(), target!.Trim());
        await jobs.RequestAsync(db, id, save: false, clock.GetUtcNow(), cancellationToken);
        return Redirect($"/admin/impor/{id}");
    }

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
        Unresolved = ImportJobs.UnresolvedOf(job);
        Regions = Unresolved.Count == 0 ? [] : await mappings.RegionsAsync(cancellationToken);
        return true;
    }
}
