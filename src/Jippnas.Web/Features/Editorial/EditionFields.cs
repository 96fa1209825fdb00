using System.Globalization;
using System.Net.Mail;
using Jippnas.Web.Domain;

namespace Jippnas.Web.Features.Editorial;

public enum FieldKind
{
    Line,
    Text,
    Year,
    Agency,
    Sector,
    Phase,
    Status,
    YesNo,
    Url,
    Email,
    Phone,
}

/// <summary>One field of the operator's form: its key in the form and in revisions, its label, how it is checked.</summary>
public sealed record EditionField(string Key, string Label, FieldKind Kind, int MaxLength, bool NeededToSubmit = false, bool Personal = false);

/// <summary>
/// The fields an agency's operator writes (the narrative KIPP and IGA ask for, placement, status, contact), as
/// strings keyed by field: what a form posts, what a revision stores, what a restore puts back. Checked field by
/// field in Indonesian: a draft needs only a name and an agency; submitting needs the narrative a verifier reads.
/// </summary>
public static class EditionFields
{
    public static readonly IReadOnlyList<EditionField> All =
    [
        new("name", "Nama inovasi", FieldKind.Line, 300, NeededToSubmit: true),
        new("acronym", "Singkatan", FieldKind.Line, 100),
        new("agency", "Instansi", FieldKind.Agency, 12, NeededToSubmit: true),
        new("unit", "Unit pelaksana", FieldKind.Line, 300),
        new("year", "Tahun mulai", FieldKind.Year, 10, NeededToSubmit: true),
        new("phase", "Tahap", FieldKind.Phase, 1),
        new("status", "Status", FieldKind.Status, 1),
        new("status_reason", "Alasan status", FieldKind.Line, 1000),
        new("sector", "Urusan pemerintahan", FieldKind.Sector, 12),
        new("digital", "Inovasi digital", FieldKind.YesNo, 5),
        new("summary", "Ringkasan", FieldKind.Text, 2000, NeededToSubmit: true),
        new("problem", "Masalah yang diatasi", FieldKind.Text, 10_000, NeededToSubmit: true),
        new("aims", "Tujuan", FieldKind.Text, 10_000),
        new("novelty", "Kebaruan", FieldKind.Text, 10_000),
        new("implementation", "Pelaksanaan", FieldKind.Text, 10_000, NeededToSubmit: true),
        new("impact", "Dampak", FieldKind.Text, 10_000, NeededToSubmit: true),
        new("adaptability", "Adaptabilitas dan prasyarat replikasi", FieldKind.Text, 10_000),
        new("resources", "Sumber daya", FieldKind.Text, 10_000),
        new("sustainability", "Keberlanjutan", FieldKind.Text, 10_000),
        new("video_url", "Tautan video", FieldKind.Url, 500),
        new("application_url", "Tautan aplikasi", FieldKind.Url, 500),
        new("contact_name", "Nama narahubung", FieldKind.Line, 200, Personal: true),
        new("contact_email", "Email narahubung", FieldKind.Email, 200, Personal: true),
        new("contact_phone", "Telepon narahubung", FieldKind.Phone, 50, Personal: true),
    ];

    public static EditionField Named(string key) => All.First(f => f.Key == key);

