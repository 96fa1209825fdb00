using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Hubs;

/// <summary>
/// A hub's programme year: the six milestones with planned and actual dates, status and evidence, for the hub's
/// administrators and national administrators. Works without JavaScript; a stale form is refused, not merged.
/// </summary>
[Authorize(Policy = HubPermissions.Run)]
public sealed class ProgrammeModel(JippnasDb db, HubOffice office, CurrentAccess access, IAuthorizationService authorization, TimeProvider clock, Texts t) : PageModel
{
    public sealed class MilestoneForm
    {
        public string? PlannedStart { get; set; }
        public string? PlannedEnd { get; set; }
        public string? ActualStart { get; set; }
        public string? ActualEnd { get; set; }
        public string? Status { get; set; }
        public string? Evidence { get; set; }
        public int Version { get; set; }
    }

    public Hub Hub { get; private set; } = null!;

    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public Dictionary<MilestoneKind, HubMilestone> Stored { get; private set; } = [];

    [BindProperty]
    public Dictionary<int, MilestoneForm> M { get; set; } = [];

    [TempData]
    public string? Flash { get; set; }

    public static IReadOnlyList<(string Slug, MilestoneStatus Status)> Statuses { get; } =
        [("rencana", MilestoneStatus.Planned), ("berjalan", MilestoneStatus.InProgress), ("selesai", MilestoneStatus.Done), ("batal", MilestoneStatus.Cancelled)];

    public async Task<IActionResult> OnGetAsync(int id, int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, year, cancellationToken) is { } refused)
        {
            return refused;
        }

        M = Enum.GetValues<MilestoneKind>().ToDictionary(k => (int)k, k => Stored.GetValueOrDefault(k) is { } m
            ? new MilestoneForm
            {
                PlannedStart = Iso(m.PlannedStart), PlannedEnd = Iso(m.PlannedEnd), ActualStart = Iso(m.ActualStart), ActualEnd = Iso(m.ActualEnd),
                Status = Statuses.First(s => s.Status == m.Status).Slug, Evidence = m.Evidence, Version = m.Version,
            }
            : new MilestoneForm { Status = "rencana" });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, year, cancellationToken) is { } refused)
        {
            return refused;
        }

        ModelState.Clear(); // a value that does not bind is named below, in Indonesian
        var problems = new List<(string Field, string Message)>();
        var inputs = new List<MilestoneInput>();
        foreach (var kind in Enum.GetValues<MilestoneKind>())
        {
            var form = M.GetValueOrDefault((int)kind) ?? new MilestoneForm { Status = "rencana", Version = Stored.GetValueOrDefault(kind)?.Version ?? 0 };
            var status = Statuses.FirstOrDefault(s => s.Slug == (form.Status ?? "rencana"));
            if (status.Slug is null)
            {
                problems.Add(($"m{(int)kind}_status", t.Format("{0} — status: pilih direncanakan, berjalan, selesai atau batal.", HubNames.Milestone(kind, t))));
                continue;
            }

            inputs.Add(new MilestoneInput(kind, form.PlannedStart, form.PlannedEnd, form.ActualStart, form.ActualEnd, status.Status, form.Evidence, form.Version));
        }

        var me = (await access.GetAsync(User, cancellationToken))!;
        var outcome = problems.Count > 0 ? new HubOutcome(null, problems) : await office.SaveMilestonesAsync(id, year, inputs, me.UserId, cancellationToken);
        if (outcome.Succeeded)
        {
            Flash = t["Tahapan program tersimpan."];
            return Redirect($"/kelola/hub/{id}/program/{year}");
        }

        foreach (var (field, message) in outcome.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IActionResult?> LoadAsync(int id, int year, CancellationToken cancellationToken)
    {
        if (await db.Hubs.Include(h => h.Designations).FirstOrDefaultAsync(h => h.Id == id, cancellationToken) is not { } hub)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, HubPermissions.PlaceOf(hub), HubPermissions.Run)).Succeeded)
        {
            return Forbid();
        }

        (Hub, Year) = (hub, year);
        if (await office.YearProblemAsync(id, year, cancellationToken) is { } problem)
        {
            ModelState.AddModelError("", problem);
            Response.StatusCode = hub.Designations.Count == 0 ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            return Page();
        }

        var first = hub.Designations.Min(d => d.Year);
        Years = [.. Enumerable.Range(first, clock.JakartaNow().Year + 2 - first)];
        Stored = await db.HubMilestones.Where(m => m.HubId == id && m.Year == year).ToDictionaryAsync(m => m.Kind, cancellationToken);
        return null;
    }
}
