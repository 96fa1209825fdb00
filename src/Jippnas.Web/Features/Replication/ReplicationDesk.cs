using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Editorial;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Replication;

/// <summary>What the form opening a replication sends.</summary>
public sealed record OpenInput(string? Origin, string? Agency, string? Hub, string? Need, string? Adaptation, string? AdaptationNote);

/// <summary>What the form moving a replication on sends.</summary>
public sealed record AdvanceInput(string? Stage, string? On, string? Note, string? RegulationNumber, string? RegulationDate, string? NextPlannedOn);

/// <summary>What the form recording a study visit sends.</summary>
public sealed record VisitInput(string? On, string? Host, string? ParticipantCount, string? Participants, string? Agenda, string? Findings, string? Cost);

/// <summary>
/// Replications on the database (docs/design/replication.md): opened for an agency from a proven innovation (its
/// replica drafted as a record of the agency, linked to the origin), moved along the stages of
/// <see cref="ReplicationStages"/> with their dates, and their study visits. Who may do each is checked by the
/// pages; every write goes through EF and so into the audit log; a stale form is refused, not merged.
/// </summary>
public sealed class ReplicationDesk(JippnasDb db, EditorialDesk editorial, TimeProvider clock)
{
    public static readonly IReadOnlyList<(string Slug, Adaptation Adaptation, string Name)> Adaptations =
        [("adopsi", Adaptation.Adopt, "Diadopsi apa adanya"), ("modifikasi", Adaptation.Modify, "Dimodifikasi")];

    private DateOnly Today => DateOnly.FromDateTime(clock.JakartaNow().DateTime);

