using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Mentoring;

/// <summary>One need as a form sends it; a block left blank is skipped.</summary>
public sealed record NeedInput(string? Sector, string? Problem, string? Priority, string? IndicatorName, string? IndicatorUnit, string? IndicatorValue, string? IndicatorYear)
{
    public bool IsBlank => new[] { Sector, Problem, IndicatorName, IndicatorUnit, IndicatorValue, IndicatorYear }.All(string.IsNullOrWhiteSpace);
}

/// <summary>A mentoring session as a form sends it, with the needs found in it.</summary>
/// <summary>What a mentor writes of a session besides where, when and in which stage it was held.</summary>
public sealed record SessionNotes(string? Topics, string? Findings, string? FollowUps, string? AttendanceCount, string? Attendees);

public sealed record SessionInput(string? Assignment, string? Stage, string? Regency, string? HeldOn, string? Topics, string? Findings, string? FollowUps, string? AttendanceCount, string? Attendees, IReadOnlyList<NeedInput> Needs);

/// <summary>
/// Mentoring on the database (docs/design/hubs.md): the network's members, mentors assigned to a hub and some of its
/// regencies/cities for a period, and the sessions they record with the needs they find. A mentor records only
/// inside a live assignment: its regencies, its period. Every write goes through EF, so into the audit log.
/// </summary>
public sealed class MentoringDesk(JippnasDb db, TimeProvider clock)
{
    public const int NeedBlocks = 3;

    public static readonly IReadOnlyList<(string Slug, NeedPriority Priority, string Name)> Priorities =
        [("tinggi", NeedPriority.High, "Tinggi"), ("sedang", NeedPriority.Medium, "Sedang"), ("rendah", NeedPriority.Low, "Rendah")];

    public static readonly IReadOnlyList<(string Slug, MemberKind Kind, string Name)> MemberKinds =
    [
        ("perguruan-tinggi", MemberKind.University, "Perguruan tinggi"), ("lsm", MemberKind.Ngo, "Lembaga swadaya masyarakat"),
        ("swasta", MemberKind.Private, "Swasta"), ("mitra-pembangunan", MemberKind.DevelopmentPartner, "Mitra pembangunan"),
        ("media", MemberKind.Media, "Media"), ("pemerintah", MemberKind.Government, "Instansi pemerintah"),
    ];

    /// <summary>A need's states: open, matched to an innovation to replicate, addressed (a replication runs), closed.</summary>
    public static readonly IReadOnlyList<(string Slug, NeedStatus Status, string Name)> NeedStatuses =
    [
        ("terbuka", NeedStatus.Open, "Terbuka"), ("dipadankan", NeedStatus.Matched, "Sudah dipadankan"),
        ("tertangani", NeedStatus.Addressed, "Tertangani"), ("ditutup", NeedStatus.Closed, "Ditutup"),
    ];

    private DateOnly Today => DateOnly.FromDateTime(clock.JakartaNow().DateTime);

    /// <summary>Sets the status of a need of <paramref name="sessionId"/> read at <paramref name="readVersion"/>.</summary>
    public async Task<HubOutcome> SetNeedStatusAsync(int sessionId, int needId, string? status, int readVersion, CancellationToken cancellationToken)
    {
        var need = await db.Needs.AsTracking().FirstOrDefaultAsync(n => n.Id == needId && n.SessionId == sessionId, cancellationToken);
        if (need is null)
        {
            return HubOutcome.Refused("need", "Kebutuhan ini tidak tercatat pada sesi ini.");
        }

        var chosen = NeedStatuses.FirstOrDefault(s => s.Slug == status);
        if (chosen.Slug is null)
        {
            return HubOutcome.Refused($"need_{needId}_status", $"Status: '{status}' tidak dikenal; pilih terbuka, dipadankan, tertangani atau ditutup.");
        }

        if (need.Version != readVersion)
        {
            return HubOutcome.Refused($"need_{needId}_status", "Kebutuhan ini sudah diubah orang lain sejak Anda membukanya; buka lagi.");
        }

        need.Status = chosen.Status;
        need.UpdatedAt = clock.GetUtcNow();
        need.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return HubOutcome.Refused($"need_{needId}_status", "Kebutuhan ini sudah diubah orang lain sejak Anda membukanya; buka lagi.");
        }

