using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Maturity;

/// <summary>What a form sends for one question: the option chosen (its id), and the evidence and note beside it.</summary>
public sealed record AnswerInput(int QuestionId, string? Option, string? Evidence, string? Note);

/// <summary>What the verifier does with a submitted assessment.</summary>
public enum VerifierDecision
{
    Save = 0,
    Verify = 1,
    Return = 2,
}

/// <summary>
/// The hubs' maturity self-assessment on the database (docs/design/hubs.md): a year's instrument loaded from its
/// file (replaced only while unused), a hub's answers saved as a draft and submitted (every question answered,
/// evidence where the instrument asks for it), and a national administrator's verification answer by answer,
/// which verifies the whole or returns it with a note. Who may do each is checked by the pages; every write goes
/// through EF and so into the audit log; a stale form is refused, not merged.
/// </summary>
public sealed class MaturityDesk(JippnasDb db, TimeProvider clock)
{
    private int ThisYear => clock.JakartaNow().Year;

    /// <summary>The instrument of <paramref name="year"/> with its levels, aspects, questions and options, or null.</summary>
    public Task<MaturityInstrument?> InstrumentAsync(int year, CancellationToken cancellationToken) =>
        db.MaturityInstruments.Include(i => i.Levels).Include(i => i.Aspects).ThenInclude(a => a.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery().FirstOrDefaultAsync(i => i.Year == year, cancellationToken);

    /// <summary>
    /// Reads an instrument file and, unless <paramref name="checkOnly"/>, stores it for its year, replacing an
    /// instrument of that year no hub has used; the instrument read is returned either way when the file is sound.
    /// </summary>
    public async Task<(HubOutcome Outcome, MaturityInstrument? Read)> LoadAsync(string text, string? source, int? userId, bool checkOnly, CancellationToken cancellationToken)
    {
        var (instrument, problems) = MaturityInstrumentFile.Read(text, ThisYear + 1);
        if (instrument is null)
        {
            return (new HubOutcome(null, [.. problems.Select(p => ("berkas", p))]), null);
        }

        var existing = await db.MaturityInstruments.AsTracking().FirstOrDefaultAsync(i => i.Year == instrument.Year, cancellationToken);
        if (existing is not null && await db.MaturityAssessments.CountAsync(a => a.InstrumentId == existing.Id, cancellationToken) is > 0 and var used)
        {
            return (HubOutcome.Refused("berkas", $"Instrumen {instrument.Year} sudah dipakai {used} penilaian hub dan tidak diganti lagi: muat instrumen untuk tahun berikutnya."), instrument);
        }

        if (checkOnly)
        {
            return (HubOutcome.Done(existing?.Id ?? 0), instrument);
        }

        instrument.Source = source is null ? null : Path.GetFileName(source)[..Math.Min(Path.GetFileName(source).Length, MaturityInstrument.MaxSource)];
        instrument.LoadedBy = userId;
        instrument.LoadedAt = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (existing is not null)
            {
                db.MaturityInstruments.Remove(existing);
                await db.SaveChangesAsync(cancellationToken);
            }

            db.MaturityInstruments.Add(instrument);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (HubOutcome.Refused("berkas", $"Instrumen {instrument.Year} baru saja dimuat atau dipakai orang lain; buka lagi daftar instrumen."), instrument);
        }

        return (HubOutcome.Done(instrument.Id), instrument);
    }

    /// <summary>The hub's assessment on the instrument, with its answers, or null before the hub saves one.</summary>
    public Task<MaturityAssessment?> AssessmentAsync(int hubId, int instrumentId, CancellationToken cancellationToken) =>
        db.MaturityAssessments.Include(a => a.Answers).FirstOrDefaultAsync(a => a.HubId == hubId && a.InstrumentId == instrumentId, cancellationToken);

