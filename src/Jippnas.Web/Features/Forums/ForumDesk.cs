using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Forums;

/// <summary>A forum as a form sends it.</summary>
public sealed record ForumInput(string? Kind, string? SeriesNumber, string? HeldOn, string? Title, string? Organisers, string? ParticipantCount, string? Participants, string? Materials, string? Outcomes);

/// <summary>
/// Records a hub's forums (docs/design/hubs.md): knowledge-transfer and replication forums held province by province,
/// each numbered in its province's series. Checked field by field; the series number is unique per province and kind.
/// </summary>
public sealed class ForumDesk(JippnasDb db, TimeProvider clock)
{
    public static readonly IReadOnlyList<(string Slug, ForumKind Kind, string Name)> Kinds =
        [("alih-pengetahuan", ForumKind.KnowledgeTransfer, "Forum alih pengetahuan"), ("replikasi", ForumKind.Replication, "Forum replikasi")];

    /// <summary>The next number of a province's series of a kind (1 for the first).</summary>
    public async Task<int> NextNumberAsync(string provinceCode, ForumKind kind, CancellationToken cancellationToken) =>
        (await db.Forums.Where(f => f.ProvinceCode == provinceCode && f.Kind == kind).MaxAsync(f => (int?)f.SeriesNumber, cancellationToken) ?? 0) + 1;

    public async Task<HubOutcome> RecordAsync(Hub hub, ForumInput input, int userId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.JakartaNow().DateTime);
        var problems = new List<(string Field, string Message)>();
        if (hub.ProvinceCode is not { } province)
        {
            return HubOutcome.Refused("", "Forum dicatat oleh hub provinsi.");
        }

        var kind = Kinds.FirstOrDefault(k => k.Slug == input.Kind);
        if (kind.Slug is null)
        {
            problems.Add(("kind", "Jenis forum: pilih forum alih pengetahuan atau forum replikasi."));
        }

        var number = int.TryParse(input.SeriesNumber?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000 ? n : 0;
        if (number == 0)
        {
            problems.Add(("series_number", $"Seri ke: '{input.SeriesNumber}' harus bilangan bulat 1–1000."));
        }

        var heldOn = HubRules.Date(input.HeldOn, "held_on", "Tanggal forum", problems);
        if (heldOn is null && string.IsNullOrWhiteSpace(input.HeldOn))
        {
            problems.Add(("held_on", "Tanggal forum: wajib diisi."));
        }
        else if (heldOn is { } on && (on.Year < HubRules.FirstYear || on > today.AddYears(1)))
        {
            problems.Add(("held_on", $"Tanggal forum: {on:yyyy-MM-dd} harus antara {HubRules.FirstYear} dan setahun ke depan."));
        }

        var title = Trimmed(input.Title);
        if (title is null || title.Length > Forum.MaxTitle)
        {
            problems.Add(("title", $"Judul forum: wajib diisi, paling panjang {Forum.MaxTitle} karakter."));
        }

        var participants = 0;
        if (!string.IsNullOrWhiteSpace(input.ParticipantCount)
            && (!int.TryParse(input.ParticipantCount.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out participants) || participants > Forum.MaxParticipants))
        {
            problems.Add(("participant_count", $"Jumlah peserta: '{input.ParticipantCount}' harus bilangan bulat 0–{Forum.MaxParticipants}."));
        }

        var (organisers, who, materials, outcomes) = (Trimmed(input.Organisers), Trimmed(input.Participants), Trimmed(input.Materials), Trimmed(input.Outcomes));
        foreach (var (field, label, value, max) in new[]
        {
            ("organisers", "Penyelenggara", organisers, Forum.MaxText), ("participants", "Peserta", who, Forum.MaxText),
            ("materials", "Materi", materials, Forum.MaxText), ("outcomes", "Hasil", outcomes, Forum.MaxOutcomes),
        })
        {
            if (value?.Length > max)
            {
                problems.Add((field, $"{label}: paling panjang {max} karakter."));
            }
        }

        if (outcomes is not null && heldOn > today)
        {
            problems.Add(("outcomes", "Hasil: diisi setelah forum berlangsung."));
        }

        if (problems.Count == 0 && await db.Forums.AnyAsync(f => f.ProvinceCode == province && f.Kind == kind.Kind && f.SeriesNumber == number, cancellationToken))
        {
            problems.Add(("series_number", $"Seri ke: {kind.Name.ToLowerInvariant()} seri {number} di provinsi ini sudah tercatat; seri berikutnya {await NextNumberAsync(province, kind.Kind, cancellationToken)}."));
        }

        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        var forum = new Forum
        {
            Kind = kind.Kind, ProvinceCode = province, HubId = hub.Id, SeriesNumber = number, HeldOn = heldOn!.Value, Title = title!, Organisers = organisers,
            ParticipantCount = participants, Participants = who, Materials = materials, Outcomes = outcomes, CreatedBy = userId, CreatedAt = clock.GetUtcNow(),
        };
        db.Forums.Add(forum);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone recorded the same number between the check and the save.
            return HubOutcome.Refused("series_number", $"Seri ke: seri {number} baru saja dicatat orang lain; pakai seri {await NextNumberAsync(province, kind.Kind, cancellationToken)}.");
        }

        return HubOutcome.Done(forum.Id);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
