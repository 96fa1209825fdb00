using System.Globalization;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search;
using Jippnas.Web.Features.Shared;

namespace Jippnas.Web.Features.Imports;

/// <summary>One line of the exchange format, checked field by field.</summary>
internal sealed record ExchangeRecord(
    string SourceCode,
    string SourceId,
    string Name,
    string? Acronym,
    string? Agency,
    int? AgencyId,
    string? ProvinceCode,
    string? RegencyCode,
    int? Year,
    int? SectorId,
    IReadOnlyList<int> AwardKindIds,
    IReadOnlyList<int> SdgIds,
    IReadOnlyDictionary<string, string?> Narrative)
{
    public static readonly IReadOnlyList<string> NarrativeFields =
        ["summary", "problem", "aims", "novelty", "implementation", "impact", "adaptability", "resources", "sustainability"];

    /// <summary>Every field of the exchange format, in the order the format documents them.</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["source", "source_id", "name", "acronym", "agency", "province", "regency_city", "year", "sector", "award", "sdgs", .. NarrativeFields];

    /// <summary>Checks the fields of one row (already mapped from the file's columns); null when any is wrong, with the errors added.</summary>
    /// <param name="unresolved">Receives each name that could not be resolved (a region, or an agency of a row without region), for curators to map.</param>
    public static ExchangeRecord? From(IReadOnlyDictionary<string, string?> fields, int number, ExchangeNames names, TimeProvider clock, List<ImportError> errors, Action<NameKind, string, string>? unresolved = null)
    {
        var before = errors.Count;
        string? Text(string field, int max, bool required = false)
        {
            var text = fields.GetValueOrDefault(field)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (required)
                {
                    errors.Add(new ImportError(number, field, "wajib diisi."));
                }

                return null;
            }

            if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\t' and not '\r'))
            {
                errors.Add(new ImportError(number, field, "berisi karakter kendali."));
                return null;
            }

            if (text.Length > max)
            {
                errors.Add(new ImportError(number, field, $"paling panjang {max:N0} karakter (diberikan {text.Length:N0})."));
                return null;
            }

            return text;
        }

        var source = Text("source", 40, required: true);
        if (source is not null && !names.SourceSystems.ContainsKey(source))
        {
            errors.Add(new ImportError(number, "source", $"sumber '{source}' tidak dikenal (contoh: KIPP, IGA, LAN, PROVINSI)."));
        }

        var sourceId = Text("source_id", 200, required: true);
        var name = Text("name", 300, required: true);
        var acronym = Text("acronym", 100);
        var agency = Text("agency", 300);

        var province = Text("province", 100);
        string? provinceCode = null;
        if (province is not null && (provinceCode = names.Province(province)) is null)
        {
            unresolved?.Invoke(NameKind.Region, "province", province);
            errors.Add(new ImportError(number, "province", $"provinsi '{province}' tidak dikenal (kode Kemendagri seperti 35 atau nama seperti Jawa Timur)."));
        }

        var regency = Text("regency_city", 100);
        string? regencyCode = null;
        if (regency is not null)
        {
            if (names.Regency(regency) is not { } found)
            {
                unresolved?.Invoke(NameKind.Region, "regency_city", regency);
                errors.Add(new ImportError(number, "regency_city", $"kabupaten/kota '{regency}' tidak dikenal (kode seperti 35.10 atau nama seperti Kabupaten Banyuwangi)."));
            }
            else if (provinceCode is not null && found.Province != provinceCode)
            {
                errors.Add(new ImportError(number, "regency_city", $"{regency} tidak berada di provinsi {province}."));
            }
            else
            {
                regencyCode = found.Code;
                provinceCode ??= found.Province;
            }
        }

        // The agency may place a row without region ("Pemkab Lumajang"); a row's own region wins over its agency's.
        var resolved = agency is null ? null : names.Agency(agency);
        if (agency is not null && resolved is null && province is null && regency is null)
        {
            unresolved?.Invoke(NameKind.Agency, "agency", agency);
        }

        if (resolved is not null && province is null && regency is null)
        {
            (provinceCode, regencyCode) = (resolved.ProvinceCode, resolved.RegencyCode);
        }

        var agencyId = resolved is { Id: { } known } && (resolved.ProvinceCode is null || resolved.ProvinceCode == provinceCode) && (resolved.RegencyCode is null || resolved.RegencyCode == regencyCode) ? known : (int?)null;

        int? year = null;
        if (Text("year", 20) is { } written)
        {
            var latest = clock.JakartaNow().Year + 1;
            // Spreadsheets may write a whole number as 2019.0.
            if (!decimal.TryParse(written, NumberStyles.Number, CultureInfo.InvariantCulture, out var y) || y != decimal.Truncate(y) || y < 1945 || y > latest)
            {
                errors.Add(new ImportError(number, "year", $"tahun harus bilangan bulat antara 1945 dan {latest} (diberikan '{written}')."));
            }
            else
            {
                year = (int)y;
            }
        }

        var sector = Text("sector", 200);
        int? sectorId = null;
        if (sector is not null)
        {
            if (names.Sectors.TryGetValue(sector, out var id))
            {
                sectorId = id;
            }
            else
            {
                errors.Add(new ImportError(number, "sector", $"bidang '{sector}' tidak dikenal (kode seperti KESEHATAN)."));
            }
        }

        var awards = Codes(Text("award", 500), "award", names.AwardKinds, number, errors, "penghargaan");
        var sdgs = Codes(Text("sdgs", 500), "sdgs", names.Sdgs, number, errors, "TPB");
        var narrative = NarrativeFields.ToDictionary(f => f, f => Text(f, 20_000), StringComparer.Ordinal);
        if (errors.Count > before)
        {
            return null;
        }

        return new ExchangeRecord(source!.ToUpperInvariant(), sourceId!, name!, acronym, agency, agencyId, provinceCode, regencyCode, year, sectorId, awards, sdgs, narrative);
    }

    /// <summary>The agency the record names when the portal knows it, else the government of its region (regency or city, else province).</summary>
    public int? GovernmentId(ExchangeNames names) =>
        AgencyId ?? ((RegencyCode ?? ProvinceCode) is { } region && names.Governments.TryGetValue(region, out var government) ? government : null);

    /// <summary>What the search index reads of the innovation this record adds (as <c>SearchSources</c> would read it back).</summary>
    public SearchSource ToSearchSource(int id, int sourceSystemId, ExchangeNames names) =>
        new(id, Name, Acronym, GovernmentId(names) is { } government ? names.AgencyTitles[government] : null, Agency,
            ProvinceCode, ProvinceCode is { } province ? names.RegionTitles[province] : null,
            RegencyCode, RegencyCode is { } regency ? names.RegionTitles[regency] : null,
            SectorId, SectorId is { } sector ? names.SectorTitles[sector] : null, Year, null, InnovationStatus.Unconfirmed,
            Narrative["summary"], SearchSource.NarrativeOf(NarrativeFields.Skip(1).Select(f => Narrative[f])))
        {
            SdgIds = SdgIds,
            AwardKindIds = AwardKindIds,
            SourceSystemIds = [sourceSystemId],
        };

    public void ApplyTo(Innovation innovation, ExchangeNames names, DateTimeOffset now)
    {
        innovation.Name = Name;
        innovation.Acronym = Acronym;
        innovation.UnitName = Agency;
        innovation.ProvinceCode = ProvinceCode;
        innovation.RegencyCode = RegencyCode;
        innovation.AgencyId = GovernmentId(names);
        innovation.YearStarted = Year;
        innovation.SectorId = SectorId;
        innovation.Summary = Narrative["summary"];
        innovation.Problem = Narrative["problem"];
        innovation.Aims = Narrative["aims"];
        innovation.Novelty = Narrative["novelty"];
        innovation.Implementation = Narrative["implementation"];
        innovation.Impact = Narrative["impact"];
        innovation.Adaptability = Narrative["adaptability"];
        innovation.Resources = Narrative["resources"];
        innovation.Sustainability = Narrative["sustainability"];
        innovation.UpdatedAt = now;
        innovation.Sdgs.RemoveAll(s => !SdgIds.Contains(s.SdgId));
        innovation.Sdgs.AddRange(SdgIds.Where(id => innovation.Sdgs.All(s => s.SdgId != id)).Select(id => new InnovationSdg { SdgId = id }));
        foreach (var kind in AwardKindIds.Where(k => innovation.Awards.All(a => a.AwardKindId != k)))
        {
            innovation.AddAward(new Award { AwardKindId = kind, Year = Year ?? now.Year });
        }
    }

    // A code or a list of codes separated by ';' or ',' ("KIPP_TOP45", "KIPP_TOP99; IGA").
    private static List<int> Codes(string? written, string field, Dictionary<string, int> known, int number, List<ImportError> errors, string what)
    {
        var ids = new List<int>();
        foreach (var code in (written ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!known.TryGetValue(code, out var id))
            {
                errors.Add(new ImportError(number, field, $"kode {what} '{code}' tidak dikenal."));
                continue;
            }

            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