    /// <summary>
    /// Saves the hub's answers on the instrument of <paramref name="year"/> (an assessment read at version
    /// <paramref name="readAt"/>, 0 when there was none), and with <paramref name="submit"/> sends it for verification.
    /// </summary>
    public async Task<HubOutcome> SaveAsync(int hubId, int year, int readAt, IReadOnlyList<AnswerInput> inputs, bool submit, int userId, CancellationToken cancellationToken)
    {
        if (await InstrumentAsync(year, cancellationToken) is not { } instrument)
        {
            return HubOutcome.Refused("tahun", $"tahun: belum ada instrumen kematangan untuk {year}.");
        }

        var assessment = await db.MaturityAssessments.AsTracking().Include(a => a.Answers).FirstOrDefaultAsync(a => a.HubId == hubId && a.InstrumentId == instrument.Id, cancellationToken);
        if ((assessment?.Version ?? 0) != readAt)
        {
            return HubOutcome.Refused("", "Penilaian ini sudah diubah orang lain sejak Anda membukanya; buka lagi, isian Anda belum disimpan.");
        }

        if (assessment is { State: MaturityState.Submitted or MaturityState.Verified })
        {
            return HubOutcome.Refused("", assessment.State == MaturityState.Verified
                ? "Penilaian ini sudah diverifikasi dan tidak diubah lagi."
                : "Penilaian ini sedang diverifikasi; hub dapat mengubahnya lagi bila dikembalikan.");
        }

        var problems = new List<(string Field, string Message)>();
        UnknownQuestions(instrument, inputs, problems);
        var parsed = new Dictionary<int, (int? Option, string? Evidence, string? Note)>();
        foreach (var question in instrument.Questions)
        {
            var input = inputs.FirstOrDefault(i => i.QuestionId == question.Id);
            var option = Option(question, input?.Option, $"answer_{question.Id}", problems);
            var evidence = Trimmed(input?.Evidence, MaturityAnswer.MaxText, $"evidence_{question.Id}", $"{question.Code}, bukti", problems);
            var note = Trimmed(input?.Note, MaturityAnswer.MaxText, $"note_{question.Id}", $"{question.Code}, catatan", problems);
            if (submit && option is null && !problems.Exists(p => p.Field == $"answer_{question.Id}"))
            {
                problems.Add(($"answer_{question.Id}", $"{question.Code}: wajib dijawab sebelum penilaian dikirim."));
            }

            if (submit && question.EvidenceRequired && evidence is null && !problems.Exists(p => p.Field == $"evidence_{question.Id}"))
            {
                problems.Add(($"evidence_{question.Id}", $"{question.Code}, bukti: wajib diisi untuk pertanyaan ini sebelum penilaian dikirim."));
            }

            parsed[question.Id] = (option, evidence, note);
        }

        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        if (assessment is null)
        {
            assessment = new MaturityAssessment { HubId = hubId, InstrumentId = instrument.Id, CreatedBy = userId, CreatedAt = clock.GetUtcNow(), Version = 0 };
            db.MaturityAssessments.Add(assessment);
        }

        foreach (var (questionId, (option, evidence, note)) in parsed)
        {
            var answer = assessment.Answers.Find(a => a.QuestionId == questionId);
            if (answer is null)
            {
                if (option is null && evidence is null && note is null)
                {
                    continue;
                }

                answer = new MaturityAnswer { QuestionId = questionId };
                assessment.Answers.Add(answer);
            }

            (answer.SelfOptionId, answer.Evidence, answer.SelfNote) = (option, evidence, note);
        }

        if (submit)
        {
            assessment.State = MaturityState.Submitted;
            assessment.SelfTotal = MaturityScoring.SelfTotal(instrument, assessment.Answers.ToDictionary(a => a.QuestionId));
            assessment.SubmittedBy = userId;
            assessment.SubmittedAt = clock.GetUtcNow();
        }

        assessment.Version++;
        return await SavedAsync(assessment, cancellationToken);
    }

