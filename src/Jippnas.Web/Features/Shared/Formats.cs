using System.Globalization;
using Jippnas.Web.Domain;

namespace Jippnas.Web.Features.Shared;

/// <summary>id-ID presentation of numbers, dates, money and the enums of the domain.</summary>
public static class Formats
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>Western Indonesia Time, where the ministries and most users are; servers usually run in UTC.</summary>
    public static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    public static DateTimeOffset JakartaNow(this TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Jakarta);

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Rupiah as Indonesians write it, whatever the interface language: Rp1.250.000.</summary>
    public static string Rupiah(decimal value) => value.ToString("C0", Indonesian);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, Jakarta).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A moment in Jakarta time, as Indonesian writes it (24 November 2026 06.40 WIB).</summary>
    public static string DateTime(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, Jakarta).ToString("d MMMM yyyy HH.mm", CultureInfo.CurrentCulture) + " WIB";

    /// <summary>Only http(s) addresses become links; anything else an agency typed is shown as text.</summary>
    public static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    public static string PhaseSlug(InnovationPhase phase) => phase switch
    {
        InnovationPhase.Creation => "penciptaan",
        InnovationPhase.Development => "pengembangan",
        InnovationPhase.Institutionalisation => "pelembagaan",
    };

    public static string PhaseName(InnovationPhase phase, Texts t) => phase switch
    {
        InnovationPhase.Creation => t["Penciptaan"],
        InnovationPhase.Development => t["Pengembangan"],
        InnovationPhase.Institutionalisation => t["Pelembagaan"],
    };

    public static string StatusSlug(InnovationStatus status) => status switch
    {
        InnovationStatus.Unconfirmed => "belum-dikonfirmasi",
        InnovationStatus.Running => "berjalan",
        InnovationStatus.Developing => "berkembang",
        InnovationStatus.Stopped => "berhenti",
        InnovationStatus.Dormant => "vakum",
    };

    public static string StatusName(InnovationStatus status, Texts t) => status switch
    {
        InnovationStatus.Unconfirmed => t["Belum dikonfirmasi"],
        InnovationStatus.Running => t["Berjalan"],
        InnovationStatus.Developing => t["Berkembang"],
        InnovationStatus.Stopped => t["Berhenti"],
        InnovationStatus.Dormant => t["Vakum"],
    };

    public static string LevelName(RegionLevel level, Texts t) => level switch
    {
        RegionLevel.Province => t["Provinsi"],
        RegionLevel.Regency => t["Kabupaten"],
        RegionLevel.City => t["Kota"],
    };

    public static string ProvenanceName(Provenance provenance, Texts t) => provenance switch
    {
        Provenance.Submitted => t["Diisi oleh instansi"],
        Provenance.PublishedFact => t["Fakta dari publikasi resmi"],
        Provenance.Imported => t["Diimpor dari sumber data"],
        Provenance.Synthetic => t["Data sintetis (bukan inovasi nyata)"],
    };
}
