using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Mentoring;

/// <summary>
/// A hub's mentoring for its administrators: the network members of the hub (universities among them), the mentors
/// assigned to its regencies/cities for a period, and progress by stage and regency with the needs found.
/// Assigning a person without an account invites them; their mentor role covers this hub only.
/// </summary>
[Authorize(Policy = HubPermissions.Run)]
public sealed class HubMentoringModel(JippnasDb db, MentoringDesk desk, AccountDirectory directory, Invitations invitations, UserManager<AccountUser> users,
    CurrentAccess access, IAuthorizationService authorization, TimeProvider clock, Texts t) : PageModel
{
    public sealed record AssignmentRow(int Id, string Mentor, string Email, string University, IReadOnlyList<string> Regencies, DateOnly StartsOn, DateOnly EndsOn);

    public Hub Hub { get; private set; } = null!;

    public IReadOnlyList<HubMember> Members { get; private set; } = [];

    public IReadOnlyList<AssignmentRow> Assignments { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Regencies { get; private set; } = [];

    public HubProgress Progress { get; private set; } = new([], []);

    public DateOnly Today => DateOnly.FromDateTime(clock.JakartaNow().DateTime);

    [BindProperty(Name = "member_name")]
    public string? MemberName { get; set; }

    [BindProperty(Name = "member_kind")]
    public string? MemberKind { get; set; }

    [BindProperty(Name = "member_website")]
    public string? MemberWebsite { get; set; }

    [BindProperty(Name = "member_role")]
    public string? MemberRole { get; set; }

    [BindProperty(Name = "member_since")]
    public string? MemberSince { get; set; }

    [BindProperty(Name = "email")]
    public string? Email { get; set; }

    [BindProperty(Name = "full_name")]
    public string? FullName { get; set; }

    [BindProperty(Name = "member")]
    public string? Member { get; set; }

    [BindProperty(Name = "regencies")]
    public List<string> Chosen { get; set; } = [];

    [BindProperty(Name = "starts_on")]
    public string? StartsOn { get; set; }

    [BindProperty(Name = "ends_on")]
    public string? EndsOn { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        MemberSince = $"{Today.Year}";
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostMemberAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await desk.AddMemberAsync(id, MemberName, MemberKind, MemberWebsite, MemberRole, MemberSince, cancellationToken);
        return outcome.Succeeded ? Done(id, t["Anggota jaringan ditambahkan ke hub."]) : await RefuseAsync(id, outcome.Errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (problems, memberId, regencies, starts, ends) = await desk.CheckAssignmentAsync(id, Member, Chosen, StartsOn, EndsOn, cancellationToken);
        var email = Email?.Trim() ?? "";
        var existing = email.Length == 0 ? null : await users.FindByEmailAsync(email);
        if (email.Length == 0)
        {
            problems.Insert(0, ("email", "Email pendamping: wajib diisi."));
        }

        if (problems.Count > 0)
        {
            return await RefuseAsync(id, problems, cancellationToken);
        }

        var me = (await access.GetAsync(User, cancellationToken))!;
        var key = $"{id}";
        var holdsMentor = existing is not null && await db.RoleGrants.AnyAsync(g => g.UserId == existing.Id && g.Role == AccountRole.Mentor && g.Scope == GrantScope.Hub && g.ScopeKey == key && g.RevokedAt == null, cancellationToken);
        var granted = existing is null
            ? await directory.CreateAsync(email, FullName ?? "", null, AccountRole.Mentor, GrantScope.Hub, key, me.UserId, cancellationToken)
            : holdsMentor ? new AccountResult(existing.Id, []) : await directory.GrantAsync(existing.Id, AccountRole.Mentor, GrantScope.Hub, key, me.UserId, cancellationToken);
        if (!granted.Succeeded)
        {
            return await RefuseAsync(id, granted.Errors.Select(e => (e.Field == "full_name" ? "full_name" : "email", e.Message)), cancellationToken);
        }

        await desk.AssignAsync(id, granted.UserId!.Value, memberId, regencies, starts, ends, me.UserId, cancellationToken);
        var mentor = existing ?? (await users.FindByIdAsync(granted.UserId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
        if (!mentor.EmailConfirmed)
        {
            await invitations.SendInvitationAsync(mentor, me.FullName, new Uri($"{Request.Scheme}://{Request.Host}"), cancellationToken);
            return Done(id, t.Format("Pendamping ditugaskan; undangan terkirim ke {0}.", email));
        }

        return Done(id, t.Format("{0} ditugaskan sebagai pendamping.", mentor.FullName));
    }

    public async Task<IActionResult> OnPostEndAsync(int id, int assignment, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await desk.EndAssignmentAsync(id, assignment, cancellationToken);
        return outcome.Succeeded ? Done(id, t["Penugasan diakhiri hari ini; catatan pendampingannya tetap tersimpan."]) : await RefuseAsync(id, outcome.Errors, cancellationToken);
    }

    private RedirectResult Done(int id, string flash)
    {
        Flash = flash;
        return Redirect($"/kelola/hub/{id}/pendampingan");
    }

    private async Task<IActionResult> RefuseAsync(int id, IEnumerable<(string Field, string Message)> errors, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        return this.Refused(errors);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var (hub, refusal) = await this.RunAsync(db, authorization, id, cancellationToken);
        if (hub is null)
        {
            return refusal;
        }

        Hub = hub;
        Members = await db.HubMembers.Include(m => m.Member).Where(m => m.HubId == id).OrderBy(m => m.UntilYear != null).ThenBy(m => m.Member!.Name).ToListAsync(cancellationToken);
        var names = await db.Regions.Where(r => r.ParentCode != null && (hub.ProvinceCode == null || r.ParentCode == hub.ProvinceCode)).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
        var byCode = names.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        Regencies = [.. names.Select(r => (r.Code, r.Name))];
        var assignments = await db.MentorAssignments.Include(a => a.Regions).Include(a => a.Member).Where(a => a.HubId == id).OrderByDescending(a => a.EndsOn).ToListAsync(cancellationToken);
        var userIds = assignments.Select(a => a.UserId).Distinct().ToList();
        var people = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new { u.FullName, u.Email }, cancellationToken);
        Assignments = [.. assignments.Select(a => new AssignmentRow(a.Id, people[a.UserId].FullName, people[a.UserId].Email ?? "", a.Member!.Name,
            [.. a.Regions.Select(r => byCode.GetValueOrDefault(r.RegencyCode, r.RegencyCode))], a.StartsOn, a.EndsOn))];

        Progress = await db.ProgressAsync(hub, Today.Year, cancellationToken);
        return null;
    }
}
