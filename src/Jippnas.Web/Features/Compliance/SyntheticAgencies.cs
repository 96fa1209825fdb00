using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Compliance;

/// <summary>
/// Gives a regional government synthetic agencies (OPD) and years of innovations for trials and the compliance
/// benchmark: every agency a name marked "[Sintetis]", every innovation <see cref="Provenance.Synthetic"/>. Half of
/// the innovations are recorded under the agency, half under the government with the agency as unit (as imports
/// write them), so both ways of counting are exercised; a seeded generator makes a load the same every time.
/// </summary>
public sealed class SyntheticAgencies(JippnasDb db, TimeProvider clock)
{
    /// <summary>Adds <paramref name="agencies"/> agencies to the government and 0–4 innovations per agency and year over <paramref name="years"/> years to this one.</summary>
    public async Task<(int Agencies, int Innovations)> LoadAsync(int governmentId, int agencies, int years, int seed, CancellationToken cancellationToken)
    {
        var government = await db.Agencies.FirstOrDefaultAsync(a => a.Id == governmentId && ComplianceQueries.GovernmentKinds.Contains(a.Kind), cancellationToken)
            ?? throw new ArgumentException($"Agency {governmentId} is not a regional government.", nameof(governmentId));
        var region = government.RegionCode!;
        var province = ComplianceQueries.ProvinceOf(region);
        var regency = region.Contains('.', StringComparison.Ordinal) ? region : null;
        var random = new Random(seed);
        var now = clock.GetUtcNow();
        var thisYear = now.Year;
        var added = Enumerable.Range(1, agencies).Select(n => new Agency
        {
            Name = $"[Sintetis] Dinas {n:00} {government.Name}", Acronym = $"SIN{n:00}", Kind = AgencyKind.RegionalAgency, RegionCode = region, ParentId = governmentId,
        }).ToList();
        db.Agencies.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);

        var innovations = new List<Innovation>();
        foreach (var agency in added)
        {
            for (var year = thisYear - years + 1; year <= thisYear; year++)
            {
                for (var k = random.Next(0, 5); k > 0; k--)
                {
                    var underGovernment = random.Next(2) == 0;
                    var stopped = random.Next(6) == 0;
                    innovations.Add(new Innovation
                    {
                        Name = $"[Sintetis] Inovasi {agency.Acronym} {year}-{k}", Provenance = Provenance.Synthetic, IsPublished = true,
                        AgencyId = underGovernment ? governmentId : agency.Id, UnitName = underGovernment ? agency.Name : null,
                        ProvinceCode = province, RegencyCode = regency, YearStarted = year,
                        Status = stopped ? InnovationStatus.Stopped : InnovationStatus.Running,
                        StatusConfirmedOn = stopped ? new DateOnly(Math.Min(year + random.Next(0, 3), thisYear), 6, 30) : null,
                        CreatedAt = now, UpdatedAt = now,
                    });
                }
            }
        }

        db.Innovations.AddRange(innovations);
        await db.SaveChangesAsync(cancellationToken);
        return (added.Count, innovations.Count);
    }
}