        return HubOutcome.Done(need.Id);
    }

    /// <summary>Adds a member to the network (or finds it by name) and records its role in the hub from a year.</summary>
    public async Task<HubOutcome> AddMemberAsync(int hubId, string? name, string? kind, string? website, string? role, string? since, CancellationToken cancellationToken)
    {
        var problems = new List<(string, string)>();
        name = Trimmed(name);
        role = Trimmed(role);
        website = Trimmed(website);
        if (name is null || name.Length > NetworkMember.MaxName)
        {
            problems.Add(("member_name", $"Nama anggota: wajib diisi, paling panjang {NetworkMember.MaxName} karakter."));
        }

        var memberKind = MemberKinds.FirstOrDefault(k => k.Slug == kind);
        if (memberKind.Slug is null)
        {
            problems.Add(("member_kind", "Jenis anggota: pilih perguruan tinggi, LSM, swasta, mitra pembangunan, media atau instansi pemerintah."));
        }

        if (website is not null && (website.Length > NetworkMember.MaxWebsite || !Formats.IsWebLink(website)))
        {
            problems.Add(("member_website", "Situs web: tulis alamat lengkap yang diawali https://, paling panjang 500 karakter."));
        }

        if (role is null || role.Length > HubMember.MaxRole)
        {
            problems.Add(("member_role", $"Peran di hub: wajib diisi (misalnya perguruan tinggi pendamping), paling panjang {HubMember.MaxRole} karakter."));
        }

        var year = Year(since, "member_since", "Sejak tahun", problems);
        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        var hub = await db.Hubs.FirstOrDefaultAsync(h => h.Id == hubId, cancellationToken);
        if (hub is null)
        {
            return HubOutcome.Refused("", "Hub ini tidak ditemukan.");
        }

        var member = await db.NetworkMembers.AsTracking().FirstOrDefaultAsync(m => m.Name == name, cancellationToken);
        if (member is not null && member.Kind != memberKind.Kind)
        {
            return HubOutcome.Refused("member_kind", $"Jenis anggota: {name} sudah tercatat sebagai {MemberKinds.First(k => k.Kind == member.Kind).Name.ToLowerInvariant()}.");
        }

        if (member is not null && await db.HubMembers.AnyAsync(m => m.HubId == hubId && m.MemberId == member.Id && m.UntilYear == null, cancellationToken))
        {
            return HubOutcome.Refused("member_name", $"Nama anggota: {name} sudah menjadi anggota hub ini.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (member is null)
        {
            member = new NetworkMember { Name = name!, Kind = memberKind.Kind, ProvinceCode = hub.ProvinceCode, Website = website, CreatedAt = clock.GetUtcNow() };
            db.NetworkMembers.Add(member);
            await db.SaveChangesAsync(cancellationToken);
        }

        db.HubMembers.Add(new HubMember { HubId = hubId, MemberId = member.Id, Role = role!, SinceYear = year!.Value });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return HubOutcome.Done(member.Id);
    }

    /// <summary>The checks of an assignment before any account is touched; the parsed values when there is no problem.</summary>
    public async Task<(List<(string Field, string Message)> Problems, int MemberId, List<string> Regencies, DateOnly StartsOn, DateOnly EndsOn)> CheckAssignmentAsync(
        int hubId, string? member, IReadOnlyList<string> regencies, string? startsOn, string? endsOn, CancellationToken cancellationToken)
    {
        var problems = new List<(string Field, string Message)>();
        var hub = await db.Hubs.FirstOrDefaultAsync(h => h.Id == hubId, cancellationToken);
        if (hub is not { Status: HubStatus.Active })
        {
            problems.Add(("", "Pendamping hanya ditugaskan pada hub yang aktif."));
            return (problems, 0, [], default, default);
        }

        var memberId = int.TryParse(member, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        var university = await db.HubMembers.AnyAsync(x => x.HubId == hubId && x.MemberId == memberId && x.UntilYear == null && x.Member!.Kind == MemberKind.University, cancellationToken);
        if (!university)
        {
            problems.Add(("member", "Perguruan tinggi: pilih perguruan tinggi anggota hub ini (tambahkan dulu bila belum ada)."));
        }

        var chosen = regencies.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            problems.Add(("regencies", "Kabupaten/kota: pilih paling sedikit satu yang didampingi."));
        }
        else
        {
            var known = await db.Regions.Where(r => chosen.Contains(r.Code) && r.ParentCode != null).Select(r => new { r.Code, r.ParentCode }).ToListAsync(cancellationToken);
            var outside = chosen.Where(code => known.Find(k => k.Code == code) is not { } region || (hub.ProvinceCode is not null && region.ParentCode != hub.ProvinceCode)).ToList();
            if (outside.Count > 0)
            {
                problems.Add(("regencies", $"Kabupaten/kota: {string.Join(", ", outside)} bukan kabupaten/kota di wilayah hub ini."));
            }
        }

        var starts = HubRules.Date(startsOn, "starts_on", "Mulai bertugas", problems);
        var ends = HubRules.Date(endsOn, "ends_on", "Selesai bertugas", problems);
        if (starts is null && string.IsNullOrWhiteSpace(startsOn))
        {
            problems.Add(("starts_on", "Mulai bertugas: wajib diisi."));
        }

        if (ends is null && string.IsNullOrWhiteSpace(endsOn))
        {
            problems.Add(("ends_on", "Selesai bertugas: wajib diisi."));
        }

        if (starts is { } s && ends is { } e)
        {
            if (e < s)
            {
                problems.Add(("ends_on", $"Selesai bertugas: {e:yyyy-MM-dd} sebelum mulai bertugas {s:yyyy-MM-dd}."));
            }
            else if (e > s.AddYears(3))
            {
                problems.Add(("ends_on", "Selesai bertugas: satu penugasan paling lama tiga tahun; perpanjang dengan penugasan baru."));
            }
        }

        return (problems, memberId, chosen, starts ?? default, ends ?? default);
    }

    /// <summary>Writes an assignment already checked by <see cref="CheckAssignmentAsync"/>.</summary>
    public async Task<int> AssignAsync(int hubId, int userId, int memberId, List<string> regencies, DateOnly startsOn, DateOnly endsOn, int assignedBy, CancellationToken cancellationToken)
    {
        var assignment = new MentorAssignment
        {
            UserId = userId, MemberId = memberId, HubId = hubId, StartsOn = startsOn, EndsOn = endsOn, AssignedBy = assignedBy, AssignedAt = clock.GetUtcNow(),
            Regions = regencies.ConvertAll(code => new MentorAssignmentRegion { RegencyCode = code }),
        };
        db.MentorAssignments.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return assignment.Id;
    }

    /// <summary>Ends an assignment early (today at the latest); what the mentor recorded stays.</summary>
    public async Task<HubOutcome> EndAssignmentAsync(int hubId, int assignmentId, CancellationToken cancellationToken)
    {
        var assignment = await db.MentorAssignments.AsTracking().FirstOrDefaultAsync(a => a.Id == assignmentId && a.HubId == hubId, cancellationToken);
        if (assignment is null)
        {
            return HubOutcome.Refused("", "Penugasan ini tidak ditemukan.");
        }

        if (assignment.EndsOn <= Today)
        {
            return HubOutcome.Refused("", $"Penugasan ini sudah berakhir (berlaku sampai {assignment.EndsOn:yyyy-MM-dd}).");
        }

        assignment.EndsOn = Today < assignment.StartsOn ? assignment.StartsOn : Today;
        await db.SaveChangesAsync(cancellationToken);
        return HubOutcome.Done(assignment.Id);
    }

    /// <summary>The mentor's assignments live today or later, with their hub's name and regencies.</summary>
    public Task<List<MentorAssignment>> LiveAssignmentsAsync(int userId, CancellationToken cancellationToken)
    {
        var today = Today;
        return db.MentorAssignments.Include(a => a.Regions).Include(a => a.Member)
            .Where(a => a.UserId == userId && a.EndsOn >= today).OrderBy(a => a.StartsOn).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Records a session of the mentor's: inside one of their assignments (its regencies and period), in a stage
    /// of that hub and year (made when first used), with the needs found; all in one transaction.
    /// </summary>
    public async Task<HubOutcome> RecordSessionAsync(int mentorId, SessionInput input, CancellationToken cancellationToken)
    {
        var problems = new List<(string Field, string Message)>();
        var assignmentId = int.TryParse(input.Assignment, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : 0;
        var assignment = await db.MentorAssignments.Include(x => x.Regions).FirstOrDefaultAsync(x => x.Id == assignmentId && x.UserId == mentorId, cancellationToken);
        if (assignment is null)
        {
            return HubOutcome.Refused("assignment", "Penugasan: pilih salah satu penugasan Anda.");
        }

        var stage = int.TryParse(input.Stage, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MentoringStage.MaxNumber ? n : 0;
        if (stage == 0)
        {
            problems.Add(("stage", $"Tahap: pilih tahap 1 sampai {MentoringStage.MaxNumber}."));
        }

        var regency = input.Regency?.Trim() ?? "";
        var heldOn = HubRules.Date(input.HeldOn, "held_on", "Tanggal sesi", problems);
        if (heldOn is null && string.IsNullOrWhiteSpace(input.HeldOn))
        {
            problems.Add(("held_on", "Tanggal sesi: wajib diisi."));
        }
        else if (heldOn > Today)
        {
            problems.Add(("held_on", $"Tanggal sesi: {heldOn:yyyy-MM-dd} belum terjadi; sesi dicatat setelah berlangsung."));
        }

        if (!assignment.Regions.Exists(r => r.RegencyCode == regency))
        {
            var name = await db.Regions.Where(r => r.Code == regency).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
            problems.Add(("regency", $"Kabupaten/kota: {name ?? (regency.Length == 0 ? "(kosong)" : regency)} di luar penugasan Anda; Anda mendampingi {string.Join(", ", assignment.Regions.Select(r => r.RegencyCode))}."));
        }
        else if (heldOn is { } on && !assignment.Covers(regency, on))
        {
            problems.Add(("held_on", $"Tanggal sesi: {on:yyyy-MM-dd} di luar masa penugasan Anda ({assignment.StartsOn:yyyy-MM-dd} s.d. {assignment.EndsOn:yyyy-MM-dd})."));
        }

        var (topics, findings, followUps, attendance, attendees) = CheckNotes(new SessionNotes(input.Topics, input.Findings, input.FollowUps, input.AttendanceCount, input.Attendees), problems);
        var sectors = (await db.Sectors.Select(s => s.Id).ToListAsync(cancellationToken)).ToHashSet();
        var needs = new List<Need>();
        for (var i = 0; i < input.Needs.Count; i++)
        {
            if (!input.Needs[i].IsBlank && CheckNeed(input.Needs[i], i + 1, sectors, problems) is { } need)
            {
                needs.Add(need);
            }
        }

        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        var year = heldOn!.Value.Year;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stageRow = await db.MentoringStages.FirstOrDefaultAsync(s => s.HubId == assignment.HubId && s.Year == year && s.Number == stage, cancellationToken);
        if (stageRow is null)
        {
            stageRow = new MentoringStage { HubId = assignment.HubId, Year = year, Number = stage, Title = MentoringStage.DefaultTitle(stage) };
            db.MentoringStages.Add(stageRow);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another mentor's first session of this stage made it a moment ago (EF rolled back to its savepoint): use that one.
                db.Entry(stageRow).State = EntityState.Detached;
                stageRow = await db.MentoringStages.FirstAsync(s => s.HubId == assignment.HubId && s.Year == year && s.Number == stage, cancellationToken);
            }
        }

        var now = clock.GetUtcNow();
        var session = new MentoringSession
        {
            StageId = stageRow.Id, RegencyCode = regency, HeldOn = heldOn.Value, MentorId = mentorId, Topics = topics!, Findings = findings,
            FollowUps = followUps, AttendanceCount = attendance, Attendees = attendees, CreatedAt = now, UpdatedAt = now,
        };
        db.MentoringSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var need in needs)
        {
            db.Needs.Add(new Need
            {
                RegencyCode = regency, SectorId = need.SectorId, Problem = need.Problem, Priority = need.Priority,
                Origin = stage == 1 ? NeedOrigin.MentoringStageOne : NeedOrigin.Other, SessionId = session.Id, Status = NeedStatus.Open,
                CreatedBy = mentorId, CreatedAt = now, UpdatedAt = now, Indicators = need.Indicators,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return HubOutcome.Done(session.Id);
    }

    /// <summary>
    /// Corrects what the mentor wrote of a session read at <paramref name="readVersion"/> (topics, findings, follow-ups,
    /// attendance); its date, regency/city and stage stay as recorded. Only the mentor who recorded it.
    /// </summary>
    public async Task<HubOutcome> EditSessionAsync(int sessionId, int mentorId, int readVersion, SessionNotes input, CancellationToken cancellationToken)
    {
        var session = await db.MentoringSessions.AsTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || session.MentorId != mentorId)
        {
            return HubOutcome.Refused("", "Hanya pendamping yang mencatat sesi ini yang dapat mengubahnya.");
        }

        if (session.Version != readVersion)
        {
            return HubOutcome.Refused("", "Sesi ini sudah diubah sejak Anda membukanya; buka lagi, isian Anda belum disimpan.");
        }

        var problems = new List<(string Field, string Message)>();
        var (topics, findings, followUps, attendance, attendees) = CheckNotes(input, problems);
        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        (session.Topics, session.Findings, session.FollowUps, session.AttendanceCount, session.Attendees) = (topics!, findings, followUps, attendance, attendees);
        session.UpdatedAt = clock.GetUtcNow();
        session.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return HubOutcome.Refused("", "Sesi ini sudah diubah sejak Anda membukanya; buka lagi, isian Anda belum disimpan.");
        }

        return HubOutcome.Done(session.Id);
    }

    /// <summary>Adds a document (attendance list, materials, photos) kept in the evidence store to a session.</summary>
    public async Task<HubOutcome> AddSessionFileAsync(int sessionId, Evidence.StoredUpload file, string? description, int userId, CancellationToken cancellationToken)
    {
        description = Trimmed(description);
        if (description?.Length > MentoringSessionFile.MaxDescription)
        {
            return HubOutcome.Refused("keterangan", $"Keterangan: paling panjang {MentoringSessionFile.MaxDescription} karakter.");
        }

        var row = new MentoringSessionFile
        {
            SessionId = sessionId, Name = file.Name, MediaType = file.MediaType, Size = file.Size, Sha256 = file.Sha256,
            Description = description, UploadedBy = userId, UploadedAt = clock.GetUtcNow(),
        };
        db.MentoringSessionFiles.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return HubOutcome.Done(row.Id);
    }

    // What a mentor writes of a session, checked; the values when there is no problem.
    private static (string? Topics, string? Findings, string? FollowUps, int Attendance, string? Attendees) CheckNotes(SessionNotes input, List<(string Field, string Message)> problems)
    {
        var topics = Trimmed(input.Topics);
        if (topics is null || topics.Length > MentoringSession.MaxText)
        {
            problems.Add(("topics", $"Topik: wajib diisi, paling panjang {MentoringSession.MaxText} karakter."));
        }

        var (findings, followUps, attendees) = (Trimmed(input.Findings), Trimmed(input.FollowUps), Trimmed(input.Attendees));
        if (findings?.Length > MentoringSession.MaxFindings)
        {
            problems.Add(("findings", $"Temuan: paling panjang {MentoringSession.MaxFindings} karakter."));
        }

        if (followUps?.Length > MentoringSession.MaxText)
        {
            problems.Add(("follow_ups", $"Tindak lanjut: paling panjang {MentoringSession.MaxText} karakter."));
        }

        if (attendees?.Length > MentoringSession.MaxText)
        {
            problems.Add(("attendees", $"Daftar hadir: paling panjang {MentoringSession.MaxText} karakter."));
        }

        var attendance = 0;
        if (!string.IsNullOrWhiteSpace(input.AttendanceCount)
            && (!int.TryParse(input.AttendanceCount.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out attendance) || attendance > MentoringSession.MaxAttendance))
        {
            problems.Add(("attendance_count", $"Jumlah peserta: '{input.AttendanceCount}' harus bilangan bulat 0–{MentoringSession.MaxAttendance}."));
        }

        return (topics, findings, followUps, attendance, attendees);
    }

    // One need block, checked; the need (not yet stored) when it has no problem.
    private Need? CheckNeed(NeedInput input, int number, HashSet<int> sectors, List<(string Field, string Message)> problems)
    {
        var before = problems.Count;
        var label = $"Kebutuhan {number}";
        var problem = Trimmed(input.Problem);
        if (problem is null || problem.Length > Need.MaxProblem)
        {
            problems.Add(($"need{number}_problem", $"{label} — masalah: wajib diisi bila kebutuhan ini dicatat, paling panjang {Need.MaxProblem} karakter."));
        }

        int? sector = null;
        if (!string.IsNullOrWhiteSpace(input.Sector))
        {
            if (int.TryParse(input.Sector, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && sectors.Contains(s))
            {
                sector = s;
            }
            else
            {
                problems.Add(($"need{number}_sector", $"{label} — urusan pemerintahan: pilih dari daftar."));
            }
        }

        var priority = Priorities.FirstOrDefault(p => p.Slug == (input.Priority ?? "sedang"));
        if (priority.Slug is null)
        {
            problems.Add(($"need{number}_priority", $"{label} — prioritas: pilih tinggi, sedang atau rendah."));
        }

        var indicatorName = Trimmed(input.IndicatorName);
        var unit = Trimmed(input.IndicatorUnit);
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(input.IndicatorValue))
        {
            var written = input.IndicatorValue.Trim();
            var culture = written.Contains(',', StringComparison.Ordinal) ? Formats.Indonesian : CultureInfo.InvariantCulture;
            if (decimal.TryParse(written, NumberStyles.Number, culture, out var v) && Math.Abs(v) < 1e14m)
            {
                value = v;
            }
            else
            {
                problems.Add(($"need{number}_value", $"{label} — nilai indikator: '{written}' bukan angka (contoh: 27,5)."));
            }
        }

        var year = Year(input.IndicatorYear, $"need{number}_year", $"{label} — tahun nilai", problems, required: false);
        if (indicatorName is null && (value is not null || unit is not null || year is not null))
        {
            problems.Add(($"need{number}_indicator", $"{label} — indikator: tulis nama indikator untuk nilai, satuan atau tahunnya."));
        }

        if (indicatorName?.Length > NeedIndicator.MaxName || unit?.Length > NeedIndicator.MaxUnit)
        {
            problems.Add(($"need{number}_indicator", $"{label} — indikator: nama paling panjang {NeedIndicator.MaxName}, satuan {NeedIndicator.MaxUnit} karakter."));
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new Need
        {
            RegencyCode = "", Problem = problem!, SectorId = sector, Priority = priority.Priority,
            Indicators = indicatorName is null ? [] : [new NeedIndicator { Name = indicatorName, Unit = unit, Value = value, Year = year }],
        };
    }

    private int? Year(string? written, string field, string label, List<(string, string)> problems, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            if (required)
            {
                problems.Add((field, $"{label}: wajib diisi."));
            }

            return null;
        }

        if (int.TryParse(written.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 2000 && year <= Today.Year)
        {
            return year;
        }

        problems.Add((field, $"{label}: '{written.Trim()}' harus tahun antara 2000 dan {Today.Year}."));
        return null;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