    /// <summary>
    /// Records the verifier's option and note per answer of a submitted assessment read at <paramref name="readAt"/>,
    /// and verifies it (every answer verified) or returns it to the hub (with a note).
    /// </summary>
    public async Task<HubOutcome> VerifyAsync(int assessmentId, int readAt, IReadOnlyList<AnswerInput> inputs, VerifierDecision decision, string? note, int userId, CancellationToken cancellationToken)
    {
        var assessment = await db.MaturityAssessments.AsTracking().Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
        if (assessment is null || await db.MaturityInstruments.Where(i => i.Id == assessment.InstrumentId).Select(i => (int?)i.Year).FirstOrDefaultAsync(cancellationToken) is not { } year
            || await InstrumentAsync(year, cancellationToken) is not { } instrument)
        {
            return HubOutcome.Refused("", "Penilaian ini tidak ditemukan.");
        }

        if (assessment.Version != readAt)
        {
            return HubOutcome.Refused("", "Penilaian ini sudah diubah orang lain sejak Anda membukanya; buka lagi, isian Anda belum disimpan.");
        }

        if (assessment.State != MaturityState.Submitted)
        {
            return HubOutcome.Refused("", "Hanya penilaian yang sudah dikirim hub dan belum diverifikasi yang dapat diverifikasi.");
        }

        var problems = new List<(string Field, string Message)>();
        UnknownQuestions(instrument, inputs, problems);
        var generalNote = Trimmed(note, MaturityAssessment.MaxNote, "verifier_note", "Catatan verifikasi", problems);
        if (decision == VerifierDecision.Return && generalNote is null && !problems.Exists(p => p.Field == "verifier_note"))
        {
            problems.Add(("verifier_note", "Catatan verifikasi: wajib diisi saat penilaian dikembalikan ke hub, agar hub tahu apa yang diperbaiki."));
        }

        var parsed = new Dictionary<int, (int? Option, string? Note)>();
        foreach (var question in instrument.Questions)
        {
            var input = inputs.FirstOrDefault(i => i.QuestionId == question.Id);
            var option = Option(question, input?.Option, $"verified_{question.Id}", problems);
            var answerNote = Trimmed(input?.Note, MaturityAnswer.MaxText, $"verifier_note_{question.Id}", $"{question.Code}, catatan verifikator", problems);
            if (decision == VerifierDecision.Verify && option is null && !problems.Exists(p => p.Field == $"verified_{question.Id}"))
            {
                problems.Add(($"verified_{question.Id}", $"{question.Code}: nilai verifikasi wajib dipilih sebelum penilaian dinyatakan terverifikasi."));
            }

            parsed[question.Id] = (option, answerNote);
        }

        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        foreach (var (questionId, (option, answerNote)) in parsed)
        {
            var answer = assessment.Answers.Find(a => a.QuestionId == questionId);
            if (answer is null)
            {
                answer = new MaturityAnswer { QuestionId = questionId };
                assessment.Answers.Add(answer);
            }

            (answer.VerifiedOptionId, answer.VerifierNote) = (option, answerNote);
        }

        assessment.VerifierNote = generalNote;
        if (decision == VerifierDecision.Verify)
        {
            assessment.State = MaturityState.Verified;
            assessment.VerifiedTotal = MaturityScoring.VerifiedTotal(instrument, assessment.Answers.ToDictionary(a => a.QuestionId));
            assessment.VerifiedBy = userId;
            assessment.VerifiedAt = clock.GetUtcNow();
        }
        else if (decision == VerifierDecision.Return)
        {
            assessment.State = MaturityState.Returned;
        }

        assessment.Version++;
        return await SavedAsync(assessment, cancellationToken);
    }

    private async Task<HubOutcome> SavedAsync(MaturityAssessment assessment, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return HubOutcome.Done(assessment.Id);
        }
        catch (DbUpdateException)
        {
            // Another save of the same assessment (or a first save racing this one) won: nothing of this one is kept.
            db.ChangeTracker.Clear();
            return HubOutcome.Refused("", "Penilaian ini sudah diubah orang lain sejak Anda membukanya; buka lagi, isian Anda belum disimpan.");
        }
    }

    private static void UnknownQuestions(MaturityInstrument instrument, IReadOnlyList<AnswerInput> inputs, List<(string Field, string Message)> problems)
    {
        var known = instrument.Questions.Select(q => q.Id).ToHashSet();
        if (inputs.Select(i => i.QuestionId).Where(id => !known.Contains(id)).Distinct().ToList() is { Count: > 0 } unknown)
        {
            problems.Add(("", $"Jawaban untuk pertanyaan yang tidak ada di instrumen {instrument.Year} (nomor {string.Join(", ", unknown)}); buka lagi halaman penilaian."));
        }
    }

    private static int? Option(MaturityQuestion question, string? text, string field, List<(string Field, string Message)> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && question.Options.Exists(o => o.Id == id))
        {
            return id;
        }

        problems.Add((field, $"{question.Code}: '{text.Trim()}' bukan salah satu pilihan jawaban pertanyaan ini."));
        return null;
    }

    private static string? Trimmed(string? text, int max, string field, string label, List<(string Field, string Message)> problems)
    {
        var value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (value?.Length > max)
        {
            problems.Add((field, $"{label}: paling panjang {max} karakter (ada {value.Length})."));
            return null;
        }

        return value;
    }
}
