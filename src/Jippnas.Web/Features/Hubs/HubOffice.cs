using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Hubs;

/// <summary>What a step of the hub programme did: the hub (or assessment) written, or the problems by field.</summary>
public sealed record HubOutcome(int? Id, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static HubOutcome Done(int id) => new(id, []);

    public static HubOutcome Refused(string field, string message) => new(null, [(field, message)]);
}

/// <summary>What a form sends for one milestone.</summary>
public sealed record MilestoneInput(MilestoneKind Kind, string? PlannedStart, string? PlannedEnd, string? ActualStart, string? ActualEnd, MilestoneStatus Status, string? Evidence, int ReadVersion);

/// <summary>What a form sends for one criterion.</summary>
public sealed record ScoreInput(HubCriterion Criterion, string? Score, string? Evidence, string? Notes);

/// <summary>
/// The hub programme on the database (docs/design/hubs.md): candidates proposed and assessed on the four criteria,
/// designated by decree on an approved assessment, ended with a note (history kept), and each programme year's six
/// milestones. Who may do each is checked by the pages; every write goes through EF and so into the audit log.
/// </summary>
public sealed class HubOffice(JippnasDb db, ReferenceCatalog catalog, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.JakartaNow().DateTime);

    /// <summary>
    /// Proposes a province (code) or a ministry/agency (id) as a candidate and opens its assessment; a candidate or
    /// stopped hub is assessed again; an active hub is refused.
    /// </summary>
    public async Task<HubOutcome> ProposeAsync(string? provinceCode, string? agencyText, int userId, CancellationToken cancellationToken)
    {
        provinceCode = provinceCode?.Trim();
        agencyText = agencyText?.Trim();
        if (string.IsNullOrEmpty(provinceCode) == string.IsNullOrEmpty(agencyText))
        {
            return HubOutcome.Refused("province", "Calon hub: pilih satu provinsi, atau satu kementerian/lembaga (tidak keduanya).");
        }

        Hub? hub;
        if (!string.IsNullOrEmpty(provinceCode))
        {
            var province = await db.Regions.FirstOrDefaultAsync(r => r.Code == provinceCode && r.Level == RegionLevel.Province, cancellationToken);
            if (province is null)
            {
                return HubOutcome.Refused("province", $"Provinsi: '{provinceCode}' bukan kode provinsi (contoh: 35 untuk Jawa Timur).");
            }

            hub = await db.Hubs.AsTracking().FirstOrDefaultAsync(h => h.ProvinceCode == provinceCode, cancellationToken)
                ?? new Hub { Name = $"Hub JIPP Provinsi {province.Name}", Kind = HubKind.Province, ProvinceCode = provinceCode, Status = HubStatus.Candidate };
        }
        else
        {
            if (!int.TryParse(agencyText, NumberStyles.None, CultureInfo.InvariantCulture, out var agencyId)
                || await db.Agencies.FirstOrDefaultAsync(a => a.Id == agencyId, cancellationToken) is not { } agency)
            {
                return HubOutcome.Refused("agency", $"Kementerian/lembaga: '{agencyText}' tidak dikenal.");
            }

            if (agency.Kind is not (AgencyKind.Ministry or AgencyKind.NonMinistryAgency))
            {
                return HubOutcome.Refused("agency", $"Kementerian/lembaga: {agency.Name} bukan kementerian atau lembaga; pemerintah daerah diusulkan lewat provinsinya.");
            }

            hub = await db.Hubs.AsTracking().FirstOrDefaultAsync(h => h.AgencyId == agencyId, cancellationToken)
                ?? new Hub { Name = $"Hub JIPP {agency.Name}", Kind = HubKind.Ministry, AgencyId = agencyId, Status = HubStatus.Candidate };
        }

        if (hub.Status == HubStatus.Active)
        {
            return HubOutcome.Refused(hub.Kind == HubKind.Province ? "province" : "agency", $"{hub.Name} sudah aktif sebagai Hub JIPP; penetapan kedua tidak diperlukan.");
        }

        if (hub.Id != 0 && await db.HubAssessments.AnyAsync(a => a.HubId == hub.Id && a.Decision == AssessmentDecision.Pending, cancellationToken))
        {
            return HubOutcome.Done(hub.Id);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (hub.Id == 0)
        {
            db.Hubs.Add(hub);
            await db.SaveChangesAsync(cancellationToken);
        }

        db.HubAssessments.Add(new HubAssessment { HubId = hub.Id, Year = Today.Year, CreatedBy = userId, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return HubOutcome.Done(hub.Id);
    }

    /// <summary>
    /// Saves the scores, evidence and notes of a pending assessment read at <paramref name="readAt"/>, and with a
    /// decision (approve or reject) closes it: a decision needs all four criteria scored, a rejection a note.
    /// </summary>
    public async Task<HubOutcome> AssessAsync(int assessmentId, int readAt, IReadOnlyList<ScoreInput> scores, AssessmentDecision decision, string? note, int userId, CancellationToken cancellationToken)
    {
        var assessment = await db.HubAssessments.AsTracking().Include(a => a.Scores).FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
        if (assessment is null)
        {
            return HubOutcome.Refused("", "Penilaian ini tidak ditemukan.");
        }

        if (assessment.Decision != AssessmentDecision.Pending)
        {
            return HubOutcome.Refused("", "Penilaian ini sudah diputuskan dan tidak diubah lagi; usulkan calon ini kembali untuk penilaian baru.");
        }

        if (assessment.Version != readAt)
        {
            return HubOutcome.Refused("", "Penilaian ini sudah diubah orang lain sejak Anda membukanya; buka lagi, isian Anda belum disimpan.");
        }

        var problems = new List<(string, string)>();
        var parsed = new Dictionary<HubCriterion, (int? Score, string? Evidence, string? Notes)>();
        foreach (var criterion in Enum.GetValues<HubCriterion>())
        {
            var input = scores.FirstOrDefault(s => s.Criterion == criterion);
            var score = HubRules.Score(criterion, input?.Score, problems);
            var (evidence, notes) = (Trimmed(input?.Evidence), Trimmed(input?.Notes));
            if (evidence?.Length > HubAssessment.MaxText || notes?.Length > HubAssessment.MaxText)
            {
                problems.Add(($"evidence_{(int)criterion}", $"Bukti dan catatan {HubRules.CriterionNames[criterion]}: masing-masing paling panjang {HubAssessment.MaxText} karakter."));
            }

            if (decision != AssessmentDecision.Pending && score is null && !problems.Exists(p => p.Item1 == $"score_{(int)criterion}"))
            {
                problems.Add(($"score_{(int)criterion}", $"Nilai {HubRules.CriterionNames[criterion]}: wajib diisi sebelum memutuskan."));
            }

            parsed[criterion] = (score, evidence, notes);
        }

        note = Trimmed(note);
        if (note?.Length > HubAssessment.MaxText)
        {
            problems.Add(("note", $"Catatan keputusan: paling panjang {HubAssessment.MaxText} karakter."));
        }

        if (decision == AssessmentDecision.Rejected && note is null)
        {
            problems.Add(("note", "Catatan keputusan: wajib diisi bila calon tidak disetujui, agar alasannya tercatat."));
        }

        if (!Enum.IsDefined(decision))
        {
            problems.Add(("decision", "Keputusan: pilih setujui atau tolak."));
        }

        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        foreach (var (criterion, (score, evidence, notes)) in parsed)
        {
            var row = assessment.Scores.Find(s => s.Criterion == criterion);
            if (score is null)
            {
                if (row is not null)
                {
                    assessment.Scores.Remove(row);
                }

                continue;
            }

            row ??= AddScore(assessment, criterion);
            (row.Score, row.Evidence, row.Notes) = (score.Value, evidence, notes);
        }

        assessment.DecisionNote = note;
        if (decision != AssessmentDecision.Pending)
        {
            (assessment.Decision, assessment.DecidedBy, assessment.DecidedAt) = (decision, userId, clock.GetUtcNow());
        }

        assessment.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return HubOutcome.Refused("", "Penilaian ini sudah diubah orang lain sejak Anda membukanya; buka lagi, isian Anda belum disimpan.");
        }

        return HubOutcome.Done(assessment.Id);
    }

    /// <summary>Designates a hub by decree on its approved assessment not yet used; refused for an active hub.</summary>
    public async Task<HubOutcome> DesignateAsync(int hubId, string? number, string? title, string? date, string? year, int userId, CancellationToken cancellationToken)
    {
        var hub = await db.Hubs.AsTracking().Include(h => h.Designations).FirstOrDefaultAsync(h => h.Id == hubId, cancellationToken);
        if (hub is null)
        {
            return HubOutcome.Refused("", "Hub ini tidak ditemukan.");
        }

        if (hub.Status == HubStatus.Active)
        {
            var since = hub.Designations.Where(d => d.EndedOn is null).Select(d => (int?)d.Year).Max();
            return HubOutcome.Refused("number", $"{hub.Name} sudah aktif sebagai Hub JIPP{(since is { } y ? $" sejak {y}" : "")}; penetapan kedua ditolak. Akhiri penetapannya dulu bila hub ini ditetapkan ulang.");
        }

        var used = hub.Designations.Select(d => d.AssessmentId).OfType<int>().ToHashSet();
        var approved = (await db.HubAssessments.Where(a => a.HubId == hubId && a.Decision == AssessmentDecision.Approved).OrderByDescending(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken))
            .FirstOrDefault(id => !used.Contains(id));
        var problems = HubRules.CheckDesignation(number, title, date, year, Today);
        if (approved == 0)
        {
            problems.Insert(0, ("", "Calon ini belum memiliki penilaian yang disetujui; nilai keempat kriteria dan setujui dulu."));
        }

        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        var on = DateOnly.ParseExact(date!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var decreeYear = int.Parse(year!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
        var decree = number!.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        hub.Designations.Add(new HubDesignation
        {
            Year = decreeYear, DecreeNumber = decree, DecreeTitle = Trimmed(title), DecreeDate = on, AssessmentId = approved,
            RecordedBy = userId, RecordedAt = clock.GetUtcNow(),
        });
        hub.Status = HubStatus.Active;

        // The decree is the programme year's first milestone: done on the day it was signed.
        var milestone = await db.HubMilestones.AsTracking().FirstOrDefaultAsync(m => m.HubId == hubId && m.Year == decreeYear && m.Kind == MilestoneKind.Decree, cancellationToken);
        if (milestone is null)
        {
            milestone = new HubMilestone { HubId = hubId, Year = decreeYear, Kind = MilestoneKind.Decree };
            db.HubMilestones.Add(milestone);
        }
        else
        {
            milestone.Version++;
        }

        (milestone.ActualStart, milestone.ActualEnd, milestone.Status, milestone.Evidence) = (on, on, MilestoneStatus.Done, decree);
        (milestone.UpdatedBy, milestone.UpdatedAt) = (userId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        catalog.Invalidate(); // the province pages mark active hubs
        return HubOutcome.Done(hub.Id);
    }

    /// <summary>
    /// Deletes a candidate proposed by mistake, with its assessments (the audit log keeps them). A hub that was ever
    /// designated, or has anything of the programme recorded (mentoring, members, agreements, milestones, forums, a
    /// maturity assessment, replications, roles granted over it), is refused, naming what it has: its history is never lost.
    /// </summary>
    public async Task<HubOutcome> DeleteAsync(int hubId, CancellationToken cancellationToken)
    {
        var hub = await db.Hubs.AsTracking().FirstOrDefaultAsync(h => h.Id == hubId, cancellationToken);
        if (hub is null)
        {
            return HubOutcome.Refused("", "Hub ini tidak ditemukan.");
        }

        var key = hubId.ToString(CultureInfo.InvariantCulture);
        (string What, int Count)[] held =
        [
            ("penetapan", await db.HubDesignations.CountAsync(d => d.HubId == hubId, cancellationToken)),
            ("penugasan pendamping", await db.MentorAssignments.CountAsync(a => a.HubId == hubId, cancellationToken)),
            ("tahap pendampingan", await db.MentoringStages.CountAsync(s => s.HubId == hubId, cancellationToken)),
            ("anggota jaringan", await db.HubMembers.CountAsync(m => m.HubId == hubId, cancellationToken)),
            ("perjanjian kerja sama", await db.Agreements.CountAsync(a => a.HubId == hubId, cancellationToken)),
            ("tahapan program", await db.HubMilestones.CountAsync(m => m.HubId == hubId, cancellationToken)),
            ("forum", await db.Forums.CountAsync(f => f.HubId == hubId, cancellationToken)),
            ("penilaian kematangan", await db.MaturityAssessments.CountAsync(a => a.HubId == hubId, cancellationToken)),
            ("replikasi", await db.Replications.CountAsync(r => r.HubId == hubId, cancellationToken)),
            ("peran akun atas hub ini", await db.RoleGrants.CountAsync(g => g.Scope == GrantScope.Hub && g.ScopeKey == key, cancellationToken)),
        ];
        if (held.Where(h => h.Count > 0).Select(h => $"{h.Count} {h.What}").ToList() is { Count: > 0 } kept)
        {
            return HubOutcome.Refused("", $"{hub.Name} tidak dapat dihapus karena sudah memiliki {string.Join(", ", kept)}; riwayat hub tidak pernah dihapus (penetapan yang berjalan dapat diakhiri).");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.HubAssessments.RemoveRange(await db.HubAssessments.AsTracking().Include(a => a.Scores).Where(a => a.HubId == hubId).ToListAsync(cancellationToken));
        db.Hubs.Remove(hub);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        catalog.Invalidate();
        return HubOutcome.Done(hubId);
    }

    /// <summary>Ends an active hub's designation on a date with a note; the designation stays in the history.</summary>
    public async Task<HubOutcome> EndAsync(int hubId, string? date, string? note, CancellationToken cancellationToken)
    {
        var hub = await db.Hubs.AsTracking().Include(h => h.Designations).FirstOrDefaultAsync(h => h.Id == hubId, cancellationToken);
        if (hub is not { Status: HubStatus.Active })
        {
            return HubOutcome.Refused("", hub is null ? "Hub ini tidak ditemukan." : "Hub ini tidak sedang aktif.");
        }

        var current = hub.Designations.Where(d => d.EndedOn is null).OrderByDescending(d => d.Year).ThenByDescending(d => d.Id).FirstOrDefault();
        var problems = new List<(string, string)>();
        var on = HubRules.Date(date, "ended_on", "Tanggal berakhir", problems);
        if (on is null && problems.Count == 0)
        {
            problems.Add(("ended_on", "Tanggal berakhir: wajib diisi."));
        }
        else if (on > Today)
        {
            problems.Add(("ended_on", $"Tanggal berakhir: {on:yyyy-MM-dd} belum terjadi."));
        }
        else if (on is { } end && current?.DecreeDate is { } start && end < start)
        {
            problems.Add(("ended_on", $"Tanggal berakhir: {end:yyyy-MM-dd} sebelum tanggal keputusan penetapannya {start:yyyy-MM-dd}."));
        }

        note = Trimmed(note);
        if (note is null || note.Length > HubDesignation.MaxNote)
        {
            problems.Add(("end_note", $"Alasan berakhir: wajib diisi, paling panjang {HubDesignation.MaxNote} karakter."));
        }

        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        if (current is not null)
        {
            (current.EndedOn, current.EndNote) = (on, note);
        }

        hub.Status = HubStatus.Inactive;
        await db.SaveChangesAsync(cancellationToken);
        catalog.Invalidate();
        return HubOutcome.Done(hub.Id);
    }

    /// <summary>
    /// Saves a programme year's milestones, each read at its version (0 for one not yet written); a stale one refuses
    /// the whole form. The year must be one the hub was designated for or after, and not after next year.
    /// </summary>
    public async Task<HubOutcome> SaveMilestonesAsync(int hubId, int year, IReadOnlyList<MilestoneInput> inputs, int userId, CancellationToken cancellationToken)
    {
        if (await YearProblemAsync(hubId, year, cancellationToken) is { } refusal)
        {
            return HubOutcome.Refused("", refusal);
        }

        var problems = new List<(string, string)>();
        var parsed = new List<(MilestoneInput Input, (DateOnly? PlannedStart, DateOnly? PlannedEnd, DateOnly? ActualStart, DateOnly? ActualEnd) Dates)>();
        foreach (var input in inputs)
        {
            if (!Enum.IsDefined(input.Kind) || !Enum.IsDefined(input.Status))
            {
                problems.Add(("", "Tahapan atau statusnya tidak dikenal."));
                continue;
            }

            parsed.Add((input, HubRules.CheckMilestone(input.Kind, input.PlannedStart, input.PlannedEnd, input.ActualStart, input.ActualEnd, input.Status, input.Evidence, Today, problems)));
        }

        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        var stored = await db.HubMilestones.AsTracking().Where(m => m.HubId == hubId && m.Year == year).ToDictionaryAsync(m => m.Kind, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var (input, (ps, pe, @as, ae)) in parsed)
        {
            var evidence = Trimmed(input.Evidence);
            if (!stored.TryGetValue(input.Kind, out var milestone))
            {
                if (input.ReadVersion != 0)
                {
                    return Stale(input.Kind);
                }

                if (ps is null && pe is null && @as is null && ae is null && evidence is null && input.Status == MilestoneStatus.Planned)
                {
                    continue; // nothing written for this step yet
                }

                milestone = new HubMilestone { HubId = hubId, Year = year, Kind = input.Kind, Version = 0 };
                db.HubMilestones.Add(milestone);
            }
            else if (milestone.Version != input.ReadVersion)
            {
                return Stale(input.Kind);
            }

            if (milestone.Id != 0 && (milestone.PlannedStart, milestone.PlannedEnd, milestone.ActualStart, milestone.ActualEnd, milestone.Status, milestone.Evidence) == (ps, pe, @as, ae, input.Status, evidence))
            {
                continue;
            }

            (milestone.PlannedStart, milestone.PlannedEnd, milestone.ActualStart, milestone.ActualEnd) = (ps, pe, @as, ae);
            (milestone.Status, milestone.Evidence, milestone.UpdatedBy, milestone.UpdatedAt) = (input.Status, evidence, userId, now);
            milestone.Version++;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return HubOutcome.Refused("", "Tahapan tahun ini baru saja diubah orang lain; buka lagi, isian Anda belum disimpan.");
        }

        return HubOutcome.Done(hubId);
    }

    /// <summary>Why a programme year cannot be kept for this hub, or null.</summary>
    public async Task<string?> YearProblemAsync(int hubId, int year, CancellationToken cancellationToken)
    {
        var first = await db.HubDesignations.Where(d => d.HubId == hubId).MinAsync(d => (int?)d.Year, cancellationToken);
        if (first is null)
        {
            return "Hub ini belum pernah ditetapkan; tahun program dimulai sejak penetapannya.";
        }

        return year < first || year > Today.Year + 1 ? $"Tahun program: harus antara {first} (tahun penetapan) dan {Today.Year + 1}." : null;
    }

    private static HubAssessmentScore AddScore(HubAssessment assessment, HubCriterion criterion)
    {
        var row = new HubAssessmentScore { Criterion = criterion };
        assessment.Scores.Add(row);
        return row;
    }

    private static HubOutcome Stale(MilestoneKind kind) =>
        HubOutcome.Refused("", $"{HubRules.MilestoneNames[kind]}: sudah diubah orang lain sejak Anda membuka halaman ini; buka lagi, isian Anda belum disimpan.");

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
