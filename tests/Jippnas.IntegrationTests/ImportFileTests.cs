using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Features.Imports;
using Jippnas.Web.Features.Imports.Reading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests;

/// <summary>
/// Source files as curators receive them — CSV from Excel (semicolons, Windows-1252), UTF-8 CSV with quotes and
/// line breaks, XLSX — read through each source's column mapping; and every malformed file refused with an error
/// naming its row and column while the database stays as it was.
/// </summary>
public abstract class ImportFileTests(PortalFixture portal)
{
    static ImportFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string KippHeader = "ID Proposal;Judul Inovasi;Instansi;Provinsi;Kabupaten/Kota;Tahun Inisiasi;Bidang;Penghargaan;Ringkasan;Kontak";

    [SkippableFact]
    public async Task A_KIPP_file_from_Excel_in_Windows_1252_with_semicolons_is_read_through_the_KIPP_mapping()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var csv = KippHeader + "\r\n"
            + "K-1252-01;Layanan Kesehatan Jemput Bola;Dinas Kesehatan;Sumatera Selatan;Kabupaten Ogan Komering Ulu;2019;KESEHATAN;KIPP_TOP99;Petugas “jemput bola” ke desa – tanpa antre;Budi 0812\r\n"
            + "K-1252-02;Sekolah Lapang Café Kopi;Dinas Pertanian;35;35.08;2021;PERTANIAN;;Petani belajar mengolah kopi;\r\n";
        var bytes = Encoding.GetEncoding(1252).GetBytes(csv);

        var summary = await ImportAsync(bytes, "KIPP");

