using System.IO.Compression;
using System.Text;

namespace Jippnas.Web.Features.Evidence;

/// <summary>A kind of document accepted as evidence: its media type and the extension a download gets.</summary>
public sealed record EvidenceType(string MediaType, string Extension, string Label);

/// <summary>
/// What a file is, read from its content: PDF, JPEG, PNG and WebP by their signatures; Word, Excel and PowerPoint
/// (OOXML) and OpenDocument by the parts inside their zip, whose directory is checked first against a zip bomb.
/// Anything else (an executable renamed .pdf, HTML, SVG with script) is refused, whatever its name says.
/// </summary>
public static class EvidenceTypes
{
    public static readonly EvidenceType Pdf = new("application/pdf", ".pdf", "PDF");
    public static readonly EvidenceType Jpeg = new("image/jpeg", ".jpg", "JPEG");
    public static readonly EvidenceType Png = new("image/png", ".png", "PNG");
    public static readonly EvidenceType WebP = new("image/webp", ".webp", "WebP");
    public static readonly EvidenceType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word");
    public static readonly EvidenceType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "Excel");
    public static readonly EvidenceType Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx", "PowerPoint");
    public static readonly EvidenceType Odt = new("application/vnd.oasis.opendocument.text", ".odt", "ODT");
    public static readonly EvidenceType Ods = new("application/vnd.oasis.opendocument.spreadsheet", ".ods", "ODS");
    public static readonly EvidenceType Odp = new("application/vnd.oasis.opendocument.presentation", ".odp", "ODP");

    public static readonly IReadOnlyList<EvidenceType> All = [Pdf, Jpeg, Png, WebP, Docx, Xlsx, Pptx, Odt, Ods, Odp];

    private const long MaxUncompressed = 200L * 1024 * 1024;
    private const int MaxEntries = 5_000;
    private const long MaxRatio = 100;

    /// <summary>The file's type, or why it is refused (Indonesian). The stream must be seekable; it is left at its start.</summary>
    public static (EvidenceType? Type, string? Refusal) Detect(Stream content)
    {
        Span<byte> head = stackalloc byte[16];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        head = head[..read];
        if (head.StartsWith("%PDF-"u8))
        {
            return (Pdf, null);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return (Jpeg, null);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (Png, null);
        }

        if (read >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return (WebP, null);
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            var result = Zipped(content);
            content.Position = 0;
            return result;
        }

        return (null, "jenis berkas tidak diterima; kirim PDF, JPG, PNG, WebP, Word, Excel, PowerPoint atau OpenDocument.");
    }

    private static (EvidenceType?, string?) Zipped(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
            {
                return (null, "arsip dokumen berisi terlalu banyak bagian; kemungkinan bom zip.");
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var ratio = entry.CompressedLength > 0 ? entry.Length / entry.CompressedLength : entry.Length;
                if (total > MaxUncompressed || (entry.Length > 1024 * 1024 && ratio > MaxRatio))
                {
                    return (null, "isi dokumen terlalu besar setelah dibuka; kemungkinan bom zip.");
                }
            }

            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                var declared = reader.ReadToEnd().Trim();
                if (All.FirstOrDefault(t => t.MediaType == declared && t.Extension.StartsWith(".od", StringComparison.Ordinal)) is { } odf)
                {
                    return (odf, null);
                }
            }

            if (zip.GetEntry("[Content_Types].xml") is not null)
            {
                if (zip.GetEntry("word/document.xml") is not null)
                {
                    return (Docx, null);
                }

                if (zip.GetEntry("xl/workbook.xml") is not null)
                {
                    return (Xlsx, null);
                }

                if (zip.GetEntry("ppt/presentation.xml") is not null)
                {
                    return (Pptx, null);
                }
            }

            return (null, "arsip zip ini bukan dokumen Word, Excel, PowerPoint atau OpenDocument.");
        }
        catch (InvalidDataException)
        {
            return (null, "arsip dokumen rusak.");
        }
    }
}
