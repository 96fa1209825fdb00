using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Replication;

/// <summary>
/// A replication's action plan: its activities with responsible unit, dates, expected output and budget line (rupiah,
/// source, fiscal year), status and evidence; progress from the activities; totals by source and year; the mentor's
/// review. Saved whole; a plan saved by someone else meanwhile is never overwritten: the person is told what changed.
/// Printable and downloadable as XLSX or CSV.
/// </summary>
[Authorize(Policy = ReplicationPermissions.Work)]
public sealed class PlanModel(JippnasDb db, ActionPlanDesk desk, CurrentAccess access, IAuthorizationService authorization, Texts t) : PageModel
{
    public const int BlankRows = 3;

    public sealed class ItemForm
    {
        public string? Activity { get; set; }
        public string? Unit { get; set; }
        public string? StartsOn { get; set; }
        public string? EndsOn { get; set; }
        public string? Output { get; set; }
        public string? Amount { get; set; }
        public string? Source { get; set; }
        public string? FiscalYear { get; set; }
        public string? Status { get; set; }
        public string? Evidence { get; set; }

        public ItemInput Input => new(Activity, Unit, StartsOn, EndsOn, Output, Amount, Source, FiscalYear, Status, Evidence);

        public static ItemForm Of(ItemInput i) => new()
        {
            Activity = i.Activity, Unit = i.Unit, StartsOn = i.StartsOn, EndsOn = i.EndsOn, Output = i.Output, Amount = i.Amount,
            Source = i.Source, FiscalYear = i.FiscalYear, Status = i.Status, Evidence = i.Evidence,
        };
    }

    public Domain.Replication Replication { get; private set; } = null!;

    public ActionPlan? Plan { get; private set; }

    public bool CanReview { get; private set; }

    public Dictionary<int, string> Authors { get; private set; } = [];

    [BindProperty]
    public List<ItemForm> Items { get; set; } = [];

    [BindProperty(Name = "versi")]
    public int ReadAt { get; set; }

    /// <summary>The activities as the form read them (JSON), to tell what someone else changed meanwhile.</summary>
    [BindProperty(Name = "dibaca")]
    public string? ReadSnapshot { get; set; }

    [BindProperty(Name = "comment")]
    public string? Comment { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        ReadAt = Plan?.Version ?? 0;
        ReadSnapshot = ActionPlanDesk.Snapshot(Plan);
        Items = [.. (Plan?.Items ?? []).OrderBy(i => i.Ordinal).Select(i => ItemForm.Of(ActionPlanDesk.AsInput(i)))];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var me = (await access.GetAsync(User, cancellationToken))!;
        var outcome = await desk.SaveAsync(id, ReadAt, ReadSnapshot, [.. Items.Select(i => i.Input)], me.UserId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome.Errors);
        }

        Flash = t["Rencana aksi tersimpan."];
        return Redirect($"/kelola/replikasi/{id}/rencana-aksi");
    }

    public async Task<IActionResult> OnPostCommentAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!CanReview)
        {
            return Forbid();
        }

        var me = (await access.GetAsync(User, cancellationToken))!;
        var outcome = await desk.CommentAsync(id, Comment, me.UserId, cancellationToken);
        if (!outcome.Succeeded)
        {
            ReadAt = Plan?.Version ?? 0;
            ReadSnapshot = ActionPlanDesk.Snapshot(Plan);
            Items = [.. (Plan?.Items ?? []).OrderBy(i => i.Ordinal).Select(i => ItemForm.Of(ActionPlanDesk.AsInput(i)))];
            return this.Refused(outcome.Errors);
        }

        Flash = t["Komentar telaah tersimpan."];
        return Redirect($"/kelola/replikasi/{id}/rencana-aksi#telaah");
    }

    /// <summary>The activities as a spreadsheet (XLSX or CSV).</summary>
    public async Task<IActionResult> OnGetExportAsync(int id, string? format, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!TableExport.TryParseFormat(format, out var kind))
        {
            return this.Refused([("format", t["format: pilih csv atau xlsx."])]);
        }

        var rows = (Plan?.Items ?? []).OrderBy(i => i.Ordinal).Select(i => (object?[])
        [
            i.Ordinal, i.Activity, i.Unit, i.StartsOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            i.EndsOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), i.Output, i.Amount,
            i.Source is { } s ? ActionPlanDesk.Sources.First(x => x.Source == s).Name : null, i.FiscalYear,
            ActionPlanDesk.Statuses.First(x => x.Status == i.Status).Name, i.Evidence,
        ]);
        await TableExport.WriteAsync(Response, kind, $"rencana-aksi-replikasi-{id}",
            ["no", "kegiatan", "penanggung_jawab", "mulai", "selesai", "keluaran", "anggaran_rupiah", "sumber_dana", "tahun_anggaran", "status", "bukti"],
            rows.ToAsyncEnumerable(), cancellationToken);
        return new EmptyResult();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (replication, refusal) = await this.WorkAsync(db.Replications.Include(r => r.Origin).Include(r => r.Agency), authorization, id, cancellationToken);
        if (replication is null)
        {
            return refusal;
        }

        Replication = replication;
        CanReview = (await authorization.AuthorizeAsync(User, ReplicationPermissions.PlaceOf(replication), ReplicationPermissions.Review)).Succeeded;
        Plan = await desk.PlanAsync(id, cancellationToken);
        var authorIds = Plan?.Comments.Select(c => c.AuthorId).Distinct().ToList() ?? [];
        Authors = await db.Users.Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        return null;
    }
}
