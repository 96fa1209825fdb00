using System.Globalization;
using Jippnas.Web.Domain;

namespace Jippnas.Web.Features.Hubs;

/// <summary>
/// The checks of the hub programme's forms, without a database: each problem is the field's key and an Indonesian
/// message naming the field (docs/design/hubs.md).
/// </summary>
public static class HubRules
{
    /// <summary>The first year a designation may carry (the network's first hubs were designated in 2020).</summary>
    public const int FirstYear = 2015;

    public static readonly IReadOnlyDictionary<HubCriterion, string> CriterionNames = new Dictionary<HubCriterion, string>
    {
        [HubCriterion.TrackRecord] = "Rekam jejak pembinaan inovasi",
        [HubCriterion.Leadership] = "Komitmen pimpinan",
        [HubCriterion.Potential] = "Potensi inovasi kabupaten/kota sesuai kebutuhan daerah",
        [HubCriterion.Support] = "Dukungan birokrasi dan pemangku kepentingan",
    };

    public static readonly IReadOnlyDictionary<MilestoneKind, string> MilestoneNames = new Dictionary<MilestoneKind, string>
    {
        [MilestoneKind.Decree] = "Keputusan penetapan",
        [MilestoneKind.Agreement] = "Nota kesepahaman dengan perguruan tinggi",
        [MilestoneKind.Platform] = "Platform daring",
        [MilestoneKind.Mentoring] = "Pendampingan",
        [MilestoneKind.Forum] = "Forum alih pengetahuan",
        [MilestoneKind.Evaluation] = "Monitoring dan evaluasi",
    };

    public static readonly IReadOnlyDictionary<MilestoneStatus, string> StatusNames = new Dictionary<MilestoneStatus, string>
    {
        [MilestoneStatus.Planned] = "Direncanakan",
        [MilestoneStatus.InProgress] = "Berjalan",
        [MilestoneStatus.Done] = "Selesai",
        [MilestoneStatus.Cancelled] = "Batal",
    };

