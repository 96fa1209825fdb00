using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Evidence;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Replication;

/// <summary>
/// One replication for those who work on it (the replicating agency's operators, its mentor, the hub's and national
/// administrators): origin and replica, the stages with planned and actual dates and the form that moves it on, the
/// study visits and the form that records one, and the action plan's progress.
/// </summary>
[Authorize(Policy = ReplicationPermissions.Work)]
public sealed class DetailsModel(JippnasDb db, ReplicationDesk desk, Evidence.EvidenceShelf shelf, Evidence.IEvidenceStore store, CurrentAccess access, IAuthorizationService authorization, Texts t) : PageModel
{
    public Domain.Replication Replication { get; private set; } = null!;

    public string Regency { get; private set; } = "";

    public string? HubName { get; private set; }

    public IReadOnlyList<StudyVisit> Visits { get; private set; } = [];

    public ActionPlan? Plan { get; private set; }

    public IReadOnlyList<ReplicationFile> Files { get; private set; } = [];

    public long MaxBytes => shelf.MaxBytes;

    [BindProperty(Name = "berkas")]
    public IFormFile? Upload { get; set; }

    [BindProperty(Name = "file_stage")]
    public string? FileStage { get; set; }

    [BindProperty(Name = "file_description")]
    public string? FileDescription { get; set; }

    [BindProperty(Name = "versi")]
    public int ReadAt { get; set; }

    [BindProperty(Name = "stage")]
    public string? Stage { get; set; }

    [BindProperty(Name = "on")]
    public string? On { get; set; }

    [BindProperty(Name = "note")]
    public string? Note { get; set; }

    [BindProperty(Name = "regulation_number")]
    public string? RegulationNumber { get; set; }

    [BindProperty(Name = "regulation_date")]
    public string? RegulationDate { get; set; }

    [BindProperty(Name = "next_planned_on")]
    public string? NextPlannedOn { get; set; }

    [BindProperty(Name = "visit_on")]
    public string? VisitOn { get; set; }

    [BindProperty(Name = "host")]
    public string? Host { get; set; }

    [BindProperty(Name = "participant_count")]
    public string? ParticipantCount { get; set; }

    [BindProperty(Name = "participants")]
    public string? Participants { get; set; }

    [BindProperty(Name = "agenda")]
    public string? Agenda { get; set; }

    [BindProperty(Name = "findings")]
    public string? Findings { get; set; }

    [BindProperty(Name = "cost")]
    public string? Cost { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        ReadAt = Replication.Version;
        Host = Replication.Origin?.Agency?.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAdvanceAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var me = (await access.GetAsync(User, cancellationToken))!;
        var outcome = await desk.AdvanceAsync(id, ReadAt, new AdvanceInput(Stage, On, Note, RegulationNumber, RegulationDate, NextPlannedOn), me.UserId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome.Errors);
        }

        var reached = ReplicationStages.All.First(s => s.Slug == Stage).Name;
        Flash = t.Format("Replikasi kini pada tahap {0}.", t[reached]);
        return Redirect($"/kelola/replikasi/{id}");
    }

    public async Task<IActionResult> OnPostVisitAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var me = (await access.GetAsync(User, cancellationToken))!;
        var outcome = await desk.RecordVisitAsync(id, new VisitInput(VisitOn, Host, ParticipantCount, Participants, Agenda, Findings, Cost), me.UserId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome.Errors);
        }

        Flash = t["Studi tiru tercatat."];
        return Redirect($"/kelola/replikasi/{id}#studi-tiru");
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (ReplicationStages.All.FirstOrDefault(s => s.Slug == FileStage) is not { Slug: not null } chosen || !Replication.Dates.Exists(d => d.Stage == chosen.Stage && d.ActualOn is not null))
        {
            return this.Refused([("file_stage", t["Tahap dokumen: pilih tahap yang sudah dicapai replikasi ini."])]);
        }

        var (file, error) = await shelf.StoreAsync(Upload, cancellationToken);
        if (file is null)
        {
            return this.Refused([("berkas", error!)]);
        }

        var me = (await access.GetAsync(User, cancellationToken))!;
        var outcome = await desk.AddFileAsync(id, FileStage, file, FileDescription, me.UserId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome.Errors);
        }

        Flash = t["Dokumen tahap tersimpan."];
        return Redirect($"/kelola/replikasi/{id}#dokumen");
    }

    /// <summary>A stage document, to those who work on the replication (never cached by shared caches).</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int file, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        return Files.FirstOrDefault(f => f.Id == file) is { } found ? this.Serve(store, found.Sha256, found.MediaType, found.Name) : NotFound();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (replication, refusal) = await this.WorkAsync(
            db.Replications.Include(r => r.Dates).Include(r => r.Origin).ThenInclude(o => o!.Agency).Include(r => r.Replica).Include(r => r.Agency), authorization, id, cancellationToken);
        if (replication is null)
        {
            return refusal;
        }

        Replication = replication;
        Regency = await db.Regions.Where(r => r.Code == replication.RegencyCode).Select(r => r.Name).FirstAsync(cancellationToken);
        HubName = replication.HubId is { } hubId ? await db.Hubs.Where(h => h.Id == hubId).Select(h => h.Name).FirstOrDefaultAsync(cancellationToken) : null;
        Visits = await db.StudyVisits.Where(v => v.ReplicationId == id).OrderBy(v => v.VisitedOn).ToListAsync(cancellationToken);
        Plan = await db.ActionPlans.Include(p => p.Items).FirstOrDefaultAsync(p => p.ReplicationId == id, cancellationToken);
        Files = await db.ReplicationFiles.Where(f => f.ReplicationId == id).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        return null;
    }
}