    /// <summary>
    /// Opens a replication of a published innovation by an agency of a regency/city (not the origin's own agency,
    /// and not a second open one of the same origin by the same agency), with the hub over its province when
    /// there is one, the need it answers (of that regency/city) and how it adapts the origin; drafts the replica.
    /// </summary>
    public async Task<HubOutcome> OpenAsync(OpenInput input, int userId, CancellationToken cancellationToken)
    {
        var problems = new List<(string Field, string Message)>();
        var origin = Number(input.Origin) is { } originId
            ? await db.Innovations.FirstOrDefaultAsync(i => i.Id == originId && i.IsPublished && i.EditorialState == EditorialState.Published, cancellationToken)
            : null;
        if (origin is null)
        {
            problems.Add(("origin", $"Inovasi asal: '{input.Origin}' bukan inovasi terbit di JIPPNas."));
        }

        var agency = Number(input.Agency) is { } agencyId ? await db.Agencies.FirstOrDefaultAsync(a => a.Id == agencyId, cancellationToken) : null;
        if (agency is null)
        {
            problems.Add(("agency", $"Instansi pereplikasi: '{input.Agency}' tidak dikenal."));
        }
        else if (agency.RegionCode is not { } code || !Region.IsRegencyCode(code))
        {
            problems.Add(("agency", $"Instansi pereplikasi: {agency.Name} tidak berada di satu kabupaten/kota; pilih pemerintah kabupaten/kota atau perangkat daerahnya."));
        }
        else if (origin is not null && origin.AgencyId == agency.Id)
        {
            problems.Add(("agency", $"Instansi pereplikasi: {agency.Name} adalah pemilik inovasi asal; replikasi dilakukan instansi lain."));
        }

        var adaptation = Adaptations.FirstOrDefault(a => a.Slug == input.Adaptation);
        var adaptationNote = Trimmed(input.AdaptationNote);
        if (adaptation.Slug is null)
        {
            problems.Add(("adaptation", "Adaptasi: pilih diadopsi apa adanya atau dimodifikasi."));
        }
        else if (adaptation.Adaptation == Adaptation.Modify && adaptationNote is null)
        {
            problems.Add(("adaptation_note", "Yang diubah: wajib diisi bila inovasi dimodifikasi."));
        }

        if (adaptationNote?.Length > Domain.Replication.MaxText)
        {
            problems.Add(("adaptation_note", $"Yang diubah: paling panjang {Domain.Replication.MaxText} karakter."));
        }

        var regency = agency?.RegionCode;
        Need? need = null;
        if (!string.IsNullOrWhiteSpace(input.Need))
        {
            need = Number(input.Need) is { } needId ? await db.Needs.FirstOrDefaultAsync(n => n.Id == needId, cancellationToken) : null;
            if (need is null || (regency is not null && need.RegencyCode != regency))
            {
                problems.Add(("need", "Kebutuhan: pilih kebutuhan inovasi kabupaten/kota instansi pereplikasi."));
            }
        }

        Hub? hub = null;
        if (regency is not null && Region.IsRegencyCode(regency))
        {
            hub = Number(input.Hub) is { } hubId
                ? await db.Hubs.FirstOrDefaultAsync(h => h.Id == hubId, cancellationToken)
                : await db.Hubs.FirstOrDefaultAsync(h => h.ProvinceCode == regency.Substring(0, 2) && h.Status == HubStatus.Active, cancellationToken);
            if (!string.IsNullOrWhiteSpace(input.Hub) && (hub is null || (hub.ProvinceCode is not null && hub.ProvinceCode != regency[..2])))
            {
                problems.Add(("hub", "Hub: pilih hub yang membina provinsi instansi pereplikasi."));
            }
        }

        if (problems.Count == 0 && await db.Replications.AnyAsync(
                r => r.OriginId == origin!.Id && r.AgencyId == agency!.Id && r.Stage != ReplicationStage.Declined && r.Stage != ReplicationStage.Stopped, cancellationToken))
        {
            problems.Add(("origin", $"Inovasi asal: {agency!.Name} sudah mereplikasi {origin!.Name}; buka replikasi yang ada."));
        }

        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        // The origin may itself be a replica: its replication is the parent (replicas of replicas).
        var parent = await db.Replications.Where(r => r.ReplicaId == origin!.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var replicaId = await editorial.DraftReplicaAsync(origin!, agency!.Id, userId, cancellationToken);
        var replication = new Domain.Replication
        {
            OriginId = origin!.Id, ReplicaId = replicaId, AgencyId = agency.Id, RegencyCode = regency!, HubId = hub?.Id, NeedId = need?.Id,
            Adaptation = adaptation.Adaptation, AdaptationNote = adaptationNote, Stage = ReplicationStage.Proposed, ParentId = parent,
            CreatedBy = userId, CreatedAt = now, UpdatedAt = now,
            Dates = [new ReplicationStageDate { Stage = ReplicationStage.Proposed, ActualOn = Today, RecordedBy = userId }],
        };
        db.Replications.Add(replication);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return HubOutcome.Done(replication.Id);
    }

    /// <summary>
    /// Moves a replication read at <paramref name="readVersion"/> to the stage asked for, on a date (today when
    /// empty; not in the future, not before the stage it leaves), with the planned date of the stage after it.
    /// </summary>
    public async Task<HubOutcome> AdvanceAsync(int id, int readVersion, AdvanceInput input, int userId, CancellationToken cancellationToken)
    {
        var replication = await db.Replications.AsTracking().Include(r => r.Dates).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (replication is null)
        {
            return HubOutcome.Refused("", "Replikasi ini tidak ditemukan.");
        }

        if (replication.Version != readVersion)
        {
            return HubOutcome.Refused("", "Replikasi ini sudah diubah orang lain sejak Anda membukanya; buka lagi, isian Anda belum disimpan.");
        }

        var target = ReplicationStages.All.FirstOrDefault(s => s.Slug == input.Stage);
        if (target.Slug is null)
        {
            return HubOutcome.Refused("stage", $"Tahap: '{input.Stage}' tidak dikenal.");
        }

        var problems = new List<(string Field, string Message)>();
        var on = HubRules.Date(input.On, "on", "Tanggal", problems) ?? (string.IsNullOrWhiteSpace(input.On) ? Today : null);
        var previous = replication.Dates.Where(d => d.ActualOn is not null).Select(d => d.ActualOn!.Value).DefaultIfEmpty(DateOnly.MinValue).Max();
        if (on > Today)
        {
            problems.Add(("on", $"Tanggal: {on:yyyy-MM-dd} belum terjadi; tahap dicatat setelah tercapai."));
        }
        else if (on < previous)
        {
            problems.Add(("on", $"Tanggal: {on:yyyy-MM-dd} sebelum tahap sebelumnya tercapai ({previous:yyyy-MM-dd})."));
        }

        var note = Trimmed(input.Note);
        if (note?.Length > ReplicationStageDate.MaxNote)
        {
            problems.Add(("note", $"Catatan: paling panjang {ReplicationStageDate.MaxNote} karakter."));
        }

        var regulation = Trimmed(input.RegulationNumber);
        var regulationDate = target.Stage == ReplicationStage.Institutionalised ? HubRules.Date(input.RegulationDate, "regulation_date", "Tanggal regulasi", problems) : null;
        if (regulation?.Length > Domain.Replication.MaxRegulation)
        {
            problems.Add(("regulation_number", $"Nomor regulasi: paling panjang {Domain.Replication.MaxRegulation} karakter."));
        }

        var nextPlanned = HubRules.Date(input.NextPlannedOn, "next_planned_on", "Rencana tahap berikutnya", problems);
        if (nextPlanned is { } planned && on is { } reached && planned < reached)
        {
            problems.Add(("next_planned_on", $"Rencana tahap berikutnya: {planned:yyyy-MM-dd} sebelum tanggal tahap ini ({reached:yyyy-MM-dd})."));
        }

        var plan = await db.ActionPlans.Include(p => p.Items).FirstOrDefaultAsync(p => p.ReplicationId == id, cancellationToken);
        var facts = new StageFacts(
            HasStudyVisit: await db.StudyVisits.AnyAsync(v => v.ReplicationId == id, cancellationToken),
            ActionItems: plan?.Items.Count(i => i.Status != ActionItemStatus.Cancelled) ?? 0,
            ItemsWithoutBudget: plan?.Items.Count(i => i.Status != ActionItemStatus.Cancelled && (i.Amount is null || i.Source is null || i.FiscalYear is null)) ?? 0,
            HasRegulation: regulation is not null && regulationDate is not null,
            HasReason: note is not null);
        if (ReplicationStages.Refusal(replication.Stage, target.Stage, facts) is { } refusal)
        {
            problems.Insert(0, (refusal.StartsWith("Alasan", StringComparison.Ordinal) ? "note" : refusal.StartsWith("Tahap \"Dilembagakan\"", StringComparison.Ordinal) ? "regulation_number" : "stage", refusal));
        }

        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        var counted = ReplicationStages.Counts(replication.Stage);
        replication.Stage = target.Stage;
        if (target.Stage is ReplicationStage.Declined or ReplicationStage.Stopped)
        {
            replication.StageNote = note;
        }

        if (target.Stage == ReplicationStage.Institutionalised)
        {
            (replication.RegulationNumber, replication.RegulationDate) = (regulation, regulationDate);
        }

        var row = replication.Dates.Find(d => d.Stage == target.Stage);
        if (row is null)
        {
            row = new ReplicationStageDate { Stage = target.Stage };
            replication.Dates.Add(row);
        }

        (row.ActualOn, row.Note, row.RecordedBy) = (on, note, userId);
        if (nextPlanned is not null && ReplicationStages.Next(target.Stage).FirstOrDefault(s => s is not (ReplicationStage.Declined or ReplicationStage.Stopped)) is var next
            && next != default && !ReplicationStages.IsEnded(target.Stage))
        {
            var plannedRow = replication.Dates.Find(d => d.Stage == next);
            if (plannedRow is null)
            {
                plannedRow = new ReplicationStageDate { Stage = next };
                replication.Dates.Add(plannedRow);
            }

            plannedRow.PlannedOn = nextPlanned;
        }

        replication.UpdatedAt = clock.GetUtcNow();
        replication.Version++;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return HubOutcome.Refused("", "Replikasi ini sudah diubah orang lain sejak Anda membukanya; buka lagi, isian Anda belum disimpan.");
        }

        if (counted != ReplicationStages.Counts(target.Stage))
        {
            await RecountAsync(replication.OriginId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return HubOutcome.Done(replication.Id);
    }

    /// <summary>Records a study visit of an open replication.</summary>
    public async Task<HubOutcome> RecordVisitAsync(int id, VisitInput input, int userId, CancellationToken cancellationToken)
    {
        var replication = await db.Replications.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (replication is null || ReplicationStages.IsEnded(replication.Stage))
        {
            return HubOutcome.Refused("", replication is null ? "Replikasi ini tidak ditemukan." : "Replikasi ini sudah berakhir; studi tiru tidak dicatat lagi.");
        }

        var problems = new List<(string Field, string Message)>();
        var on = HubRules.Date(input.On, "visit_on", "Tanggal studi tiru", problems);
        if (on is null && string.IsNullOrWhiteSpace(input.On))
        {
            problems.Add(("visit_on", "Tanggal studi tiru: wajib diisi."));
        }
        else if (on > Today)
        {
            problems.Add(("visit_on", $"Tanggal studi tiru: {on:yyyy-MM-dd} belum terjadi; studi tiru dicatat setelah berlangsung."));
        }

        var host = Trimmed(input.Host);
        if (host is null || host.Length > StudyVisit.MaxHost)
        {
            problems.Add(("host", $"Tuan rumah: wajib diisi, paling panjang {StudyVisit.MaxHost} karakter."));
        }

        var count = 0;
        if (!string.IsNullOrWhiteSpace(input.ParticipantCount)
            && (!int.TryParse(input.ParticipantCount.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out count) || count > 10_000))
        {
            problems.Add(("participant_count", $"Jumlah peserta: '{input.ParticipantCount}' harus bilangan bulat 0–10000."));
        }

        var (participants, agenda, findings) = (Trimmed(input.Participants), Trimmed(input.Agenda), Trimmed(input.Findings));
        foreach (var (field, label, value) in new[] { ("participants", "Peserta", participants), ("agenda", "Agenda", agenda), ("findings", "Temuan", findings) })
        {
            if (value?.Length > StudyVisit.MaxText)
            {
                problems.Add((field, $"{label}: paling panjang {StudyVisit.MaxText} karakter."));
            }
        }

        var cost = Shared.Rupiah.Parse(input.Cost, "cost", "Biaya", problems);
        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        var visit = new StudyVisit
        {
            ReplicationId = id, VisitedOn = on!.Value, Host = host!, ParticipantCount = count, Participants = participants, Agenda = agenda,
            Findings = findings, Cost = cost, RecordedBy = userId, RecordedAt = clock.GetUtcNow(),
        };
        db.StudyVisits.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        return HubOutcome.Done(visit.Id);
    }

    /// <summary>Adds a document to a stage the replication has reached (kept in the evidence store by the caller).</summary>
    public async Task<HubOutcome> AddFileAsync(int id, string? stage, Evidence.StoredUpload file, string? description, int userId, CancellationToken cancellationToken)
    {
        var replication = await db.Replications.Include(r => r.Dates).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (replication is null)
        {
            return HubOutcome.Refused("", "Replikasi ini tidak ditemukan.");
        }

        var chosen = ReplicationStages.All.FirstOrDefault(s => s.Slug == stage);
        if (chosen.Slug is null || !replication.Dates.Exists(d => d.Stage == chosen.Stage && d.ActualOn is not null))
        {
            return HubOutcome.Refused("file_stage", "Tahap dokumen: pilih tahap yang sudah dicapai replikasi ini.");
        }

        description = Trimmed(description);
        if (description?.Length > ReplicationFile.MaxDescription)
        {
            return HubOutcome.Refused("file_description", $"Keterangan: paling panjang {ReplicationFile.MaxDescription} karakter.");
        }

        var row = new ReplicationFile
        {
            ReplicationId = id, Stage = chosen.Stage, Name = file.Name, MediaType = file.MediaType, Size = file.Size, Sha256 = file.Sha256,
            Description = description, UploadedBy = userId, UploadedAt = clock.GetUtcNow(),
        };
        db.ReplicationFiles.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return HubOutcome.Done(row.Id);
    }

    /// <summary>
    /// Adds a published innovation to a regency/city's shortlist (once; for the need it would answer, when there is
    /// one). A second add, even at the same moment by someone else, leaves the one entry.
    /// </summary>
    public async Task<HubOutcome> ShortlistAsync(string regencyCode, int? needId, string? innovation, string? note, int userId, CancellationToken cancellationToken)
    {
        if (Number(innovation) is not { } innovationId || !await db.Innovations.AnyAsync(i => i.Id == innovationId && i.IsPublished, cancellationToken))
        {
            return HubOutcome.Refused("asal", $"Inovasi: '{innovation}' bukan inovasi terbit.");
        }

        note = Trimmed(note);
        if (note?.Length > ShortlistEntry.MaxNote)
        {
            return HubOutcome.Refused("catatan", $"Catatan: paling panjang {ShortlistEntry.MaxNote} karakter.");
        }

        if (!await db.Shortlist.AnyAsync(s => s.RegencyCode == regencyCode && s.InnovationId == innovationId, cancellationToken))
        {
            db.Shortlist.Add(new ShortlistEntry { RegencyCode = regencyCode, NeedId = needId, InnovationId = innovationId, Note = note, AddedBy = userId, AddedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Added by someone else a moment ago: it is on the list either way.
                db.ChangeTracker.Clear();
            }
        }

        return HubOutcome.Done(innovationId);
    }

    /// <summary>Counts again the replications of an innovation that count (<see cref="ReplicationStages.Counts"/>).</summary>
    public async Task RecountAsync(int originId, CancellationToken cancellationToken)
    {
        var stages = await db.Replications.Where(r => r.OriginId == originId).Select(r => r.Stage).ToListAsync(cancellationToken);
        var count = stages.Count(ReplicationStages.Counts);
        await db.Innovations.Where(i => i.Id == originId).ExecuteUpdateAsync(s => s.SetProperty(i => i.ReplicationCount, count), cancellationToken);
    }

    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
