using System.Text;

namespace Jippnas.Web.Features.Imports.Reading;

/// <summary>One row of an import file: its number as the curator sees it (the spreadsheet row, or the line of a JSON Lines file) and its cells by column.</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string?> Cells);

/// <summary>The file cannot be read further: one error, naming the row and column where it was found.</summary>
public sealed class ImportFileException(ImportError error) : Exception(error.ToString())
{
    public ImportError Error { get; } = error;
}

public enum ImportFormat
{
    Csv,
    Xlsx,
    JsonLines,
}

/// <summary>
/// Opens an import file as rows, whatever its format: the format comes from the content (a zip is XLSX, a
/// line starting with '{' is JSON Lines, other text is CSV), the text encoding from its byte-order mark or a
/// strict UTF-8 check of its start (else Windows-1252, what Excel writes on Indonesian Windows).
/// Rows are read as they are needed: a file is never held in memory whole.
/// </summary>
public static class ImportFiles
{
    public const int MaxRows = 200_000;
    public const int MaxColumns = 100;

    /// <summary>A cell longer than this stops the reading (what fields keep is checked later, by field).</summary>
    public const int MaxCellLength = 1_000_000;

    private const int Sniff = 64 * 1024;

    static ImportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The format of a file, from its first bytes (the stream is left where it was).</summary>
    public static ImportFormat Detect(Stream stream) => Examine(stream).Format;

    /// <summary>The rows of the file, read lazily; throws <see cref="ImportFileException"/> where the file cannot be read.</summary>
    public static IAsyncEnumerable<ImportRow> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var (format, encoding, bom) = Examine(stream);
        if (format == ImportFormat.Xlsx)
        {
            return XlsxRows.ReadAsync(stream, cancellationToken);
        }

        stream.Seek(bom, SeekOrigin.Current);
        var reader = new StreamReader(stream, encoding!, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        return format == ImportFormat.JsonLines ? JsonLinesRows.ReadAsync(reader, cancellationToken) : CsvRows.ReadAsync(reader, cancellationToken);
    }

    // Format, text encoding (none for XLSX) and byte-order mark length, from one sample of the file's start.
    private static (ImportFormat Format, Encoding? Encoding, int Bom) Examine(Stream stream)
    {
        var start = Peek(stream, Sniff);
        if (start.Length == 0)
        {
            throw new ImportFileException(new ImportError(0, "*", "berkas kosong: tidak ada satu baris data pun."));
        }

        if (start.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return (ImportFormat.Xlsx, null, 0);
        }

        var (encoding, bom) = TextEncoding(start);
        // A sample cut inside a character is no error: decode without flushing, as the encoding check does.
        var sample = new char[encoding.GetMaxCharCount(start.Length)];
        var length = encoding.GetDecoder().GetChars(start, bom, start.Length - bom, sample, 0, flush: false);
        var text = new string(sample, 0, length).TrimStart();
        if (text.Length == 0 && stream.Length - stream.Position <= Sniff)
        {
            throw new ImportFileException(new ImportError(0, "*", "berkas kosong: tidak ada satu baris data pun."));
        }

        return (text.StartsWith('{') ? ImportFormat.JsonLines : ImportFormat.Csv, encoding, bom);
    }

    /// <summary>The encoding of a text file from its first bytes, and the length of its byte-order mark.</summary>
    internal static (Encoding Encoding, int Bom) TextEncoding(byte[] start)
    {
        var span = start.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (StrictUtf8, 3);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (span.Contains((byte)0))
        {
            throw new ImportFileException(new ImportError(0, "*", "berkas biner, bukan CSV, XLSX atau JSON Lines (atau teks UTF-16 tanpa penanda urutan byte)."));
        }

        // Strict UTF-8 for the start; a sequence cut by the end of the sample is not an error.
        var decoder = StrictUtf8.GetDecoder();
        try
        {
            var chars = new char[StrictUtf8.GetMaxCharCount(start.Length)];
            decoder.GetChars(start, 0, start.Length, chars, 0, flush: false);
            return (StrictUtf8, 0);
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback), 0);
        }
    }

    /// <summary>UTF-8 that throws on invalid bytes rather than replacing them.</summary>
    internal static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static byte[] Peek(Stream stream, int count)
    {
        var position = stream.Position;
        var buffer = new byte[count];
        var read = 0;
        while (read < count && stream.Read(buffer, read, count - read) is > 0 and var n)
        {
            read += n;
        }

        stream.Position = position;
        return buffer[..read];
    }

    /// <summary>The message for invalid UTF-8 found after the checked start of a file.</summary>
    internal static ImportError NotUtf8(int row) =>
        new(row, "*", "teks bukan UTF-8 yang sah mulai sekitar baris ini; simpan ulang berkas sebagai CSV UTF-8.");

    internal static ImportError TooManyRows(int row) =>
        new(row, "*", $"berkas lebih dari {MaxRows:N0} baris data: bagi menjadi beberapa berkas.");
}
