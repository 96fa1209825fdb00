using System.IO.Compression;
using System.Text;
using Jippnas.Web.Features.Imports.Reading;

namespace Jippnas.UnitTests;

/// <summary>The row readers on files a spreadsheet program may write, without a database.</summary>
public sealed class ImportReadingTests
{
    [Fact]
    public async Task Phonetic_guides_in_shared_strings_neither_shift_nor_join_the_texts()
    {
        // As Excel writes them: no whitespace between elements, a phonetic run after the text of the first string.
        const string Strings = """<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>ID Proposal</t></si><si><t>Judul Inovasi</t><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si><si><r><t>Layanan </t></r><r><rPr><b/></rPr><t>Cepat</t></r></si><si><t>K-01</t></si></sst>""";
        const string Sheet = """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>2</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>K-02</t></is></c><c r="B3"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>""";

        var rows = await ReadAsync(Workbook(Strings, Sheet));

        rows.Count.ShouldBe(2);
        rows[0].Number.ShouldBe(2);
        rows[0].Cells["ID Proposal"].ShouldBe("K-01");
        rows[0].Cells["Judul Inovasi"].ShouldBe("Layanan Cepat");
        rows[1].Cells["ID Proposal"].ShouldBe("K-02");
        rows[1].Cells["Judul Inovasi"].ShouldBe("2");
    }

    [Fact]
    public async Task A_multi_byte_character_across_the_sample_boundary_is_read_as_text()
    {
        var csv = "ID Proposal,Judul Inovasi\n" + string.Concat(Enumerable.Range(0, 400).Select(i => $"K-{i},Café “Desa” – {i}\n"));
        var rows = await ReadAsync(Encoding.UTF8.GetBytes(csv));
        rows.Count.ShouldBe(400);
        rows[399].Cells["Judul Inovasi"].ShouldBe("Café “Desa” – 399");
    }

    [Fact]
    public async Task Rows_of_bare_separators_are_skipped_like_blank_lines()
    {
        var rows = await ReadAsync(Encoding.UTF8.GetBytes("ID Proposal;Judul Inovasi;Tahun\nK-01;Satu;2020\n;;\n\n ; ;\n"));
        rows.ShouldHaveSingleItem().Number.ShouldBe(2);
    }

    [Fact]
    public async Task A_line_of_separators_stops_at_the_column_limit()
    {
        var line = new string(',', 1_000_000);
        var exception = await Should.ThrowAsync<ImportFileException>(() => ReadAsync(Encoding.UTF8.GetBytes("a,b\n" + line + "\n")));
        exception.Error.Line.ShouldBe(2);
        exception.Error.Message.ShouldContain("100 kolom");
    }

    private static async Task<List<ImportRow>> ReadAsync(byte[] bytes)
    {
        var rows = new List<ImportRow>();
        await foreach (var row in ImportFiles.ReadAsync(new MemoryStream(bytes), CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static byte[] Workbook(string strings, string sheet)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[]
            {
                ("[Content_Types].xml", "<Types/>"),
                ("xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Inovasi" sheetId="1" r:id="rId1"/></sheets></workbook>"""),
                ("xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""),
                ("xl/sharedStrings.xml", strings),
                ("xl/worksheets/sheet1.xml", sheet),
            })
            {
                using var part = zip.CreateEntry(name).Open();
                part.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return output.ToArray();
    }
}
