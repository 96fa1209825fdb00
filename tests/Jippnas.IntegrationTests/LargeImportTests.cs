using System.Text;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests;

/// <summary>
/// A file large enough for the bulk path (tallies recounted once on PostgreSQL, no lookups for an all-new file,
/// statistics refreshed) leaves the same tallies and index as row-by-row writes would, and imports again unchanged.
/// </summary>
public abstract class LargeImportTests(PortalFixture portal)
{
    [SkippableFact]
    public async Task A_file_of_1200_rows_keeps_the_tallies_and_the_index_true_and_imports_again_unchanged()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var csv = new StringBuilder("ID Proposal,Judul Inovasi,Kabupaten/Kota,Tahun Inisiasi,Bidang\n");
        for (var i = 0; i < 1_200; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"LG-{i},Layanan Kelurahan Tanggap Nomor {i},{(i % 2 == 0 ? "35.08" : "16.71")},{2010 + (i % 12)},{(i % 3 == 0 ? "KESEHATAN" : "PENDIDIKAN")}\n");
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        (await ImportAsync(bytes)).Added.ShouldBe(1_200);

        var (tallies, counted, indexed) = await portal.Factory.WithDbAsync(async db => (
            await db.Tallies.Where(t => t.Dimension == "regency" && (t.Key == "35.08" || t.Key == "16.71")).ToDictionaryAsync(t => t.Key, t => t.Count),
            await db.Innovations.Where(i => i.IsPublished && (i.RegencyCode == "35.08" || i.RegencyCode == "16.71")).GroupBy(i => i.RegencyCode!).ToDictionaryAsync(g => g.Key, g => g.Count()),
            await db.SourceRecords.CountAsync(s => s.ExternalId.StartsWith("LG-"))));
        tallies.OrderBy(t => t.Key, StringComparer.Ordinal).ShouldBe(counted.OrderBy(c => c.Key, StringComparer.Ordinal)); // the rows come in no set order
        indexed.ShouldBe(1_200);
        // Every row is searchable: half of them in Lumajang.
        var search = await portal.Factory.CreateClient().GetStringAsync("/api/v1/search?q=kelurahan+tanggap&regency=35.08");
        search.ShouldContain("\"total\":600,");

        // The word counts the import gathered chunk by chunk are those a rebuild of the whole index finds.
        var words = await WordCountsAsync();
        words.ShouldContain(("tanggap", 1_200));
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Jippnas.Web.Features.Search.SearchIndexer>().RebuildAsync(null, CancellationToken.None);
        }

        (await WordCountsAsync()).ShouldBe(words);

        var again = await ImportAsync(bytes);
        (again.Added, again.Updated, again.Unchanged).ShouldBe((0, 0, 1_200));
    }

    private async Task<List<(string Word, int Documents)>> WordCountsAsync() =>
        [.. (await portal.Factory.WithDbAsync(db => db.SearchWords.Select(w => new { w.Word, w.DocumentCount }).ToListAsync()))
            .Select(w => (w.Word, w.DocumentCount)).OrderBy(w => w.Word, StringComparer.Ordinal)];

    private async Task<ImportSummary> ImportAsync(byte[] bytes)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<ExchangeImport>().ImportAsync(() => new MemoryStream(bytes), "KIPP");
        summary.Errors.ShouldBeEmpty();
        return summary;
    }
}

public sealed class SqliteLargeImportTests(SqliteImportPortal portal) : LargeImportTests(portal), IClassFixture<SqliteImportPortal>;

public sealed class PostgresLargeImportTests(PostgresImportPortal portal) : LargeImportTests(portal), IClassFixture<PostgresImportPortal>;
