using System.Net;
using System.Text;
using System.Text.Json;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests;

/// <summary>
/// The whole public database downloads in the exchange format, without contacts, and imports into another
/// JIPPNas as the same innovations; imported back into its own portal it doubles nothing.
/// </summary>
public abstract class ExchangeExportTests(SearchPortal portal)
{
    [SkippableFact]
    public async Task The_export_imports_elsewhere_as_the_same_innovations_and_here_as_no_new_ones()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var response = await portal.Factory.Browser().GetAsync("/unduh/pertukaran.jsonl");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Link").Single().ShouldContain("rel=\"license\"");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(SearchPortal.Lines.Length);
        var first = JsonDocument.Parse(lines.Single(l => l.Contains(Rec.KtpDisabilitas, StringComparison.Ordinal))).RootElement;
        (first.GetProperty("source").GetString(), first.GetProperty("regency_city").GetString()).ShouldBe(("IGA", "73.71"));
        first.GetProperty("sdgs").EnumerateArray().Select(s => s.GetString()).ShouldBe(["SDG10", "SDG16"], ignoreOrder: true);
        lines.ShouldAllBe(l => !l.Contains("contact", StringComparison.OrdinalIgnoreCase));

        // Into a fresh portal: the same innovations.
        await using var database = await TestDatabase.CreateAsync(portal.Provider);
        await using var other = new PortalFactory(database);
        var summary = await ImportAsync(other, bytes);
        summary.Errors.ShouldBeEmpty();
        summary.Added.ShouldBe(SearchPortal.Lines.Length);
        var names = await other.WithDbAsync(db => db.Innovations.Where(i => i.SourceRecords.Any(s => s.ExternalId == Rec.KtpDisabilitas))
            .Select(i => new { i.Name, i.RegencyCode, i.AwardCount }).SingleAsync());
        names.Name.ShouldBe(SearchPortal.Lines.Single(l => l.SourceId == Rec.KtpDisabilitas).Name);
        (names.RegencyCode, names.AwardCount).ShouldBe(("73.71", 1));

        // Into its own portal: matched by source identity, nothing added.
        (await ImportAsync(portal.Factory, bytes, dryRun: true)).Added.ShouldBe(0);
    }

    private static async Task<ImportSummary> ImportAsync(PortalFactory factory, byte[] bytes, bool dryRun = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeImport>().ImportAsync(() => new MemoryStream(bytes), dryRun: dryRun);
    }
}

public sealed class SqliteExchangeExportTests(SqliteSearchPortal portal) : ExchangeExportTests(portal), IClassFixture<SqliteSearchPortal>;

public sealed class PostgresExchangeExportTests(PostgresSearchPortal portal) : ExchangeExportTests(portal), IClassFixture<PostgresSearchPortal>;
