using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Innovations;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests;

/// <summary>Exports write to their own database: a record named like a formula is added to prove neutralisation.</summary>
public abstract class ExportTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task The_filtered_list_downloads_as_CSV_and_XLSX_without_contacts_or_formulas()
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var portal = new PortalFactory(database);
        await portal.WithDbAsync(async db =>
        {
            db.Innovations.Add(new Innovation
            {
                Name = "=HYPERLINK(\"http://evil.example\",\"klik\")",
                Acronym = "@SUM(A1)",
                ProvinceCode = "16",
                ContactEmail = "rahasia@example.go.id",
                Provenance = Provenance.Submitted,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var client = portal.Browser();

        var csvResponse = await client.GetAsync("/unduh/inovasi?province=16&format=csv");
        csvResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        csvResponse.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var text = await csvResponse.Content.ReadAsStringAsync();
        text.ShouldNotContain("rahasia@example.go.id");
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var records = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        records.Count.ShouldBe(5);
        records.Select(r => (string)r["akronim"]).ShouldContain("POLTABES");
        records.ShouldAllBe(r => (string)r["kode_provinsi"] == "16");
        var formula = records.Single(r => ((string)r["nama"]).Contains("HYPERLINK"));
        ((string)formula["nama"]).ShouldStartWith("'=");
        ((string)formula["akronim"]).ShouldBe("'@SUM(A1)");

        var xlsx = await client.GetByteArrayAsync("/unduh/inovasi?province=16&regency=16.71&format=xlsx");
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        rows.Count.ShouldBe(2);
        rows[0].Descendants<Cell>().First().InnerText.ShouldBe("id");
        rows[1].InnerText.ShouldContain("POLTABES");
        rows[1].InnerText.ShouldContain("Kota Palembang");
    }

    [SkippableTheory]
    [InlineData("format=pdf", "format")]
    [InlineData("format=csv&year=abc", "year")]
    [InlineData("format=xlsx&province=99", "province")]
    public async Task Bad_export_parameters_are_named(string query, string parameter)
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var portal = new PortalFactory(database);
        var response = await portal.Browser().GetAsync("/unduh/inovasi?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue();
    }
}

public sealed class SqliteExportTests() : ExportTests(DatabaseProvider.Sqlite)
{
    /// <summary>A download that is still being read holds its permit; the next one beyond the limit gets 429.</summary>
    [Fact]
    public async Task Exports_beyond_the_concurrency_limit_are_refused_with_retry_after()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var portal = new PortalFactory(database, new Dictionary<string, string>
        {
            ["Jippnas:Exports:Concurrent"] = "1",
            ["Jippnas:Exports:Queued"] = "0",
        });
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SyntheticInnovations>().AddAsync(20_000, seed: 3, progress: null, CancellationToken.None);
        }

        var client = portal.Browser();
        using var first = await client.GetAsync("/unduh/inovasi?format=csv", HttpCompletionOption.ResponseHeadersRead);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var second = await client.GetAsync("/unduh/inovasi?format=csv&province=16");
        second.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        second.Headers.RetryAfter.ShouldNotBeNull();

        (await first.Content.ReadAsStringAsync()).Split('\n').Length.ShouldBeGreaterThan(20_000);
        using var third = await client.GetAsync("/unduh/inovasi?format=csv&province=16");
        third.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class PostgresExportTests() : ExportTests(DatabaseProvider.PostgreSql);
