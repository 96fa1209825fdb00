using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Jippnas.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Imports;

/// <summary>A source curator's imports: upload a source's file (it is checked in the background), and the recent uploads.</summary>
[Authorize(Policy = ImportPermissions.Run)]
[RequestSizeLimit(ImportJobs.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportJobs.MaxUploadBytes)]
public sealed class ImportsModel(JippnasDb db, ImportJobs jobs, Texts t, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(string Code, string Name)> Sources { get; private set; } = [];

    public IReadOnlyList<(ImportJob Job, string Source)> Recent { get; private set; } = [];

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var source = await db.SourceSystems.AsNoTracking().Where(s => s.Code == (Source ?? "")).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (source is null || Sources.All(s => s.Code != Source))
        {
            ModelState.AddModelError(nameof(Source), t["Pilih sumber data dari daftar."]);
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), t["Pilih berkas CSV, XLSX, atau JSON Lines yang tidak kosong."]);
        }
        else if (Upload.Length > ImportJobs.MaxUploadBytes)
        {
            ModelState.AddModelError(nameof(Upload), t.Format("Berkas lebih dari {0} MB: impor lewat baris perintah.", ImportJobs.MaxUploadBytes / 1024 / 1024));
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var content = Upload!.OpenReadStream();
        var job = await jobs.CreateAsync(db, source!.Value, Upload.FileName, content, User.Identity?.Name, clock.GetUtcNow(), cancellationToken);
        return Redirect($"/admin/impor/{job.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Sources with a column mapping can be imported; the others (synthetic data, publications) cannot.
        var mapped = db.ImportColumns.Select(c => c.SourceSystemId);
        var sources = await db.SourceSystems.AsNoTracking().Where(s => mapped.Contains(s.Id)).OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
        Sources = [.. sources.Select(s => (s.Code, Texts.IsEnglish ? s.NameEn : s.NameId))];
        var names = sources.ToDictionary(s => s.Id, s => s.Code);
        var recent = await db.ImportJobs.AsNoTracking().OrderByDescending(j => j.Id).Take(20).ToListAsync(cancellationToken);
        Recent = [.. recent.Select(j => (j, names.GetValueOrDefault(j.SourceSystemId, "?")))];
    }

    public static string StateName(ImportJobState state, Texts t) => state switch
    {
        ImportJobState.Checking => t["Sedang diperiksa"],
        ImportJobState.Checked => t["Selesai diperiksa"],
        ImportJobState.Saving => t["Sedang disimpan"],
        ImportJobState.Saved => t["Tersimpan"],
        ImportJobState.Failed => t["Gagal"],
        ImportJobState.Interrupted => t["Terputus"],
        _ => state.ToString(),
    };
}
