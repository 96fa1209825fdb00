using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;

namespace Jippnas.Web.Features.Imports.Reading;

/// <summary>
/// The first worksheet of an XLSX workbook, streamed with an XML reader: the first row with any value holds the
/// column names. Before anything is decompressed the zip directory is checked against a zip bomb (the total
/// size and the compression ratio of each part), and every part is read through a counter that stops at the
/// size the directory declared.
/// </summary>
internal static class XlsxRows
{
    public const long MaxUncompressed = 200L * 1024 * 1024;
    public const long MaxSharedStrings = 100L * 1024 * 1024;
    private const int MaxRatio = 100;
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static async IAsyncEnumerable<ImportRow> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        using var zip = Open(stream);
        var sheet = zip.GetEntry(FirstSheet(zip)) ?? throw NotXlsx("lembar kerja pertama tidak ada di dalam berkas.");
        var strings = SharedStrings(zip);
        using var reader = XmlReader.Create(Bounded(sheet), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, XmlResolver = null });
        List<string>? columns = null;
        var rows = 0;
        var number = 0;
        while (Read(reader))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row" || reader.NamespaceURI != MainNamespace)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            number = int.TryParse(reader.GetAttribute("r"), out var r) ? r : number + 1;
            var values = Row(reader, strings, number);
            if (values.Count == 0 || values.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (columns is null)
            {
                columns = Columns(values, number);
                continue;
            }

            if (++rows > ImportFiles.MaxRows)
            {
                throw new ImportFileException(ImportFiles.TooManyRows(number));
            }

            var beyond = values.Keys.FirstOrDefault(k => k >= columns.Count && !string.IsNullOrWhiteSpace(values[k]));
            if (beyond > 0)
            {
                throw new ImportFileException(new ImportError(number, ColumnLetters(beyond), "sel ini berada di luar kolom yang punya judul."));
            }

            var cells = new Dictionary<string, string?>(columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                cells[columns[i]] = values.TryGetValue(i, out var value) && !string.IsNullOrEmpty(value) ? value : null;
            }

            yield return new ImportRow(number, cells);
        }

        if (columns is null)
        {
            throw new ImportFileException(new ImportError(1, "*", "lembar kerja pertama kosong: baris pertama harus berisi nama kolom."));
        }
    }

    private static ZipArchive Open(Stream stream)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw NotXlsx("arsip zip-nya rusak.");
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            var ratio = entry.CompressedLength > 0 ? entry.Length / entry.CompressedLength : entry.Length;
            if (total > MaxUncompressed || (entry.Length > 1024 * 1024 && ratio > MaxRatio))
            {
                zip.Dispose();
                throw new ImportFileException(new ImportError(0, "*", $"isi berkas XLSX terlalu besar setelah dibuka (batas {MaxUncompressed / 1024 / 1024} MB, rasio kompresi {MaxRatio}:1); kemungkinan bom zip. Untuk data besar gunakan CSV."));
            }
        }

        if (zip.GetEntry("xl/workbook.xml") is null)
        {
            zip.Dispose();
            throw NotXlsx("tidak ada buku kerja (xl/workbook.xml) di dalamnya.");
        }

        return zip;
    }

    // The part of the first sheet named in the workbook, through the workbook's relationships.
    private static string FirstSheet(ZipArchive zip)
    {
        string? id = null;
        using (var workbook = XmlReader.Create(Bounded(zip.GetEntry("xl/workbook.xml")!), Settings))
        {
            while (Read(workbook) && id is null)
            {
                if (workbook.NodeType == XmlNodeType.Element && workbook.LocalName == "sheet")
                {
                    id = workbook.GetAttribute("id", RelationshipNamespace);
                }
            }
        }

        var relations = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (id is null || relations is null)
        {
            return "xl/worksheets/sheet1.xml";
        }

        using var reader = XmlReader.Create(Bounded(relations), Settings);
        while (Read(reader))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.GetAttribute("Id") == id
                && reader.GetAttribute("Target") is { } target)
            {
                return target.StartsWith('/') ? target[1..] : "xl/" + target;
            }
        }

        return "xl/worksheets/sheet1.xml";
    }

    private static List<string> SharedStrings(ZipArchive zip)
    {
        var strings = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } entry)
        {
            return strings;
        }

        if (entry.Length > MaxSharedStrings)
        {
            throw new ImportFileException(new ImportError(0, "*", $"teks di dalam berkas XLSX lebih dari {MaxSharedStrings / 1024 / 1024} MB; untuk data sebesar ini gunakan CSV."));
        }

        using var reader = XmlReader.Create(Bounded(entry), Settings);
        while (Read(reader))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                strings.Add(Text(reader));
            }
        }

        return strings;
    }

    // The text of an <si> or <is> element: its <t> runs, without phonetic guides (<rPh>). Walks node by node and
    // never reads ahead, so it ends on the element's end tag whatever whitespace the file has or lacks.
    private static string Text(XmlReader reader, int number = 0, int column = 0)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var text = new StringBuilder();
        var depth = reader.Depth;
        var inText = false;
        var phonetic = -1;
        while (Read(reader) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (phonetic >= 0)
            {
                phonetic = reader.NodeType == XmlNodeType.EndElement && reader.Depth == phonetic ? -1 : phonetic;
                continue;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh" && !reader.IsEmptyElement)
            {
                phonetic = reader.Depth;
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                inText = !reader.IsEmptyElement;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "t")
            {
                inText = false;
            }
            else if (inText && IsText(reader.NodeType))
            {
                Append(text, reader.Value, number, column);
            }
        }

        return text.ToString();
    }

    private static bool IsText(XmlNodeType type) =>
        type is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;

    private static void Append(StringBuilder text, string value, int number, int column)
    {
        if (text.Length + value.Length > ImportFiles.MaxCellLength)
        {
            throw new ImportFileException(new ImportError(number, ColumnLetters(column), $"isi sel lebih dari {ImportFiles.MaxCellLength:N0} karakter."));
        }

        text.Append(value);
    }

    // The cells of one <row>, by column index (A = 0).
    private static Dictionary<int, string?> Row(XmlReader reader, List<string> strings, int number)
    {
        var values = new Dictionary<int, string?>();
        if (reader.IsEmptyElement)
        {
            return values;
        }

        var depth = reader.Depth;
        var next = 0;
        while (Read(reader) && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                continue;
            }

            var column = reader.GetAttribute("r") is { } reference ? ColumnIndex(reference) : next;
            next = column + 1;
            if (column >= ImportFiles.MaxColumns)
            {
                throw new ImportFileException(new ImportError(number, ColumnLetters(column), $"lebih dari {ImportFiles.MaxColumns} kolom."));
            }

            var type = reader.GetAttribute("t");
            values[column] = Cell(reader, type, strings, number, column);
        }

        return values;
    }

    // One <c>: its <v> as its type says (a shared string's index, a boolean, a number as written) or its inline <is>.
    private static string? Cell(XmlReader reader, string? type, List<string> strings, int number, int column)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        string? value = null;
        var raw = new StringBuilder();
        var inValue = false;
        var depth = reader.Depth;
        while (Read(reader) && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "is")
            {
                value = Text(reader, number, column);
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v")
            {
                inValue = !reader.IsEmptyElement;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "v")
            {
                inValue = false;
                value = Value(raw.ToString(), type, strings, number, column);
            }
            else if (inValue && IsText(reader.NodeType))
            {
                Append(raw, reader.Value, number, column);
            }
        }

        return value;
    }

    private static string Value(string raw, string? type, List<string> strings, int number, int column) => type switch
    {
        "s" when int.TryParse(raw, out var index) && index >= 0 && index < strings.Count => strings[index],
        "s" => throw new ImportFileException(new ImportError(number, ColumnLetters(column), "sel merujuk teks yang tidak ada di dalam berkas.")),
        "b" => raw == "1" ? "true" : "false",
        _ => raw,
    };

    private static List<string> Columns(Dictionary<int, string?> values, int number)
    {
        var width = values.Keys.Max() + 1;
        var columns = new List<string>(width);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < width; i++)
        {
            var name = values.GetValueOrDefault(i)?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                throw new ImportFileException(new ImportError(number, ColumnLetters(i), "nama kolom kosong."));
            }

            if (!seen.Add(name))
            {
                throw new ImportFileException(new ImportError(number, name, "nama kolom muncul dua kali."));
            }

            columns.Add(name);
        }

        return columns;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
        }

        return Math.Max(0, index - 1);
    }

    private static string ColumnLetters(int index)
    {
        var letters = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            letters = (char)('A' + ((index - 1) % 26)) + letters;
        }

        return letters;
    }

    private static XmlReaderSettings Settings => new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private static bool Read(XmlReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (XmlException exception)
        {
            throw NotXlsx($"isinya bukan XML yang sah ({exception.Message.Split('.')[0]}).");
        }
        catch (InvalidDataException)
        {
            throw NotXlsx("arsip zip-nya rusak.");
        }
    }

    private static CountingStream Bounded(ZipArchiveEntry entry)
    {
        try
        {
            return new CountingStream(entry.Open(), entry.Length);
        }
        catch (Exception exception) when (exception is InvalidDataException or NotSupportedException)
        {
            throw NotXlsx("arsip zip-nya rusak atau memakai kompresi yang tidak didukung.");
        }
    }

    private static ImportFileException NotXlsx(string why) => new(new ImportError(0, "*", $"bukan berkas XLSX yang sah: {why}"));

    /// <summary>Reads a zip part and fails once it yields more than the directory declared (a lying zip bomb).</summary>
    private sealed class CountingStream(Stream inner, long declared) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            read += n;
            if (read > declared)
            {
                throw new ImportFileException(new ImportError(0, "*", "bagian berkas XLSX lebih besar daripada yang dinyatakan arsipnya; kemungkinan bom zip."));
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
