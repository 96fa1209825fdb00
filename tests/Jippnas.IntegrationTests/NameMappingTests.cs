using System.Text;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests;

/// <summary>Names as sources write them: resolved by rule, or listed for a curator to map once and then remembered.</summary>
public abstract class NameMappingTests(PortalFixture portal)
{
    private const string Header = "ID Proposal,Judul Inovasi,Instansi,Provinsi,Kabupaten/Kota\n";

    [SkippableFact]
    public async Task An_unknown_region_is_listed_once_with_its_rows_and_resolves_after_a_curator_maps_it()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var csv = Header + "NM-01,Satu,,,Kab. OKU\nNM-02,Dua,,,KAB OKU\nNM-03,Tiga,,,Kab. Lumajang\n";

        var first = await ImportAsync(csv);
        first.Committed.ShouldBeFalse();
        first.Errors.Select(e => (e.Line, e.Field)).ShouldBe([(2, "regency_city"), (3, "regency_city")]);
        var name = first.Unresolved.ShouldHaveSingleItem();
        name.ShouldBe(new UnresolvedName(NameKind.Region, "regency_city", "Kab. OKU", 2, 2));
        (await CountAsync("NM-")).ShouldBe(0);

        (await MapAsync(NameKind.Region, "Kab. OKU", "16.01")).ShouldBeNull();

        var second = await ImportAsync(csv);
        second.Committed.ShouldBeTrue();
        second.Unresolved.ShouldBeEmpty();
        (await RegionsAsync("NM-")).ShouldBe(new Dictionary<string, (string?, string?)>
        {
            ["NM-01"] = ("16", "16.01"), ["NM-02"] = ("16", "16.01"), ["NM-03"] = ("35", "35.08"),
        });
    }

    [SkippableFact]
    public async Task An_agency_places_a_row_without_region_and_an_unknown_one_is_listed_but_not_refused()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var csv = Header
            + "AG-01,Satu,Pemkab Lumajang,,\n"
            + "AG-02,Dua,Dinas Kesehatan Kabupaten Banyuwangi,,\n"
            + "AG-03,Tiga,Dinas ABC Terpadu,,\n"
            + "AG-04,Empat,Dinas ABC Terpadu,Jawa Timur,\n";

        var summary = await ImportAsync(csv);

        summary.Committed.ShouldBeTrue();
        summary.Unresolved.ShouldHaveSingleItem().ShouldBe(new UnresolvedName(NameKind.Agency, "agency", "Dinas ABC Terpadu", 1, 4));
        var regions = await RegionsAsync("AG-");
        regions["AG-01"].ShouldBe(("35", "35.08"));
        regions["AG-02"].ShouldBe(("35", "35.10"));
        regions["AG-03"].ShouldBe(((string?)null, (string?)null));
        regions["AG-04"].ShouldBe(("35", (string?)null));
        var governments = await portal.Factory.WithDbAsync(db => db.Agencies.Where(a => a.ParentId == null && (a.RegionCode == "35.08" || a.RegionCode == "35.10"))
            .ToDictionaryAsync(a => a.RegionCode!, a => a.Id));
        var agencies = await portal.Factory.WithDbAsync(db => db.SourceRecords.Where(s => s.ExternalId.StartsWith("AG-"))
            .Join(db.Innovations, s => s.InnovationId, i => i.Id, (s, i) => new { s.ExternalId, i.AgencyId, i.UnitName }).ToListAsync());
        agencies.Single(a => a.ExternalId == "AG-01").AgencyId.ShouldBe(governments["35.08"]);
        agencies.Single(a => a.ExternalId == "AG-02").AgencyId.ShouldBe(governments["35.10"]);
        agencies.Single(a => a.ExternalId == "AG-02").UnitName.ShouldBe("Dinas Kesehatan Kabupaten Banyuwangi");

        (await MapAsync(NameKind.Agency, "DINAS ABC TERPADU", "Kota Palembang")).ShouldBeNull();
        var later = await ImportAsync(Header + "AG-05,Lima,Dinas ABC Terpadu,,\n");
        later.Unresolved.ShouldBeEmpty();
        (await RegionsAsync("AG-05"))["AG-05"].ShouldBe(("16", "16.71"));
    }

    [SkippableTheory]
    [InlineData("", "16.01", "nama")]
    [InlineData("Kab. OKU", "", "Kab. OKU")]
    [InlineData("Kab. OKU", "Atlantis", "Atlantis")]
    [InlineData("Kab. OKU", "99.99", "99.99")]
    public async Task A_mapping_to_nothing_known_is_refused_naming_what_is_wrong_and_nothing_is_stored(string written, string target, string named)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var before = await portal.Factory.WithDbAsync(db => db.NameMappings.CountAsync());

        var problem = await MapAsync(NameKind.Region, written, target);

        problem.ShouldNotBeNull().ShouldContain(named);
        (await portal.Factory.WithDbAsync(db => db.NameMappings.CountAsync())).ShouldBe(before);
    }

    private async Task<ImportSummary> ImportAsync(string csv)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var bytes = Encoding.UTF8.GetBytes(csv);
        return await scope.ServiceProvider.GetRequiredService<ExchangeImport>().ImportAsync(() => new MemoryStream(bytes), "KIPP");
    }

    private async Task<string?> MapAsync(NameKind kind, string written, string target)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NameMappings>().MapAsync(kind, written, target, "kurator", CancellationToken.None);
    }

    private Task<int> CountAsync(string prefix) =>
        portal.Factory.WithDbAsync(db => db.SourceRecords.CountAsync(s => s.ExternalId.StartsWith(prefix)));

    private Task<Dictionary<string, (string?, string?)>> RegionsAsync(string prefix) => portal.Factory.WithDbAsync(async db =>
        (await db.SourceRecords.Where(s => s.ExternalId.StartsWith(prefix))
            .Join(db.Innovations, s => s.InnovationId, i => i.Id, (s, i) => new { s.ExternalId, i.ProvinceCode, i.RegencyCode }).ToListAsync())
        .ToDictionary(r => r.ExternalId, r => (r.ProvinceCode, r.RegencyCode)));
}

public sealed class SqliteNameMappingTests(SqliteImportPortal portal) : NameMappingTests(portal), IClassFixture<SqliteImportPortal>;

public sealed class PostgresNameMappingTests(PostgresImportPortal portal) : NameMappingTests(portal), IClassFixture<PostgresImportPortal>;
