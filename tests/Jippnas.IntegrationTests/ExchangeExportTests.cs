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

    [SkippableFact]
    public async Task Innovations_from_no_source_come_back_as_themselves()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        await using var database = await TestDatabase.CreateAsync(portal.Provider);
        await using var fresh = new PortalFactory(database);
        await using (var scope = fresh.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Jippnas.Web.Features.Innovations.SyntheticInnovations>().AddAsync(12, 7, null, CancellationToken.None);
        }

        var bytes = await fresh.Browser().GetByteArrayAsync("/unduh/pertukaran.jsonl");
        var native = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains("\"source_id\":\"JIPPNAS-", StringComparison.Ordinal));
        native.ShouldBe(12);
        var before = await fresh.WithDbAsync(db => db.Innovations.CountAsync());

        var preview = await ImportAsync(fresh, bytes, dryRun: true);
        (preview.Added, preview.Updated).ShouldBe((0, preview.Updated));
        preview.Updated.ShouldBeGreaterThanOrEqualTo(12);
        var saved = await ImportAsync(fresh, bytes);
        saved.Added.ShouldBe(0);
        (await fresh.WithDbAsync(db => db.Innovations.CountAsync())).ShouldBe(before);
        // Now they have a source identity: the same file again changes nothing.
        (await ImportAsync(fresh, bytes)).Unchanged.ShouldBe(saved.Updated + saved.Unchanged);

        // Only the id as the export writes it names an innovation: "JIPPNAS-07" is a record of its own, never #7.
        var line = Encoding.UTF8.GetString(bytes).Split('\n').First(l => l.Contains("\"source_id\":\"JIPPNAS-", StringComparison.Ordinal));
        var id = int.Parse(System.Text.RegularExpressions.Regex.Match(line, "\"source_id\":\"JIPPNAS-(\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var name = await fresh.WithDbAsync(db => db.Innovations.Where(i => i.Id == id).Select(i => i.Name).SingleAsync());
        var padded = line.Replace($"\"JIPPNAS-{id}\"", $"\"JIPPNAS-0{id}\"", StringComparison.Ordinal)
            .Replace(System.Text.Json.JsonSerializer.Serialize(name), "\"Nama Yang Lain Sama Sekali\"", StringComparison.Ordinal);
        (await ImportAsync(fresh, Encoding.UTF8.GetBytes(padded + "\n"))).Added.ShouldBe(1);
        (await fresh.WithDbAsync(db => db.Innovations.Where(i => i.Id == id).Select(i => i.Name).SingleAsync())).ShouldBe(name);
    }

    private static async Task<ImportSummary> ImportAsync(PortalFactory factory, byte[] bytes, bool dryRun = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeImport>().ImportAsync(() => new MemoryStream(bytes), dryRun: dryRun);
    }
}

public sealed class SqliteExchangeExportTests(SqliteSearchPortal portal) : ExchangeExportTests(portal), IClassFixture<SqliteSearchPortal>;

public sealed class PostgresExchangeExportTests(PostgresSearchPortal portal) : ExchangeExportTests(portal), IClassFixture<PostgresSearchPortal>;
