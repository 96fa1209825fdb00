using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Hubs;

/// <summary>
/// A hub's public page and dashboard: its designations, the milestones of a programme year, mentoring progress by
/// stage and regency/city (counts only), one agency one innovation in its province, its forums and network members.
/// Assessments and session notes stay internal; of the maturity self-assessment, only a verified result is shown.
/// </summary>
public sealed class DetailsModel(JippnasDb db, Maturity.MaturityDesk maturity, TimeProvider clock) : PageModel
{
    public Hub Hub { get; private set; } = null!;

    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<HubMilestone> Milestones { get; private set; } = [];

    public Mentoring.HubProgress Progress { get; private set; } = new([], []);

    public IReadOnlyList<HubMember> Members { get; private set; } = [];

    public IReadOnlyList<Forum> Forums { get; private set; } = [];

    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];

    /// <summary>One agency, one innovation in the hub's province this programme year: agencies recorded and those with a new innovation.</summary>
    public (int Opds, int Compliant)? Compliance { get; private set; }

    /// <summary>The hub's latest verified maturity self-assessment: its instrument and the verified score of each aspect.</summary>
    public (MaturityInstrument Instrument, MaturityAssessment Assessment, IReadOnlyList<Maturity.AspectScore> Scores)? Maturity { get; private set; }

    /// <summary>The hub's replications per stage (all years).</summary>
    public IReadOnlyDictionary<ReplicationStage, int> Replications { get; private set; } = new Dictionary<ReplicationStage, int>();

    [BindProperty(SupportsGet = true, Name = "tahun")]
    public int? Requested { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        // A candidate that was never designated is not public.
        if (await db.Hubs.Include(h => h.Designations).Include(h => h.Province).Include(h => h.Agency)
                .FirstOrDefaultAsync(h => h.Id == id && h.Designations.Any(), cancellationToken) is not { } hub)
        {
            return NotFound();
        }

        Hub = hub;
        var years = await db.HubMilestones.Where(m => m.HubId == id).Select(m => m.Year).Distinct().ToListAsync(cancellationToken);
        Years = [.. years.Order()];
        var thisYear = Shared.Formats.JakartaNow(clock).Year;
        if (Requested is { } wanted && !years.Contains(wanted))
        {
            ModelState.AddModelError("tahun", $"tahun: tidak ada program tercatat untuk {wanted}.");
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        Year = Requested is { } y && years.Contains(y) ? y : years.Contains(thisYear) ? thisYear : years.DefaultIfEmpty(thisYear).Max();
        Milestones = await db.HubMilestones.Where(m => m.HubId == id && m.Year == Year).OrderBy(m => m.Kind).ToListAsync(cancellationToken);
        Progress = await Mentoring.MentoringQueries.ProgressAsync(db, hub, Year, cancellationToken);
        Members = await db.HubMembers.Include(m => m.Member).Where(m => m.HubId == id && m.UntilYear == null).OrderBy(m => m.Member!.Name).ToListAsync(cancellationToken);
        Agreements = await db.Agreements.Include(a => a.Parties).Where(a => a.HubId == id).OrderByDescending(a => a.SignedOn).Take(20).ToListAsync(cancellationToken);
        if (hub.ProvinceCode is { } province)
        {
            Forums = await db.Forums.Where(f => f.ProvinceCode == province).OrderByDescending(f => f.HeldOn).Take(10).ToListAsync(cancellationToken);
            var rollup = await Jippnas.Web.Features.Compliance.ComplianceQueries.ProvinceAsync(db, province, Year, cancellationToken);
            Compliance = (rollup.Sum(r => r.Opds), rollup.Sum(r => r.Compliant));
        }
        await LoadMaturityAsync(id, cancellationToken);
        Replications = await db.Replications.Where(r => r.HubId == id).GroupBy(r => r.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return Page();
    }

    // Only a verified assessment is public: a draft or one under verification stays with the hub and the verifier.
    private async Task LoadMaturityAsync(int hubId, CancellationToken cancellationToken)
    {
        var latest = await db.MaturityAssessments.Include(a => a.Answers)
            .Where(a => a.HubId == hubId && a.State == MaturityState.Verified)
            .Join(db.MaturityInstruments, a => a.InstrumentId, i => i.Id, (a, i) => new { Assessment = a, i.Year })
            .OrderByDescending(x => x.Year).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && await maturity.InstrumentAsync(latest.Year, cancellationToken) is { } instrument)
        {
            Maturity = (instrument, latest.Assessment, Jippnas.Web.Features.Maturity.MaturityScoring.ByAspect(instrument, latest.Assessment.Answers.ToDictionary(a => a.QuestionId)));
        }
    }
}
