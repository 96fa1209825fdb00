using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Accounts;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Maturity;

/// <summary>
/// A hub's maturity self-assessment on one year's instrument: the hub's administrators answer each question (an
/// option, evidence, a note), save a draft and submit it; a national administrator then verifies it answer by
/// answer and verifies the whole or returns it with a note. Scores per aspect, self and verified, on 0–100.
/// Works without JavaScript; a stale form is refused, not merged.
/// </summary>
[Authorize(Policy = HubPermissions.Run)]
public sealed class AssessmentModel(JippnasDb db, MaturityDesk desk, CurrentAccess access, IAuthorizationService authorization, Texts t) : PageModel
{
    public sealed class AnswerForm
    {
        public string? Option { get; set; }
        public string? Evidence { get; set; }
        public string? Note { get; set; }
    }

    public Hub Hub { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public MaturityInstrument? Instrument { get; private set; }

    public MaturityAssessment? Stored { get; private set; }

    public IReadOnlyList<AspectScore> Scores { get; private set; } = [];

    /// <summary>The person may verify (a national administrator).</summary>
    public bool CanVerify { get; private set; }

    /// <summary>The hub may still change its answers.</summary>
    public bool Editable => Stored is null or { State: MaturityState.Draft or MaturityState.Returned };

    public Dictionary<int, MaturityOption> OptionsById { get; private set; } = [];

    [BindProperty]
    public Dictionary<int, AnswerForm> A { get; set; } = [];

    /// <summary>The verifier's option and note per question.</summary>
    [BindProperty]
    public Dictionary<int, AnswerForm> V { get; set; } = [];

    [BindProperty(Name = "versi")]
    public int ReadAt { get; set; }

    [BindProperty(Name = "kirim")]
    public string? Submit { get; set; }

    [BindProperty(Name = "keputusan")]
    public string? Decision { get; set; }

    [BindProperty(Name = "verifier_note")]
    public string? VerifierNote { get; set; }

    [TempData]
    public string? Flash { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, year, cancellationToken) is { } refused)
        {
            return refused;
        }

        ReadAt = Stored?.Version ?? 0;
        var answers = Stored?.Answers.ToDictionary(a => a.QuestionId) ?? [];
        A = answers.ToDictionary(p => p.Key, p => new AnswerForm { Option = Id(p.Value.SelfOptionId), Evidence = p.Value.Evidence, Note = p.Value.SelfNote });

        // The verifier starts from the hub's own option where it has not chosen one yet.
        V = answers.ToDictionary(p => p.Key, p => new AnswerForm { Option = Id(p.Value.VerifiedOptionId ?? p.Value.SelfOptionId), Note = p.Value.VerifierNote });
        VerifierNote = Stored?.VerifierNote;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, year, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Instrument is null)
        {
            return this.Refused([("tahun", t["Belum ada instrumen kematangan untuk tahun ini."])]);
        }

        var submit = Submit == "1";
        var me = (await access.GetAsync(User, cancellationToken))!;
        var inputs = A.Select(p => new AnswerInput(p.Key, p.Value.Option, p.Value.Evidence, p.Value.Note)).ToList();
        var outcome = await desk.SaveAsync(Hub.Id, Instrument.Year, ReadAt, inputs, submit, me.UserId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome.Errors);
        }

        Flash = submit ? t["Penilaian dikirim untuk verifikasi."] : t["Draf penilaian tersimpan."];
        return Redirect($"/kelola/hub/{Hub.Id}/kematangan/{Instrument.Year}");
    }

    public async Task<IActionResult> OnPostVerifyAsync(int id, int? year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, year, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!CanVerify)
        {
            return Forbid();
        }

        if (Instrument is null || Stored is null)
        {
            return this.Refused([("", t["Belum ada penilaian yang dikirim hub ini untuk tahun ini."])]);
        }

        VerifierDecision? decision = Decision switch
        {
            null or "" or "simpan" => VerifierDecision.Save,
            "verifikasi" => VerifierDecision.Verify,
            "kembalikan" => VerifierDecision.Return,
            _ => null,
        };
        if (decision is not { } chosen)
        {
            return this.Refused([("keputusan", t["keputusan: pilih simpan, verifikasi atau kembalikan."])]);
        }

        var me = (await access.GetAsync(User, cancellationToken))!;
        var inputs = V.Select(p => new AnswerInput(p.Key, p.Value.Option, null, p.Value.Note)).ToList();
        var outcome = await desk.VerifyAsync(Stored.Id, ReadAt, inputs, chosen, VerifierNote, me.UserId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome.Errors);
        }

        Flash = chosen switch
        {
            VerifierDecision.Verify => t["Penilaian terverifikasi."],
            VerifierDecision.Return => t["Penilaian dikembalikan ke hub dengan catatan."],
            _ => t["Verifikasi tersimpan."],
        };
        return Redirect($"/kelola/hub/{Hub.Id}/kematangan/{Instrument.Year}");
    }

    public static string Score(double? score) => score is { } s ? s.ToString("N1", System.Globalization.CultureInfo.CurrentCulture) : "—";

    private static string? Id(int? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IActionResult?> LoadAsync(int id, int? year, CancellationToken cancellationToken)
    {
        var (hub, refusal) = await this.RunAsync(db, authorization, id, cancellationToken);
        if (hub is null)
        {
            return refusal;
        }

        Hub = hub;
        CanVerify = (await authorization.AuthorizeAsync(User, HubPermissions.Designate)).Succeeded;
        Years = await db.MaturityInstruments.OrderByDescending(i => i.Year).Select(i => i.Year).ToListAsync(cancellationToken);
        if (year is { } wanted && !Years.Contains(wanted))
        {
            return NotFound();
        }

        var chosen = year ?? (Years.Count > 0 ? Years[0] : 0);
        if (chosen == 0)
        {
            return null;
        }

        Instrument = await desk.InstrumentAsync(chosen, cancellationToken);
        Stored = Instrument is null ? null : await desk.AssessmentAsync(hub.Id, Instrument.Id, cancellationToken);
        OptionsById = Instrument?.Questions.SelectMany(q => q.Options).ToDictionary(o => o.Id) ?? [];
        if (Instrument is not null)
        {
            Scores = MaturityScoring.ByAspect(Instrument, Stored?.Answers.ToDictionary(a => a.QuestionId) ?? []);
        }

        return null;
    }
}
