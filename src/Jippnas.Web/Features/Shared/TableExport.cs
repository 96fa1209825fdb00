using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jippnas.Web.Features.Shared;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes a table as CSV (UTF-8 with BOM, so Excel reads the Indonesian text right) or XLSX, row by row.
/// Text that a spreadsheet would take for a formula (starting with = + - @, tab or CR) is prefixed with an
/// apostrophe in both formats (OWASP CSV injection).
/// </summary>
public static class TableExport
{
    public static bool TryParseFormat(string? value, out ExportFormat format)
    {
        format = value?.ToLowerInvariant() switch
        {
            null or "" or "csv" => ExportFormat.Csv,
            "xlsx" => ExportFormat.Xlsx,
            _ => (ExportFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    public static string Neutralise(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? "";

    /// <summary>One CSV cell, quoted, with a formula neutralised: for small files built in memory.</summary>
    public static string CsvCell(string value) => "\"" + Neutralise(value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static async Task WriteAsync(HttpResponse response, ExportFormat format, string fileName, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}\"";
        response.Headers.CacheControl = "no-store";
        if (format == ExportFormat.Csv)
        {
            response.ContentType = "text/csv; charset=utf-8";
            await WriteCsvAsync(response.Body, headers, rows, cancellationToken);
            return;
        }

        response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        // The package format needs a seekable stream: build it in a temporary file, then send it.
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await WriteXlsxAsync(file, headers, rows, cancellationToken);
            }

            response.ContentLength = new FileInfo(path).Length;
            await response.SendFileAsync(path, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task WriteCsvAsync(Stream body, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
        foreach (var header in headers)
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var cell in row)
            {
                csv.WriteField(cell is string text ? Neutralise(text) : Convert.ToString(cell, CultureInfo.InvariantCulture));
            }

            await csv.NextRecordAsync();
        }
    }

    private static async Task WriteXlsxAsync(Stream stream, IReadOnlyList<string> headers, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, headers.Cast<object?>().ToArray());
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                WriteRow(writer, row);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "JIPPNas" }));
        workbook.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, object?[] cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in cells)
        {
            Cell cell = value switch
            {
                null => new Cell(),
                int or long or decimal or double => new Cell
                {
                    DataType = CellValues.Number,
                    CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
                },
                _ => new Cell(new InlineString(new Text(Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture))) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    DataType = CellValues.InlineString,
                },
            };
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }
}