        summary.Errors.ShouldBeEmpty();
        summary.Added.ShouldBe(2);
        var saved = await portal.Factory.WithDbAsync(db => db.Innovations.Include(i => i.SourceRecords).SingleAsync(i => i.SourceRecords.Any(s => s.ExternalId == "K-1252-01")));
        saved.Name.ShouldBe("Layanan Kesehatan Jemput Bola");
        saved.Summary.ShouldBe("Petugas “jemput bola” ke desa – tanpa antre");
        (saved.ProvinceCode, saved.RegencyCode, saved.YearStarted, saved.AwardCount).ShouldBe(("16", "16.01", 2019, 1));
        // The contact column is mapped as ignored: personal data is kept in the payload only, never in the record.
        saved.ContactName.ShouldBeNull();
        var cafe = await portal.Factory.WithDbAsync(db => db.Innovations.SingleAsync(i => i.SourceRecords.Any(s => s.ExternalId == "K-1252-02")));
        (cafe.Name, cafe.RegencyCode).ShouldBe(("Sekolah Lapang Café Kopi", "35.08"));
    }

    [SkippableFact]
    public async Task A_payload_is_stored_packed_and_one_stored_plain_before_still_counts_as_unchanged()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var bytes = Encoding.UTF8.GetBytes("ID Proposal,Judul Inovasi,Provinsi,Ringkasan\nP-01,Antrean Daring Puskesmas,35,\"Warga mengambil nomor antrean – dari rumah\"\n");
        (await ImportAsync(bytes, "KIPP")).Added.ShouldBe(1);

        var stored = await portal.Factory.WithDbAsync(db => db.Database
            .SqlQueryRaw<byte[]>("SELECT payload AS \"Value\" FROM source_records WHERE external_id = 'P-01'").SingleAsync());
        stored[0].ShouldBe((byte)1, "packed: a marker byte, then the compressed text");
        var json = Payloads.Unpack(stored);
        json.ShouldContain("dari rumah");
        (await portal.Factory.WithDbAsync(db => db.SourceRecords.SingleAsync(s => s.ExternalId == "P-01"))).Payload.ShouldBe(json);

        // A record saved before payloads were packed holds the JSON's UTF-8 bytes (on SQLite even as text).
        var plain = Encoding.UTF8.GetBytes(json);
        foreach (var value in portal.Provider == DatabaseProvider.Sqlite ? new object[] { plain, json } : [plain])
        {
            await portal.Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE source_records SET payload = {0} WHERE external_id = 'P-01'", value));
            var again = await ImportAsync(bytes, "KIPP");
            (again.Added, again.Updated, again.Unchanged).ShouldBe((0, 0, 1), value.GetType().Name);
            (await portal.Factory.WithDbAsync(db => db.SourceRecords.SingleAsync(s => s.ExternalId == "P-01"))).Payload.ShouldBe(json);
        }

        if (portal.Provider == DatabaseProvider.Sqlite)
        {
            // What the migration that brought packing does to a row stored as text before it: its UTF-8 bytes.
            var migration = portal.Factory.Services.GetRequiredService<SchemaMigrator>().All.Single(m => m.Id.Contains("packed_payloads", StringComparison.Ordinal));
            await portal.Factory.WithDbAsync(async db =>
            {
                await db.Database.ExecuteSqlRawAsync("UPDATE source_records SET payload = {0} WHERE external_id = 'P-01'", json);
                return await db.Database.ExecuteSqlRawAsync(migration.Sql);
            });
            (await portal.Factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT typeof(payload) AS \"Value\" FROM source_records WHERE external_id = 'P-01'").SingleAsync())).ShouldBe("blob");
            (await ImportAsync(bytes, "KIPP")).Unchanged.ShouldBe(1);
        }
    }

    [SkippableFact]
    public async Task Quoted_fields_keep_separators_line_breaks_and_quotes_and_a_changed_row_keeps_its_earlier_payload()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        const string Header = "ID Proposal,Judul Inovasi,Provinsi,Ringkasan,Latar Belakang\n";
        var first = Header + "Q-01,\"Posyandu \"\"Cerdas\"\", Digital\",35,\"Baris satu\nbaris dua, dengan koma\",Angka gizi buruk tinggi\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(first)).ToArray();

        (await ImportAsync(bytes, "KIPP")).Added.ShouldBe(1);
        var saved = await portal.Factory.WithDbAsync(db => db.Innovations.SingleAsync(i => i.SourceRecords.Any(s => s.ExternalId == "Q-01")));
        saved.Name.ShouldBe("Posyandu \"Cerdas\", Digital");
        saved.Summary.ShouldBe("Baris satu\nbaris dua, dengan koma");
        saved.Problem.ShouldBe("Angka gizi buruk tinggi");

        var again = await ImportAsync(bytes, "KIPP");
        (again.Added, again.Updated, again.Unchanged).ShouldBe((0, 0, 1));

        var changed = Encoding.UTF8.GetBytes(first.Replace("Angka gizi buruk tinggi", "Angka gizi buruk turun", StringComparison.Ordinal));
        var preview = await ImportAsync(changed, "KIPP", dryRun: true);
        (preview.DryRun, preview.Added, preview.Updated, preview.Unchanged).ShouldBe((true, 0, 1, 0));
        (await portal.Factory.WithDbAsync(db => db.Innovations.SingleAsync(i => i.Id == saved.Id))).Problem.ShouldBe("Angka gizi buruk tinggi");

        var update = await ImportAsync(changed, "KIPP");
        (update.Added, update.Updated, update.Unchanged).ShouldBe((0, 1, 0));
        (await portal.Factory.WithDbAsync(db => db.Innovations.SingleAsync(i => i.Id == saved.Id))).Problem.ShouldBe("Angka gizi buruk turun");
        var history = await portal.Factory.WithDbAsync(db => db.SourceRecordVersions
            .Where(v => db.SourceRecords.Any(s => s.Id == v.SourceRecordId && s.ExternalId == "Q-01")).ToListAsync());
        history.ShouldHaveSingleItem().Payload.ShouldContain("Angka gizi buruk tinggi");
    }

    [SkippableFact]
    public async Task An_XLSX_workbook_from_a_spreadsheet_program_is_read_from_its_first_sheet()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var bytes = Workbook(
            ["ID Inovasi", "Nama Inovasi", "Provinsi", "Pemda", "Tahun Penerapan", "Manfaat", "Hasil Inovasi"],
            ["IGA-X-01", "Sistem Antrean Puskesmas Daring", "Jawa Timur", "Kabupaten Banyuwangi", "2022", "Warga tidak menunggu lama.", "Waktu tunggu turun dari dua jam menjadi 20 menit."],
            ["IGA-X-02", "Bank Sampah Sekolah", "35", "35.10", "2020", null, "Sampah plastik sekolah berkurang."]);

        var summary = await ImportAsync(bytes, "IGA");

        summary.Errors.ShouldBeEmpty();
        summary.Added.ShouldBe(2);
        var saved = await portal.Factory.WithDbAsync(db => db.Innovations.SingleAsync(i => i.SourceRecords.Any(s => s.ExternalId == "IGA-X-01")));
        (saved.Name, saved.RegencyCode, saved.YearStarted).ShouldBe(("Sistem Antrean Puskesmas Daring", "35.10", 2022));
        saved.Impact.ShouldBe("Warga tidak menunggu lama.");
        saved.Summary.ShouldBe("Waktu tunggu turun dari dua jam menjadi 20 menit.");
    }

    [SkippableFact]
    public async Task Region_names_as_sources_write_them_resolve_to_their_codes()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var csv = "ID Proposal,Judul Inovasi,Provinsi,Kabupaten/Kota\n"
            + "RN-01,Satu,Prov. Jawa Timur,Kab. Lumajang\n"
            + "RN-02,Dua,,PEMKOT PALEMBANG\n"
            + "RN-03,Tiga,DKI Jakarta,Kota Adm. Jakarta Selatan\n"
            + "RN-04,Empat,,Banyuwangi\n"
            + "RN-05,Lima,Pemprov Jawa Barat,\n";

        (await ImportAsync(Encoding.UTF8.GetBytes(csv), "KIPP")).Errors.ShouldBeEmpty();

        var regions = await portal.Factory.WithDbAsync(db => db.SourceRecords.Where(s => s.ExternalId.StartsWith("RN-"))
            .Join(db.Innovations, s => s.InnovationId, i => i.Id, (s, i) => new { s.ExternalId, i.ProvinceCode, i.RegencyCode })
            .ToDictionaryAsync(r => r.ExternalId, r => (r.ProvinceCode, r.RegencyCode)));
        regions["RN-01"].ShouldBe(("35", "35.08"));
        regions["RN-02"].ShouldBe(("16", "16.71"));
        regions["RN-03"].ShouldBe(("31", "31.74"));
        regions["RN-04"].ShouldBe(("35", "35.10"));
        regions["RN-05"].ShouldBe(("32", (string?)null));
    }

    [SkippableFact]
    public async Task A_bare_name_that_two_regions_share_is_not_guessed()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var summary = await ImportAsync(Encoding.UTF8.GetBytes("ID Proposal,Judul Inovasi,Kabupaten/Kota\nRN-09,Sembilan,Bekasi\n"), "KIPP");
        summary.Errors.ShouldHaveSingleItem().Field.ShouldBe("regency_city");
    }

    [SkippableTheory]
    [InlineData("wrong encoding", 0, "*")]
    [InlineData("invalid UTF-8 after the start", 3, "*")]
    [InlineData("broken quotes", 3, "Ringkasan")]
    [InlineData("text after a closing quote", 2, "Judul Inovasi")]
    [InlineData("missing required column", 2, "name")]
    [InlineData("unknown column", 2, "Nomor Telepon Kepala Dinas")]
    [InlineData("5 MB cell", 2, "Ringkasan")]
    [InlineData("empty file", 0, "*")]
    [InlineData("binary file named .csv", 0, "*")]
    [InlineData("XLSX that is not a zip", 0, "*")]
    [InlineData("XLSX zip bomb", 0, "*")]
    [InlineData("duplicate ids", 3, "source_id")]
    [InlineData("year 3021", 2, "year")]
    [InlineData("region that does not exist", 2, "regency_city")]
    [InlineData("more rows than the limit", 200_002, "*")]
    [InlineData("more cells than the header", 2, "*")]
    [InlineData("unknown source", 0, "source")]
    public async Task A_malformed_file_is_refused_naming_row_and_column_and_nothing_is_saved(string problem, int row, string column)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var before = await CountsAsync();

        var summary = await ImportAsync(BadFile(problem), problem == "unknown source" ? "MYSPACE" : "KIPP");

        summary.Committed.ShouldBeFalse();
        summary.Errors.ShouldNotBeEmpty();
        summary.Errors.ShouldContain(e => e.Line == row && e.Field == column, string.Join("; ", summary.Errors));
        summary.Errors.ShouldAllBe(e => e.Message.Length > 10);
        (summary.Added, summary.Updated, summary.Unchanged).ShouldBe((0, 0, 0));
        (await CountsAsync()).ShouldBe(before);
    }

    private static byte[] BadFile(string problem)
    {
        const string Header = "ID Proposal,Judul Inovasi,Provinsi,Kabupaten/Kota,Tahun Inisiasi,Ringkasan\n";
        const string Good = "B-01,Layanan Pengaduan Warga,35,35.10,2020,Warga melapor lewat aplikasi.\n";
        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        return problem switch
        {
            // UTF-16 without a byte-order mark: every other byte is NUL.
            "wrong encoding" => Encoding.Unicode.GetBytes(Header + Good),
            "invalid UTF-8 after the start" => [.. Utf8(Header + Good + new string('x', 70_000) + ",Nama,35,,2020,"), 0xC3, 0x28, .. Utf8("\n")],
            "broken quotes" => Utf8(Header + Good + "B-02,Nama Kedua,35,35.10,2021,\"Ringkasan yang tidak ditutup\n"),
            "text after a closing quote" => Utf8(Header + "B-02,\"Nama\" Kedua,35,35.10,2021,Ringkasan\n"),
            "missing required column" => Utf8("ID Proposal,Provinsi\nB-02,35\n"),
            "unknown column" => Utf8("ID Proposal,Judul Inovasi,Nomor Telepon Kepala Dinas\nB-02,Nama,0812\n"),
            "5 MB cell" => Utf8(Header + "B-02,Nama,35,35.10,2021," + new string('a', 5 * 1024 * 1024) + "\n"),
            "empty file" => [],
            "binary file named .csv" => [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x3E, 0x00],
            "XLSX that is not a zip" => [.. "PK\u0003\u0004"u8, .. Utf8("bukan isi zip sama sekali")],
            "XLSX zip bomb" => ZipBomb(),
            "duplicate ids" => Utf8(Header + Good + Good.Replace("Layanan Pengaduan Warga", "Nama Lain", StringComparison.Ordinal)),
            "year 3021" => Utf8(Header + Good.Replace("2020", "3021", StringComparison.Ordinal)),
            "region that does not exist" => Utf8(Header + Good.Replace("35.10", "35.99", StringComparison.Ordinal)),
            "more rows than the limit" => Utf8(Header + string.Concat(Enumerable.Range(0, ImportFiles.MaxRows + 1).Select(i => $"R-{i},Nama {i},35,,2020,\n"))),
            "more cells than the header" => Utf8(Header + "B-02,Nama,35,35.10,2021,Ringkasan,kelebihan\n"),
            "unknown source" => Utf8(Header + Good),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
    }

    // A workbook whose one sheet part inflates 1,000:1 (20 MB of zeros in a few kilobytes).
    private static byte[] ZipBomb()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>") })
            {
                using var part = zip.CreateEntry(name).Open();
                part.Write(Encoding.UTF8.GetBytes(text));
            }

            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 20; i++)
            {
                sheet.Write(zeros);
            }
        }

        return output.ToArray();
    }

    private static byte[] Workbook(params string?[][] rows)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var index = 0;
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] is not { } value)
                    {
                        continue;
                    }

                    var reference = $"{(char)('A' + c)}{r + 1}";
                    if (int.TryParse(value, out _))
                    {
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(value), DataType = CellValues.Number });
                    }
                    else
                    {
                        strings.SharedStringTable.Append(new SharedStringItem(new Text(value)));
                        row.Append(new Cell { CellReference = reference, CellValue = new CellValue(index++.ToString(System.Globalization.CultureInfo.InvariantCulture)), DataType = CellValues.SharedString });
                    }
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Inovasi" }));
        }

        return output.ToArray();
    }

    private async Task<ImportSummary> ImportAsync(byte[] bytes, string source, bool dryRun = false)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExchangeImport>().ImportAsync(() => new MemoryStream(bytes), source, dryRun);
    }

    private Task<(int Innovations, int Sources, int Versions)> CountsAsync() => portal.Factory.WithDbAsync(async db =>
        (await db.Innovations.CountAsync(), await db.SourceRecords.CountAsync(), await db.SourceRecordVersions.CountAsync()));
}

public sealed class SqliteImportFileTests(SqliteImportPortal portal) : ImportFileTests(portal), IClassFixture<SqliteImportPortal>;

public sealed class PostgresImportFileTests(PostgresImportPortal portal) : ImportFileTests(portal), IClassFixture<PostgresImportPortal>;