    /// <summary>A date as forms send it (yyyy-MM-dd); null when blank; a problem when it is not a date.</summary>
    public static DateOnly? Date(string? written, string field, string label, List<(string, string)> problems)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }

        if (DateOnly.TryParseExact(written.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add((field, $"{label}: '{Clip(written)}' bukan tanggal; tulis sebagai TTTT-BB-HH, misalnya 2025-03-17."));
        return null;
    }

    /// <summary>A decree that designates a hub: number, title, date and year.</summary>
    public static List<(string Field, string Message)> CheckDesignation(string? number, string? title, string? date, string? year, DateOnly today)
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(number))
        {
            problems.Add(("number", "Nomor keputusan: wajib diisi (misalnya KepmenPANRB No. 94 Tahun 2020)."));
        }
        else if (number.Trim().Length > HubDesignation.MaxNumber)
        {
            problems.Add(("number", $"Nomor keputusan: paling panjang {HubDesignation.MaxNumber} karakter."));
        }

        if (title?.Trim().Length > HubDesignation.MaxTitle)
        {
            problems.Add(("title", $"Judul keputusan: paling panjang {HubDesignation.MaxTitle} karakter."));
        }

        int? decreeYear = null;
        if (string.IsNullOrWhiteSpace(year))
        {
            problems.Add(("year", "Tahun penetapan: wajib diisi."));
        }
        else if (!int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < FirstYear || parsed > today.Year)
        {
            problems.Add(("year", $"Tahun penetapan: '{Clip(year)}' harus tahun antara {FirstYear} dan {today.Year} (tidak boleh tahun yang akan datang)."));
        }
        else
        {
            decreeYear = parsed;
        }

        var on = Date(date, "date", "Tanggal keputusan", problems);
        if (on is null && string.IsNullOrWhiteSpace(date))
        {
            problems.Add(("date", "Tanggal keputusan: wajib diisi."));
        }
        else if (on is { } d && d > today)
        {
            problems.Add(("date", $"Tanggal keputusan: {d:yyyy-MM-dd} belum terjadi; keputusan dicatat setelah ditandatangani."));
        }
        else if (on is { } signed && decreeYear is { } y && signed.Year != y)
        {
            problems.Add(("date", $"Tanggal keputusan: {signed:yyyy-MM-dd} tidak jatuh pada tahun penetapan {y}."));
        }

        return problems;
    }

    /// <summary>One criterion's score as written (blank while the assessment is in progress).</summary>
    public static int? Score(HubCriterion criterion, string? written, List<(string, string)> problems)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }

        if (int.TryParse(written.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score) && score is >= HubAssessment.MinScore and <= HubAssessment.MaxScore)
        {
            return score;
        }

        problems.Add(($"score_{(int)criterion}", $"Nilai {CriterionNames[criterion]}: '{Clip(written)}' harus bilangan bulat {HubAssessment.MinScore}–{HubAssessment.MaxScore}."));
        return null;
    }

    /// <summary>A milestone as a form sends it, checked; the parsed dates when there is no problem.</summary>
    public static (DateOnly? PlannedStart, DateOnly? PlannedEnd, DateOnly? ActualStart, DateOnly? ActualEnd) CheckMilestone(
        MilestoneKind kind, string? plannedStart, string? plannedEnd, string? actualStart, string? actualEnd, MilestoneStatus status, string? evidence, DateOnly today, List<(string, string)> problems)
    {
        var name = MilestoneNames[kind];
        var key = (int)kind;
        var ps = Date(plannedStart, $"m{key}_planned_start", $"{name} — rencana mulai", problems);
        var pe = Date(plannedEnd, $"m{key}_planned_end", $"{name} — rencana selesai", problems);
        var @as = Date(actualStart, $"m{key}_actual_start", $"{name} — mulai", problems);
        var ae = Date(actualEnd, $"m{key}_actual_end", $"{name} — selesai", problems);
        if (ps is { } a && pe is { } b && b < a)
        {
            problems.Add(($"m{key}_planned_end", $"{name} — rencana selesai: {b:yyyy-MM-dd} sebelum rencana mulai {a:yyyy-MM-dd}."));
        }

        if (@as is { } c && ae is { } e && e < c)
        {
            problems.Add(($"m{key}_actual_end", $"{name} — selesai: {e:yyyy-MM-dd} sebelum mulai {c:yyyy-MM-dd}."));
        }

        if (@as > today)
        {
            problems.Add(($"m{key}_actual_start", $"{name} — mulai: {@as:yyyy-MM-dd} belum terjadi; untuk rencana isi kolom rencana."));
        }

        if (ae > today)
        {
            problems.Add(($"m{key}_actual_end", $"{name} — selesai: {ae:yyyy-MM-dd} belum terjadi; untuk rencana isi kolom rencana."));
        }

        if (ae is not null && @as is null)
        {
            problems.Add(($"m{key}_actual_start", $"{name} — mulai: wajib diisi bila tanggal selesai diisi."));
        }

        if (status == MilestoneStatus.Done && ae is null)
        {
            problems.Add(($"m{key}_actual_end", $"{name} — selesai: wajib diisi untuk tahapan yang selesai."));
        }

        if (status == MilestoneStatus.InProgress && @as is null)
        {
            problems.Add(($"m{key}_actual_start", $"{name} — mulai: wajib diisi untuk tahapan yang berjalan."));
        }

        if (evidence?.Trim().Length > HubMilestone.MaxEvidence)
        {
            problems.Add(($"m{key}_evidence", $"{name} — bukti: paling panjang {HubMilestone.MaxEvidence} karakter."));
        }

        return (ps, pe, @as, ae);
    }

    private static string Clip(string written) => written.Length > 40 ? written[..40] + "…" : written;
}
