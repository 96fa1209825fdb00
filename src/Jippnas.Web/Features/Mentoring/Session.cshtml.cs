using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Evidence;
using Jippnas.Web.Features.Hubs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Mentoring;

/// <summary>
/// One mentoring session and the needs found in it, for the mentor who recorded it and the hub's administrators, who
/// also move each need on (open → matched → addressed, or closed) and add its documents; the mentor corrects what
/// they wrote (the date, regency/city and stage stay as recorded). Its documents are served only to them.
/// </summary>
[Authorize]
public sealed class SessionModel(JippnasDb db, MentoringDesk desk, Evidence.EvidenceShelf shelf, Evidence.IEvidenceStore store, CurrentAccess access, IAuthorizationService authorization, Shared.Texts t) : PageModel
{
    public MentoringSession Session { get; private set; } = null!;

    public Hub Hub { get; private set; } = null!;

    public string Regency { get; private set; } = "";

    public string Mentor { get; private set; } = "";

    public IReadOnlyList<Need> Needs { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public IReadOnlyList<MentoringSessionFile> Files { get; private set; } = [];

    /// <summary>The signed-in person recorded the session (and so may correct it).</summary>
    public bool IsMentor { get; private set; }

    public long MaxBytes => shelf.MaxBytes;

    [BindProperty(Name = "topics")]
    public string? Topics { get; set; }

    [BindProperty(Name = "findings")]
    public string? Findings { get; set; }

    [BindProperty(Name = "follow_ups")]
    public string? FollowUps { get; set; }

    [BindProperty(Name = "attendance_count")]
    public string? AttendanceCount { get; set; }

    [BindProperty(Name = "attendees")]
    public string? Attendees { get; set; }

    [BindProperty(Name = "versi_sesi")]
    public int SessionReadAt { get; set; }

    [BindProperty(Name = "berkas")]
    public IFormFile? Upload { get; set; }

    [BindProperty(Name = "keterangan")]
    public string? Description { get; set; }

    [BindProperty(Name = "need")]
    public int NeedId { get; set; }

    [BindProperty(Name = "status")]
    public string? Status { get; set; }

    [BindProperty(Name = "versi")]
    public int ReadAt { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        (Topics, Findings, FollowUps, AttendanceCount, Attendees, SessionReadAt) =
            (Session.Topics, Session.Findings, Session.FollowUps, Session.AttendanceCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Session.Attendees, Session.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!IsMentor)
        {
            return Forbid();
        }

        var outcome = await desk.EditSessionAsync(id, Session.MentorId, SessionReadAt, new SessionNotes(Topics, Findings, FollowUps, AttendanceCount, Attendees), cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome.Errors);
        }

        Flash = t["Sesi tersimpan."];
        return Redirect($"/kelola/pendampingan/sesi/{id}");
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Description?.Trim().Length > MentoringSessionFile.MaxDescription)
        {
            return this.Refused([("keterangan", t.Format("Keterangan: paling panjang {0} karakter.", MentoringSessionFile.MaxDescription))]);
        }

        var (file, error) = await shelf.StoreAsync(Upload, cancellationToken);
        if (file is null)
        {
            return this.Refused([("berkas", error!)]);
        }

        var me = (await access.GetAsync(User, cancellationToken))!;
        var outcome = await desk.AddSessionFileAsync(id, file, Description, me.UserId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome.Errors);
        }

        Flash = t["Dokumen sesi tersimpan."];
        return Redirect($"/kelola/pendampingan/sesi/{id}");
    }

    /// <summary>A document of the session, to the same people as the session (never cached by shared caches).</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int file, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        return Files.FirstOrDefault(f => f.Id == file) is { } found ? this.Serve(store, found.Sha256, found.MediaType, found.Name) : NotFound();
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await desk.SetNeedStatusAsync(id, NeedId, Status, ReadAt, cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome.Errors);
        }

        Flash = t["Status kebutuhan tersimpan."];
        return Redirect($"/kelola/pendampingan/sesi/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.MentoringSessions.Include(s => s.Stage).FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } session)
        {
            return NotFound();
        }

        var hub = await db.Hubs.FirstAsync(h => h.Id == session.Stage!.HubId, cancellationToken);
        var me = await access.GetAsync(User, cancellationToken);
        if (me?.UserId != session.MentorId && !(await authorization.AuthorizeAsync(User, HubPermissions.PlaceOf(hub), HubPermissions.Run)).Succeeded)
        {
            return Forbid();
        }

        (Session, Hub) = (session, hub);
        Regency = await db.Regions.Where(r => r.Code == session.RegencyCode).Select(r => r.Name).FirstAsync(cancellationToken);
        Mentor = await db.Users.Where(u => u.Id == session.MentorId).Select(u => u.FullName).FirstAsync(cancellationToken);
        Needs = await db.Needs.Include(n => n.Indicators).Include(n => n.Sector).Where(n => n.SessionId == id).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        Files = await db.MentoringSessionFiles.Where(f => f.SessionId == id).OrderBy(f => f.Id).ToListAsync(cancellationToken);
        IsMentor = me?.UserId == session.MentorId;
        return null;
    }
}
