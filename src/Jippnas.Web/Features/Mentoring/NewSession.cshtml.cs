using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Mentoring;

/// <summary>
/// A mentor records a session inside one of their assignments, with up to three needs found in it (stage 1
/// identifies each regency/city's gaps and needs). Works without JavaScript; every problem is named by field.
/// </summary>
[Authorize(Policy = MentoringPermissions.Record)]
public sealed class NewSessionModel(JippnasDb db, MentoringDesk desk, CurrentAccess access, TimeProvider clock, Texts t) : PageModel
{
    public sealed class NeedForm
    {
        public string? Sector { get; set; }
        public string? Problem { get; set; }
        public string? Priority { get; set; } = "sedang";
        public string? IndicatorName { get; set; }
        public string? IndicatorUnit { get; set; }
        public string? IndicatorValue { get; set; }
        public string? IndicatorYear { get; set; }
    }

    public IReadOnlyList<MentorAssignment> Assignments { get; private set; } = [];

    public IReadOnlyDictionary<int, string> HubNames { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<Sector> Sectors { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "penugasan")]
    public string? Assignment { get; set; }

    [BindProperty(Name = "stage")]
    public string? Stage { get; set; } = "1";

    [BindProperty(Name = "regency")]
    public string? Regency { get; set; }

    [BindProperty(Name = "held_on")]
    public string? HeldOn { get; set; }

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

    [BindProperty(Name = "need")]
    public List<NeedForm> Needs { get; set; } = [];

    public MentorAssignment? Chosen => Assignments.FirstOrDefault(a => $"{a.Id}" == Assignment) ?? (Assignments.Count == 1 ? Assignments[0] : null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        HeldOn = clock.JakartaNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var me = (await access.GetAsync(User, cancellationToken))!;
        var needs = Enumerable.Range(0, MentoringDesk.NeedBlocks).Select(i => Needs.ElementAtOrDefault(i) is { } n
            ? new NeedInput(n.Sector, n.Problem, n.Priority, n.IndicatorName, n.IndicatorUnit, n.IndicatorValue, n.IndicatorYear)
            : new NeedInput(null, null, null, null, null, null, null)).ToList();
        var outcome = await desk.RecordSessionAsync(me.UserId, new SessionInput(Assignment, Stage, Regency, HeldOn, Topics, Findings, FollowUps, AttendanceCount, Attendees, needs), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Flash"] = t["Sesi pendampingan tersimpan."];
            return Redirect($"/kelola/pendampingan/sesi/{outcome.Id}");
        }

        foreach (var (field, message) in outcome.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = (await access.GetAsync(User, cancellationToken))!;
        Assignments = await desk.LiveAssignmentsAsync(me.UserId, cancellationToken);
        var hubIds = Assignments.Select(a => a.HubId).ToList();
        HubNames = await db.Hubs.Where(h => hubIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, cancellationToken);
        var codes = Assignments.SelectMany(a => a.Regions.Select(r => r.RegencyCode)).Distinct().ToList();
        RegionNames = await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, StringComparer.Ordinal, cancellationToken);
        Sectors = await db.Sectors.Where(s => s.IsActive).OrderBy(s => s.SortOrder).ThenBy(s => s.NameId).ToListAsync(cancellationToken);
        while (Needs.Count < MentoringDesk.NeedBlocks)
        {
            Needs.Add(new NeedForm());
        }
    }
}