    /// <summary>The values as posted: every known field, trimmed, empty as null; unknown keys dropped.</summary>
    public static SortedDictionary<string, string?> Clean(IReadOnlyDictionary<string, string?>? posted)
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in All)
        {
            var value = posted?.GetValueOrDefault(field.Key)?.Trim();
            values[field.Key] = string.IsNullOrEmpty(value) ? null : value.ReplaceLineEndings("\n");
        }

        return values;
    }

    /// <summary>Each field's problem (key, Indonesian message naming the field); <paramref name="submitting"/> asks for the narrative too.</summary>
    public static List<(string Key, string Message)> Check(IReadOnlyDictionary<string, string?> values, bool submitting, ISet<int> agencies, ISet<int> sectors, int thisYear)
    {
        var errors = new List<(string, string)>();
        foreach (var field in All)
        {
            var value = values.GetValueOrDefault(field.Key);
            if (value is null)
            {
                if (field.Key is "name" or "agency" || (submitting && field.NeededToSubmit))
                {
                    errors.Add((field.Key, submitting && field.Key is not ("name" or "agency")
                        ? $"{field.Label}: wajib diisi sebelum diajukan."
                        : $"{field.Label}: wajib diisi."));
                }

                continue;
            }

            if (value.Length > field.MaxLength)
            {
                errors.Add((field.Key, $"{field.Label}: paling panjang {field.MaxLength.ToString("N0", CultureInfo.GetCultureInfo("id-ID"))} karakter (sekarang {value.Length.ToString("N0", CultureInfo.GetCultureInfo("id-ID"))})."));
                continue;
            }

            var problem = field.Kind switch
            {
                FieldKind.Year => !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1945 || year > thisYear
                    ? $"tulis tahun dengan empat angka, antara 1945 dan {thisYear}." : null,
                FieldKind.Agency => !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var agency) || !agencies.Contains(agency)
                    ? "pilih instansi yang termasuk cakupan akun Anda." : null,
                FieldKind.Sector => !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var sector) || !sectors.Contains(sector)
                    ? "pilih salah satu urusan dari daftar." : null,
                FieldKind.Phase => Parse<InnovationPhase>(value) is null ? "pilih salah satu tahap dari daftar." : null,
                FieldKind.Status => Parse<InnovationStatus>(value) is null ? "pilih salah satu status dari daftar." : null,
                FieldKind.YesNo => value is not ("ya" or "tidak") ? "pilih ya atau tidak." : null,
                FieldKind.Url => !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                    ? "tulis alamat lengkap yang diawali https://." : null,
                FieldKind.Email => !MailAddress.TryCreate(value, out var mail) || mail.Address != value ? "tulis alamat email yang sah." : null,
                FieldKind.Phone => !value.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')') || value.Count(char.IsAsciiDigit) < 6
                    ? "tulis nomor telepon dengan angka (boleh diawali +62)." : null,
                _ => null,
            };
            if (problem is not null)
            {
                errors.Add((field.Key, $"{field.Label}: {problem}"));
            }
        }

        if (Parse<InnovationStatus>(values.GetValueOrDefault("status")) is InnovationStatus.Stopped or InnovationStatus.Dormant && values.GetValueOrDefault("status_reason") is null)
        {
            errors.Add(("status_reason", "Alasan status: wajib diisi untuk inovasi yang berhenti atau vakum."));
        }

        return errors;
    }

    /// <summary>The record's editable fields as strings.</summary>
    public static SortedDictionary<string, string?> Of(Innovation i) => Clean(new Dictionary<string, string?>
    {
        ["name"] = i.Name,
        ["acronym"] = i.Acronym,
        ["agency"] = Text(i.AgencyId),
        ["unit"] = i.UnitName,
        ["year"] = Text(i.YearStarted),
        ["phase"] = i.Phase is { } phase ? Text((int)phase) : null,
        ["status"] = i.Status == InnovationStatus.Unconfirmed ? null : Text((int)i.Status),
        ["status_reason"] = i.StatusReason,
        ["sector"] = Text(i.SectorId),
        ["digital"] = i.IsDigital switch { true => "ya", false => "tidak", null => null },
        ["summary"] = i.Summary,
        ["problem"] = i.Problem,
        ["aims"] = i.Aims,
        ["novelty"] = i.Novelty,
        ["implementation"] = i.Implementation,
        ["impact"] = i.Impact,
        ["adaptability"] = i.Adaptability,
        ["resources"] = i.Resources,
        ["sustainability"] = i.Sustainability,
        ["video_url"] = i.VideoUrl,
        ["application_url"] = i.ApplicationUrl,
        ["contact_name"] = i.ContactName,
        ["contact_email"] = i.ContactEmail,
        ["contact_phone"] = i.ContactPhone,
    });

    /// <summary>Writes checked values into the record; placement (province, regency/city) follows the agency's region.</summary>
    public static void ApplyTo(Innovation i, IReadOnlyDictionary<string, string?> v, string? agencyRegion)
    {
        i.Name = v["name"]!;
        i.Acronym = v["acronym"];
        i.AgencyId = Number(v["agency"]);
        i.UnitName = v["unit"];
        i.YearStarted = Number(v["year"]);
        i.Phase = Parse<InnovationPhase>(v["phase"]);
        i.Status = Parse<InnovationStatus>(v["status"]) ?? InnovationStatus.Unconfirmed;
        i.StatusReason = v["status_reason"];
        i.SectorId = Number(v["sector"]);
        i.IsDigital = v["digital"] switch { "ya" => true, "tidak" => false, _ => null };
        i.Summary = v["summary"];
        i.Problem = v["problem"];
        i.Aims = v["aims"];
        i.Novelty = v["novelty"];
        i.Implementation = v["implementation"];
        i.Impact = v["impact"];
        i.Adaptability = v["adaptability"];
        i.Resources = v["resources"];
        i.Sustainability = v["sustainability"];
        i.VideoUrl = v["video_url"];
        i.ApplicationUrl = v["application_url"];
        i.ContactName = v["contact_name"];
        i.ContactEmail = v["contact_email"];
        i.ContactPhone = v["contact_phone"];
        i.ProvinceCode = agencyRegion is { Length: >= 2 } ? agencyRegion[..2] : null;
        i.RegencyCode = agencyRegion is not null && Region.IsRegencyCode(agencyRegion) ? agencyRegion : null;
    }

    /// <summary>The fields whose values differ, old and new.</summary>
    public static List<FieldChange> Diff(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after) =>
        [.. All.Where(f => before.GetValueOrDefault(f.Key) != after.GetValueOrDefault(f.Key))
            .Select(f => new FieldChange(f.Key, before.GetValueOrDefault(f.Key), after.GetValueOrDefault(f.Key)))];

    // An enum by its number; 0 (an unconfirmed status) is no choice.
    private static T? Parse<T>(string? value)
        where T : struct, Enum =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n != 0 && Enum.IsDefined(typeof(T), n) ? (T)(object)n : null;

    private static int? Number(string? value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
