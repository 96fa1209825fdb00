using System.Globalization;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Hubs;
using Jippnas.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Compliance;

/// <summary>
/// The writes behind one agency, one innovation: a government's regional agencies (OPD) entered a line each, and a
/// province's policy. Checked first, each problem naming its line or field; written whole or not at all.
/// </summary>
public sealed class ComplianceDesk(JippnasDb db, TimeProvider clock)
{
    public const int MaxLines = 200;

    /// <summary>
    /// Adds the agencies written one per line ("Dinas Kesehatan" or "Dinas Kesehatan; DINKES") under a government;
    /// a name the government already has is left as it is. The number added, or the problems by line.
    /// </summary>
    public async Task<HubOutcome> AddOpdsAsync(int governmentId, string? text, CancellationToken cancellationToken)
    {
        var government = await db.Agencies.FirstOrDefaultAsync(a => a.Id == governmentId && ComplianceQueries.GovernmentKinds.Contains(a.Kind), cancellationToken);
        if (government is null)
        {
            return HubOutcome.Refused("", "Pemerintah daerah ini tidak ditemukan.");
        }

        var lines = (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var count = lines.Count(l => l.Trim().Length > 0);
        if (count == 0)
        {
            return HubOutcome.Refused("opds", "Daftar OPD: tulis satu nama OPD per baris.");
        }

        if (count > MaxLines)
        {
            return HubOutcome.Refused("opds", $"Daftar OPD: paling banyak {MaxLines} baris sekali simpan ({count} ditulis).");
        }

        var problems = new List<(string, string)>();

        var existing = (await db.Agencies.Where(a => a.ParentId == governmentId && a.Kind == AgencyKind.RegionalAgency).Select(a => a.Name).ToListAsync(cancellationToken))
            .Select(ComplianceQueries.Normalize).ToHashSet(StringComparer.Ordinal);
        var added = new List<Agency>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(';', 2);
            var name = parts[0].Trim();
            var acronym = parts.Length > 1 && parts[1].Trim().Length > 0 ? parts[1].Trim() : null;
            if (name.Length is < 3 or > 300 || name.Any(char.IsControl))
            {
                problems.Add(("opds", $"Daftar OPD, baris {i + 1}: nama OPD 3–300 karakter ('{(name.Length > 40 ? name[..40] + "…" : name)}')."));
                continue;
            }

            if (acronym?.Length > 50)
            {
                problems.Add(("opds", $"Daftar OPD, baris {i + 1}: singkatan paling panjang 50 karakter."));
                continue;
            }

            if (existing.Add(ComplianceQueries.Normalize(name)))
            {
                added.Add(new Agency { Name = name, Acronym = acronym, Kind = AgencyKind.RegionalAgency, RegionCode = government.RegionCode, ParentId = governmentId });
            }
        }

        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        db.Agencies.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return HubOutcome.Done(added.Count);
    }

    /// <summary>Records (or changes) that a province adopted the policy from a year, under a decree.</summary>
    public async Task<HubOutcome> SetPolicyAsync(string provinceCode, string? fromYear, string? decree, int userId, CancellationToken cancellationToken)
    {
        var problems = new List<(string, string)>();
        var thisYear = clock.JakartaNow().Year;
        if (!int.TryParse(fromYear?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2010 || year > thisYear + 1)
        {
            problems.Add(("from_year", $"Berlaku sejak tahun: '{fromYear}' harus tahun antara 2010 dan {thisYear + 1}."));
        }

        decree = string.IsNullOrWhiteSpace(decree) ? null : decree.Trim();
        if (decree?.Length > ProvincePolicy.MaxDecree)
        {
            problems.Add(("decree", $"Dasar hukum: paling panjang {ProvincePolicy.MaxDecree} karakter."));
        }

        if (!await db.Regions.AnyAsync(r => r.Code == provinceCode && r.Level == RegionLevel.Province, cancellationToken))
        {
            problems.Add(("", "Provinsi ini tidak ditemukan."));
        }

        if (problems.Count > 0)
        {
            return new HubOutcome(null, problems);
        }

        var policy = await db.ProvincePolicies.AsTracking().FirstOrDefaultAsync(p => p.ProvinceCode == provinceCode, cancellationToken);
        if (policy is null)
        {
            policy = new ProvincePolicy { ProvinceCode = provinceCode };
            db.ProvincePolicies.Add(policy);
        }

        (policy.AdoptedFromYear, policy.Decree, policy.RecordedBy, policy.RecordedAt) = (year, decree, userId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return HubOutcome.Done(year);
    }
}
