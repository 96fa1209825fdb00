using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Mentoring;

/// <summary>A mentor's desk: their live assignments and the sessions they recorded, newest first.</summary>
[Authorize(Policy = MentoringPermissions.Record)]
public sealed class IndexModel(JippnasDb db, MentoringDesk desk, CurrentAccess access) : PageModel
{
    public sealed record SessionRow(int Id, DateOnly HeldOn, string Hub, int Stage, string Regency, string Topics, int Needs);

    public IReadOnlyList<MentorAssignment> Assignments { get; private set; } = [];

    public IReadOnlyDictionary<int, string> HubNames { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = (await access.GetAsync(User, cancellationToken))!;
        Assignments = await desk.LiveAssignmentsAsync(me.UserId, cancellationToken);
        HubNames = await db.Hubs.ToDictionaryAsync(h => h.Id, h => h.Name, cancellationToken);
        var sessions = await db.MentoringSessions.Where(s => s.MentorId == me.UserId).OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id).Take(100)
            .Select(s => new { s.Id, s.HeldOn, s.Stage!.HubId, s.Stage.Number, s.RegencyCode, s.Topics, Needs = db.Needs.Count(n => n.SessionId == s.Id) })
            .ToListAsync(cancellationToken);
        var codes = sessions.Select(s => s.RegencyCode).Concat(Assignments.SelectMany(a => a.Regions.Select(r => r.RegencyCode))).Distinct().ToList();
        RegionNames = await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, StringComparer.Ordinal, cancellationToken);
        Sessions = [.. sessions.Select(s => new SessionRow(s.Id, s.HeldOn, HubNames.GetValueOrDefault(s.HubId, ""), s.Number, RegionNames.GetValueOrDefault(s.RegencyCode, s.RegencyCode), s.Topics, s.Needs))];
    }
}
