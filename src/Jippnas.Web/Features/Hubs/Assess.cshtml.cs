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
/// One hub or candidate for the national administrator: its designations (history), the assessment in progress on
/// the four criteria with its decision, earlier assessments, and the forms that designate it by decree or end its
/// designation.
/// </summary>
[Authorize(Policy = HubPermissions.Designate)]
public sealed class AssessModel(JippnasDb db, HubOffice office, CurrentAccess access, TimeProvider clock, Texts t) : PageModel
{
    public sealed class ScoreForm
    {
        public string? Score { get; set; }
        public string? Evidence { get; set; }
        public string? Notes { get; set; }
    }

    public Hub Hub { get; private set; } = null!;

    public IReadOnlyList<HubAssessment> Assessments { get; private set; } = [];

    public HubAssessment? Pending => Assessments.FirstOrDefault(a => a.Decision == AssessmentDecision.Pending);

    /// <summary>An approved assessment no designation rests on yet: the hub may be designated.</summary>
    public bool CanDesignate { get; private set; }

    [BindProperty]
    public Dictionary<int, ScoreForm> Scores { get; set; } = [];

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty(Name = "versi")]
    public int ReadAt { get; set; }

    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Year { get; set; }

    [BindProperty(Name = "ended_on")]
    public string? EndedOn { get; set; }

    [BindProperty(Name = "end_note")]
    public string? EndNote { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public int ThisYear => clock.JakartaNow().Year;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ReadAt = Pending?.Version ?? 0;
        if (Pending is { } pending)
        {
            Scores = pending.Scores.ToDictionary(s => (int)s.Criterion, s => new ScoreForm { Score = $"{s.Score}", Evidence = s.Evidence, Notes = s.Notes });
            Note = pending.DecisionNote;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAssessAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Pending is not { } pending)
        {
            return Refuse([("", t["Tidak ada penilaian yang sedang berjalan; usulkan calon ini kembali."])]);
        }

        var decision = Decision switch
        {
            "setujui" => AssessmentDecision.Approved,
            "tolak" => AssessmentDecision.Rejected,
            null or "" or "simpan" => AssessmentDecision.Pending,
            _ => (AssessmentDecision)(-1),
        };
        var inputs = Enum.GetValues<HubCriterion>().Select(c => Scores.GetValueOrDefault((int)c) is { } f ? new ScoreInput(c, f.Score, f.Evidence, f.Notes) : new ScoreInput(c, null, null, null)).ToList();
        var me = (await access.GetAsync(User, cancellationToken))!;
        var outcome = await office.AssessAsync(pending.Id, ReadAt, inputs, decision, Note, me.UserId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Refuse(outcome.Errors);
        }

        Flash = decision switch
        {
            AssessmentDecision.Approved => t["Penilaian disetujui; calon ini dapat ditetapkan dengan keputusan."],
            AssessmentDecision.Rejected => t["Penilaian diputuskan: calon tidak disetujui."],
            _ => t["Penilaian tersimpan."],
        };
        return Redirect($"/admin/hub/{id}");
    }

    public async Task<IActionResult> OnPostDesignateAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var me = (await access.GetAsync(User, cancellationToken))!;
        var outcome = await office.DesignateAsync(id, Number, Title, Date, Year, me.UserId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Refuse(outcome.Errors);
        }

        Flash = t["Hub ditetapkan dan kini aktif."];
        return Redirect($"/admin/hub/{id}");
    }

    public async Task<IActionResult> OnPostEndAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await office.EndAsync(id, EndedOn, EndNote, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Refuse(outcome.Errors);
        }

        Flash = t["Penetapan hub diakhiri; riwayatnya tetap tercatat."];
        return Redirect($"/admin/hub/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await office.DeleteAsync(id, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Refuse(outcome.Errors);
        }

        Flash = t.Format("Calon {0} dihapus.", Hub.Name);
        return Redirect("/admin/hub");
    }

    private PageResult Refuse(IEnumerable<(string Field, string Message)> errors) => this.Refused(errors);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Hubs.Include(h => h.Designations).Include(h => h.Province).Include(h => h.Agency).FirstOrDefaultAsync(h => h.Id == id, cancellationToken) is not { } hub)
        {
            return false;
        }

        Hub = hub;
        Assessments = await db.HubAssessments.Include(a => a.Scores).Where(a => a.HubId == id).OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
        var used = hub.Designations.Select(d => d.AssessmentId).OfType<int>().ToHashSet();
        CanDesignate = hub.Status != HubStatus.Active && Assessments.Any(a => a.Decision == AssessmentDecision.Approved && !used.Contains(a.Id));
        return true;
    }
}
