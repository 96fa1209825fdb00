using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Hubs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Mentoring;

/// <summary>
/// One mentoring session and the needs found in it, for the mentor who recorded it and the hub's administrators, who
/// also move each need on (open → matched → addressed, or closed).
/// </summary>
[Authorize]
public sealed class SessionModel(JippnasDb db, MentoringDesk desk, CurrentAccess access, IAuthorizationService authorization, Shared.Texts t) : PageModel
{
    public MentoringSession Session { get; private set; } = null!;

    public Hub Hub { get; private set; } = null!;

    public string Regency { get; private set; } = "";

    public string Mentor { get; private set; } = "";

    public IReadOnlyList<Need> Needs { get; private set; } = [];

    [TempData]
    public string? Flash { get; set; }

    [BindProperty(Name = "need")]
    public int NeedId { get; set; }

    [BindProperty(Name = "status")]
    public string? Status { get; set; }

    [BindProperty(Name = "versi")]
    public int ReadAt { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

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
        return null;
    }
}
