using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests;

public abstract class ReferenceDataTests(PortalFixture portal)
{
    [SkippableFact]
    public async Task All_provinces_and_regencies_are_loaded_with_Kemendagri_codes()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var (provinces, regencies, cities, orphans) = await portal.Factory.WithDbAsync(async db => (
            await db.Regions.CountAsync(r => r.Level == RegionLevel.Province),
            await db.Regions.CountAsync(r => r.Level == RegionLevel.Regency),
            await db.Regions.CountAsync(r => r.Level == RegionLevel.City),
            await db.Regions.CountAsync(r => r.Level != RegionLevel.Province && r.Parent == null)));

        provinces.ShouldBe(38);
        regencies.ShouldBe(416);
        cities.ShouldBe(98);
        orphans.ShouldBe(0);
    }

    [SkippableFact]
    public async Task Every_region_has_a_government_agency()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var palembang = await portal.Factory.WithDbAsync(db => db.Agencies.SingleAsync(a => a.RegionCode == "16.71"));
        palembang.Name.ShouldBe("Pemerintah Kota Palembang");
        palembang.Kind.ShouldBe(AgencyKind.CityGovernment);
        (await portal.Factory.WithDbAsync(db => db.Agencies.CountAsync(a => a.RegionCode != null))).ShouldBe(552);
    }

    [SkippableFact]
    public async Task The_twelve_hubs_of_the_seeds_carry_their_decrees()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var hubs = await portal.Factory.WithDbAsync(db => db.Hubs.Include(h => h.Designations).ToListAsync());

        hubs.Count.ShouldBe(12);
        var first = hubs.Where(h => h.Designations.Any(d => d.Year == 2020)).Select(h => h.ProvinceCode).Order().ToList();
        first.ShouldBe(["13", "16", "19", "33", "35", "63", "73", "75"]);
        hubs.Where(h => h.Designations.Any(d => d.Year == 2020)).ShouldAllBe(h => h.Designations[0].DecreeNumber == "KepmenPANRB No. 94 Tahun 2020");
        hubs.Where(h => h.Designations.Any(d => d.Year == 2021)).Select(h => h.ProvinceCode).Order().ShouldBe(["14", "51", "61", "81"]);
    }

    [SkippableFact]
    public async Task The_seed_innovations_are_facts_with_their_source_and_no_synthetic_rows_exist()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var innovations = await portal.Factory.WithDbAsync(db => db.Innovations.Include(i => i.SourceRecords).Include(i => i.Awards).ToListAsync());

        innovations.Count.ShouldBe(6);
        innovations.ShouldAllBe(i => i.Provenance == Provenance.PublishedFact && i.SourceRecords.Count == 1 && i.ProvenanceNote != null);
        innovations.ShouldNotContain(i => i.Provenance == Provenance.Synthetic);
        var poltabes = innovations.Single(i => i.Acronym == "POLTABES");
        poltabes.RegencyCode.ShouldBe("16.71");
        poltabes.Awards.Single().Year.ShouldBe(2020);
        innovations.Select(i => i.Acronym).ShouldContain("GEMA DAYA PENTAS OKU");
        innovations.Select(i => i.Acronym).ShouldContain("SAGARURUNG KELI SELAI");
    }

    [SkippableFact]
    public async Task Loading_reference_data_again_adds_nothing()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<Jippnas.Web.Data.ReferenceDataLoader>();
        await loader.LoadAsync(CancellationToken.None);

        var counts = await portal.Factory.WithDbAsync(async db => (await db.Regions.CountAsync(), await db.Agencies.CountAsync(), await db.Hubs.CountAsync(), await db.Innovations.CountAsync(), await db.Sectors.CountAsync()));
        counts.ShouldBe((552, 556, 12, 6, 35));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteReferenceDataTests(SqlitePortal portal) : ReferenceDataTests(portal);

[Collection(PostgresCollection.Name)]
public sealed class PostgresReferenceDataTests(PostgresPortal portal) : ReferenceDataTests(portal);
