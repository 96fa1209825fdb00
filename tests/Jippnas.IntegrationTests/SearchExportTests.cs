using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jippnas.IntegrationTests.Infrastructure;

namespace Jippnas.IntegrationTests;

/// <summary>A search's ranked results download as CSV and XLSX in the order of its pages, with their rank.</summary>
public abstract class SearchExportTests(SearchPortal portal)
{
    [SkippableFact]
    public async Task The_ranked_results_download_in_page_order()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var client = portal.Factory.Browser();
        var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=kartu%20tanda%20penduduk&pageSize=100")).RootElement;
        var expected = api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("innovation").GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture)).ToList();
        expected.Count.ShouldBeGreaterThan(1);

        var response = await client.GetAsync("/unduh/cari?q=kartu%20tanda%20penduduk&format=csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain("pencarian-jippnas-");
        using var csv = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => (string)r["id"]).ShouldBe(expected);
        rows.Select(r => (string)r["peringkat"]).ShouldBe(Enumerable.Range(1, expected.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)));

        var xlsx = await client.GetByteArrayAsync("/unduh/cari?q=kartu%20tanda%20penduduk&province=73&format=xlsx");
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        sheet[0].Descendants<Cell>().First().InnerText.ShouldBe("peringkat");
        sheet.Count.ShouldBeGreaterThan(1);
        sheet.Skip(1).ShouldAllBe(r => r.InnerText.Contains("Sulawesi Selatan"));
    }

    [SkippableTheory]
    [InlineData("/unduh/cari?q=ktp&format=pdf", "format")]
    [InlineData("/unduh/cari?q=ktp&format=csv&province=99", "province")]
    public async Task A_bad_parameter_is_a_400_naming_it(string path, string parameter)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var response = await portal.Factory.Browser().GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(parameter);
    }
}

public sealed class SqliteSearchExportTests(SqliteSearchPortal portal) : SearchExportTests(portal), IClassFixture<SqliteSearchPortal>;

public sealed class PostgresSearchExportTests(PostgresSearchPortal portal) : SearchExportTests(portal), IClassFixture<PostgresSearchPortal>;
