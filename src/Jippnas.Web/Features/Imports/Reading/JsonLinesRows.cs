using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Jippnas.Web.Features.Imports.Reading;

/// <summary>
/// JSON Lines: one object per line, its properties the cells. Strings and numbers are taken as written; a list
/// of strings becomes one cell with its items joined by "; " (the way a CSV cell lists codes).
/// </summary>
internal static class JsonLinesRows
{
    /// <summary>A longer line is refused (docs/exchange-format.md): nine narrative fields of 20,000 characters fit.</summary>
    public const int MaxLineLength = 200_000;

    public static async IAsyncEnumerable<ImportRow> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        var number = 0;
        var rows = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            number++;
            string? line;
            try
            {
                line = ReadLine(reader, number);
            }
            catch (DecoderFallbackException)
            {
                throw new ImportFileException(ImportFiles.NotUtf8(number));
            }

            if (line is null)
            {
                yield break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (++rows > ImportFiles.MaxRows)
            {
                throw new ImportFileException(ImportFiles.TooManyRows(number));
            }

            yield return new ImportRow(number, Cells(line, number));
        }
    }

    // Read up to the cell limit and no further, so one enormous line cannot fill the memory. The file is local
    // (an upload stored on disk), and the reader buffers: reading a character at a time does not touch the disk.
    private static string? ReadLine(TextReader reader, int number)
    {
        var line = new StringBuilder();
        int next;
        while ((next = reader.Read()) >= 0)
        {
            if (next == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            if (line.Length >= MaxLineLength)
            {
                throw new ImportFileException(new ImportError(number, "*", $"baris lebih dari {MaxLineLength:N0} karakter."));
            }

            line.Append((char)next);
        }

        return line.Length == 0 ? null : line.ToString();
    }

    private static Dictionary<string, string?> Cells(string line, int number)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw new ImportFileException(new ImportError(number, "*", $"bukan JSON yang sah ({exception.Message.Split('.')[0]})."));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ImportFileException(new ImportError(number, "*", "setiap baris harus berupa satu objek JSON."));
            }

            var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (cells.Count >= ImportFiles.MaxColumns)
                {
                    throw new ImportFileException(new ImportError(number, "*", $"lebih dari {ImportFiles.MaxColumns} kolom."));
                }

                cells[property.Name] = Cell(property.Value, property.Name, number);
            }

            return cells;
        }
    }

    private static string? Cell(JsonElement value, string name, int number) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
        JsonValueKind.Array when value.EnumerateArray().All(i => i.ValueKind is JsonValueKind.String or JsonValueKind.Number) =>
            string.Join("; ", value.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : i.GetRawText())),
        _ => throw new ImportFileException(new ImportError(number, name, "harus berupa teks, angka atau daftar teks.")),
    };
}
