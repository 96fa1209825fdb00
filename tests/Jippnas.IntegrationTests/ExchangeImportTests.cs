using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jippnas.IntegrationTests.Infrastructure;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Imports;
using Jippnas.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jippnas.IntegrationTests;

// The exchange format as the tests write it, the search corpus imported through it (SearchTests, SearchBadInputTests)
// and the import's own tests.

/// <summary>One line of the exchange format (docs/exchange-format.md) as the tests write it.</summary>
public sealed record ExchangeLine(
    string Source, string SourceId, string Name, string? Acronym, string? Agency, string Province, string? RegencyCity,
    int? Year, string? Sector, object? Award, string[] Sdgs, string Summary, string? Impact)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [JsonIgnore]
    public IReadOnlyList<string> Awards => Award switch { string one => [one], string[] many => many, _ => [] };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Imports a JSON Lines text through the product's importer, as the <c>import</c> command does.</summary>
    public static async Task<ImportSummary> ImportAsync(PortalFactory portal, string text)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var bytes = Encoding.UTF8.GetBytes(text);
        return await scope.ServiceProvider.GetRequiredService<ExchangeImport>().ImportAsync(() => new MemoryStream(bytes));
    }
}

/// <summary>Source ids of the search corpus, named after what each record is there to prove.</summary>
public static class Rec
{
    public const string Pelayanan = "KIPP-2019-0101", Gerai = "KIPP-2021-0102", KtpDisabilitas = "IGA-2022-0103", KtpPulau = "KIPP-2018-0104";
    public const string RumahTunggu = "KIPP-2021-0105", Ambulans = "IGA-2023-0106", Stunting = "KIPP-2022-0107", Tengkes = "PROV-2023-0108";
    public const string KejarPaket = "LAN-2020-0109", BankSampah = "IGA-2021-0110", Perpustakaan = "KIPP-2019-0111", Pasar = "PROV-2020-0112";
    public const string TekanAki = "KIPP-2024-0113", LeleBioflok = "LAN-2022-0114", Lele = "PROV-2019-0115", Bioflok = "JIPPNAS-2021-0116";
    public const string Songket = "IGA-2020-0117", Becak = "PROV-2018-0118";
}

/// <summary>
/// A portal on a fresh database whose published innovations are exactly <see cref="Lines"/>, loaded through the
/// exchange-format import (the six seed records are unpublished and leave the index). One per test class.
/// </summary>
public abstract class SearchPortal(DatabaseProvider provider) : PortalFixture(provider), IAsyncLifetime
{
    public static readonly ExchangeLine[] Lines =
    [
        new("KIPP", Rec.Pelayanan, "Pojok Pelayanan Terpadu Kecamatan", "POLATEK", "Kecamatan Ilir Barat I", "16", "16.71", 2019, "PEMERINTAHAN_UMUM", "KIPP_TOP99", ["SDG16"],
            "Warga mengurus surat keterangan, izin usaha mikro, dan rekomendasi bantuan di satu meja pelayanan kecamatan tanpa berpindah kantor.", "Waktu pengurusan surat turun dari lima hari menjadi satu hari kerja."),
        new("KIPP", Rec.Gerai, "Gerai Administrasi Kependudukan Desa", "GADIS", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Banyumas", "33", "33.02", 2021, "ADMINDUK", null, ["SDG16"],
            "Perangkat desa dilatih mencetak akta kelahiran dan kartu keluarga sehingga warga tidak perlu datang ke kantor dinas di kota kabupaten.", "Kepemilikan akta kelahiran anak naik menjadi 95 persen."),
        new("IGA", Rec.KtpDisabilitas, "Perekaman Kartu Tanda Penduduk Elektronik bagi Penyandang Disabilitas", "REKAM DIFA", "Dinas Sosial Kota Makassar", "73", "73.71", 2022, "SOSIAL", "IGA", ["SDG10", "SDG16"],
            "Petugas mendatangi rumah penyandang disabilitas dan lanjut usia untuk merekam kartu tanda penduduk elektronik.", "Sebanyak 1.200 penduduk rentan kini tercatat dan dapat mengakses bantuan sosial."),
        new("KIPP", Rec.KtpPulau, "KTP Sampai di Pulau", "SI JEMPOL", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bone", "73", "73.08", 2018, "ADMINDUK", new[] { "KIPP_TOP45", "IGA" }, ["SDG16"],
            "Tim keliling menyeberang dengan perahu untuk merekam dan mencetak KTP elektronik warga pulau-pulau kecil.", "Waktu tunggu KTP turun dari tiga bulan menjadi satu hari."),
        new("KIPP", Rec.RumahTunggu, "Rumah Tunggu Persalinan Desa", "RTP", "Dinas Kesehatan Kabupaten Lombok Timur", "52", "52.03", 2021, "KESEHATAN", "KIPP_TOP99", ["SDG3", "SDG5"],
            "Ibu hamil dari dusun terpencil menginap di rumah tunggu dekat puskesmas menjelang persalinan agar ditolong bidan.", "Angka kematian ibu turun dari lima menjadi satu kasus per tahun."),
        new("IGA", Rec.Ambulans, "Ambulans Desa Siaga untuk Ibu Bersalin", "AMBU DESI", "Dinas Kesehatan Kabupaten Malang", "35", "35.07", 2023, "KESEHATAN", null, ["SDG3"],
            "Mobil milik warga didaftarkan sebagai ambulans desa yang siap mengantar ibu bersalin ke puskesmas pada malam hari.", "Tidak ada lagi ibu yang meninggal dalam perjalanan ke fasilitas kesehatan."),
        new("KIPP", Rec.Stunting, "Gerakan Cegah Stunting Berbasis Posyandu", "GASING", "Dinas Kesehatan Kota Surabaya", "35", "35.78", 2022, "KESEHATAN", "KIPP_TOP45", ["SDG2", "SDG3"],
            "Kader posyandu menimbang balita setiap bulan, mencatat tinggi badan di aplikasi, dan memberi makanan bergizi kepada balita berisiko stunting.", "Prevalensi stunting turun dari 28 persen menjadi 19 persen dalam tiga tahun."),
        new("PROVINSI", Rec.Tengkes, "Dapur Gizi Keluarga Cegah Tengkes", "DAGIKE", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Bandung", "32", "32.04", 2023, "PPPA", "PROVINSI", ["SDG2"],
            "Ibu-ibu PKK memasak menu bergizi dari pangan lokal untuk balita berisiko stunting dan ibu hamil kekurangan energi kronis.", "Berat badan 240 balita naik sesuai kurva pertumbuhan."),
        new("LAN", Rec.KejarPaket, "Kejar Paket Malam untuk Remaja Putus Sekolah", "KEJAR MALAM", "Dinas Pendidikan Kota Pontianak", "61", "61.71", 2020, "PENDIDIKAN", null, ["SDG4"],
            "Remaja yang putus sekolah karena bekerja mengikuti kelas kesetaraan pada malam hari di balai kelurahan.", "Sebanyak 310 remaja memperoleh ijazah paket B dan C."),
        new("IGA", Rec.BankSampah, "Bank Sampah Digital Kelurahan", "BASADI", "Dinas Lingkungan Hidup Kota Denpasar", "51", "51.71", 2021, "LINGKUNGAN_HIDUP", "IGA", ["SDG11", "SDG12"],
            "Pengelolaan sampah rumah tangga lewat bank sampah: warga menabung sampah terpilah dan saldonya dipakai membayar iuran air.", "Sampah yang dibuang ke TPA berkurang 35 persen."),
        new("KIPP", Rec.Perpustakaan, "Perpustakaan Keliling Kampung", "PERPUSLING", "Dinas Perpustakaan dan Kearsipan Kota Semarang", "33", "33.74", 2019, "PERPUSTAKAAN", "KIPP_TOP99", ["SDG4"],
            "Motor perpustakaan keliling membawa buku cerita ke kampung padat sehingga anak-anak dapat membaca setiap sore.", "Minat baca anak-anak di 40 RW meningkat."),
        new("PROVINSI", Rec.Pasar, "Ruang Laktasi dan Penitipan Anak di Pasar Tradisional", "RUPITA", "Dinas Perdagangan Kota Bandar Lampung", "18", "18.71", 2020, "PERDAGANGAN", null, ["SDG5", "SDG8"],
            "Pedagang perempuan dapat menyusui dan menitipkan anak di ruang yang bersih selama berjualan di pasar.", "Pedagang yang memakai layanan ini bertambah menjadi 150 orang."),
        new("KIPP", Rec.TekanAki, "Pendampingan Bidan bagi Ibu Hamil Risiko Tinggi", "TEKAN AKI", "Puskesmas Kabat Kabupaten Banyuwangi", "35", "35.10", 2024, "KESEHATAN", "KIPP_OA", ["SDG3"],
            "Setiap ibu hamil risiko tinggi didampingi satu bidan sejak trimester pertama sampai masa nifas untuk menekan AKI di kecamatan.", "Tidak ada kasus AKI selama dua tahun berturut-turut."),
        new("LAN", Rec.LeleBioflok, "Budidaya Lele Sistem Bioflok untuk Pemuda Desa", "PELITA", "Dinas Perikanan Provinsi Kalimantan Barat", "61", null, 2022, "KELAUTAN_PERIKANAN", null, ["SDG1", "SDG8"],
            "Pemuda desa membudidayakan lele di kolam bioflok sehingga panen lebih cepat dan hemat air.", "Pendapatan kelompok naik rata-rata Rp2 juta per bulan."),
        new("PROVINSI", Rec.Lele, "Kampung Lele Olahan", "KALEO", "Dinas Koperasi Kabupaten Banyumas", "33", "33.02", 2019, "KUKM", "PROVINSI", ["SDG8"],
            "Kelompok ibu rumah tangga mengolah lele menjadi abon dan kerupuk untuk dijual di toko oleh-oleh.", "Omzet kelompok mencapai Rp15 juta per bulan."),
        new("JIPPNAS", Rec.Bioflok, "Tambak Udang Pesisir Sehat", "TAMPAN", "Dinas Kelautan dan Perikanan Provinsi Sulawesi Selatan", "73", null, 2021, "KELAUTAN_PERIKANAN", null, ["SDG14"],
            "Petambak memakai teknologi <b>bioflok</b> & probiotik <script>alert(1)</script> agar air tambak tetap jernih.", "Produksi udang meningkat dua kali lipat."),
        new("IGA", Rec.Songket, "Galeri Daring Kain Tradisional", "GADIKTRA", "Dinas Koperasi dan UKM Kota Palembang", "16", "16.71", 2020, "KUKM", null, ["SDG8"],
            "Pengrajin songket memasarkan kain tenunan lewat galeri daring milik pemerintah kota.", "Penjualan pengrajin naik 60 persen."),
        new("PROVINSI", Rec.Becak, "Becak Listrik untuk Wisata Kota Tua", "BELIS", "Dinas Pariwisata Kota Denpasar", "51", "51.71", 2018, "PARIWISATA", null, ["SDG11"],
            "Pengayuh becak tua mendapat becak bertenaga listrik untuk mengantar wisatawan berkeliling kota tua.", "Pendapatan pengayuh becak naik dua kali lipat."),
    ];

    /// <summary>Phase and status, which the exchange format does not carry: set in the database after the import.</summary>
    public static readonly Dictionary<string, (InnovationPhase? Phase, InnovationStatus Status)> Stages = new()
    {
        [Rec.Stunting] = (InnovationPhase.Institutionalisation, InnovationStatus.Running),
        [Rec.RumahTunggu] = (InnovationPhase.Development, InnovationStatus.Running),
        [Rec.Perpustakaan] = (InnovationPhase.Development, InnovationStatus.Running),
        [Rec.BankSampah] = (InnovationPhase.Creation, InnovationStatus.Developing),
        [Rec.KtpPulau] = (InnovationPhase.Institutionalisation, InnovationStatus.Stopped),
        [Rec.Becak] = (null, InnovationStatus.Dormant),
    };

    public static string File => string.Concat(Lines.Select(l => l.ToJson() + "\n"));

    public Dictionary<string, int> Ids { get; private set; } = [];

    public string SourceIdOf(int id) => Ids.Single(p => p.Value == id).Key;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        if (Provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null)
        {
            return;
        }

        var factory = Factory;
        var seeds = await factory.WithDbAsync(async db =>
        {
            var ids = await db.Innovations.Select(i => i.Id).ToListAsync();
            await db.Innovations.ExecuteUpdateAsync(s => s.SetProperty(i => i.IsPublished, false));
            return ids;
        });
        var summary = await ExchangeLine.ImportAsync(factory, File);
        summary.Errors.ShouldBeEmpty();
        summary.Added.ShouldBe(Lines.Length);
        var sourceIds = Lines.Select(l => l.SourceId).ToList();
        Ids = await factory.WithDbAsync(db => db.SourceRecords.Where(s => sourceIds.Contains(s.ExternalId)).ToDictionaryAsync(s => s.ExternalId, s => s.InnovationId!.Value));
        await factory.WithDbAsync(async db =>
        {
            foreach (var (sourceId, (phase, status)) in Stages)
            {
                var innovation = await db.Innovations.SingleAsync(i => i.Id == Ids[sourceId]);
                (innovation.Phase, innovation.Status) = (phase, status);
            }

            return await db.SaveChangesAsync();
        });
        await IndexAsync(factory, [.. seeds, .. Ids.Values], cleanUp: true);
    }

    /// <summary>
    /// Re-indexes innovations as a writer outside a transaction does, on a context of its own (not one from the pool,
    /// whose connection an earlier user may have left open). <paramref name="cleanUp"/> opens the connection first.
    /// </summary>
    public static async Task IndexAsync(PortalFactory portal, IReadOnlyCollection<int> ids, bool cleanUp = false)
    {
        var connection = portal.Services.GetRequiredService<ConnectionInfo>();
        var options = new DbContextOptionsBuilder<JippnasDb>();
        DatabaseSetup.Configure(options, connection.Provider, connection.ConnectionString);
        await using var db = new JippnasDb(options.Options);
        if (cleanUp)
        {
            await db.Database.OpenConnectionAsync();
        }

        await ActivatorUtilities.CreateInstance<SearchIndexer>(portal.Services, db).IndexAsync(ids, CancellationToken.None);
    }
}

/// <summary>A file is one transaction: one bad line is reported by line and field, and nothing of the file is saved.</summary>
public abstract class ExchangeImportTests(PortalFixture portal)
{
    private static readonly ExchangeLine First = new("KIPP", "IMP-001", "Layanan Akta Kelahiran Langsung di Rumah Sakit", "LAKSA",
        "Dinas Kependudukan dan Pencatatan Sipil Kota Surabaya", "35", "35.78", 2018, "ADMINDUK", "KIPP_TOP99", ["SDG16"],
        "Bayi yang lahir di rumah sakit langsung mendapat akta kelahiran sebelum pulang.", "Kepemilikan akta kelahiran bayi mencapai 98 persen.");

    private static readonly ExchangeLine Second = new("IGA", "IMP-002", "Sekolah Lapang Petani Cabai", "SELAPA",
        "Dinas Pertanian Kabupaten Garut", "32", null, 2021, "PERTANIAN", null, ["SDG2", "SDG8"],
        "Petani belajar langsung di lahan tentang pengendalian hama cabai tanpa pestisida berlebihan.", null);

    [SkippableTheory]
    [InlineData("invalid JSON", 2, "*")]
    [InlineData("not an object", 2, "*")]
    [InlineData("missing name", 2, "name")]
    [InlineData("blank name", 2, "name")]
    [InlineData("unknown source", 2, "source")]
    [InlineData("unknown province", 2, "province")]
    [InlineData("unknown sector", 2, "sector")]
    [InlineData("year 3021", 2, "year")]
    [InlineData("year not a number", 2, "year")]
    [InlineData("regency not in province", 2, "regency_city")]
    [InlineData("duplicate source_id", 3, "source_id")]
    [InlineData("unknown award", 2, "award")]
    [InlineData("unknown award in a list", 2, "award")]
    [InlineData("unknown sdg", 2, "sdgs")]
    [InlineData("control character in name", 2, "name")]
    [InlineData("NUL in summary", 2, "summary")]
    [InlineData("line over 200,000 characters", 2, "*")]
    [InlineData("summary over 20,000 characters", 2, "summary")]
    public async Task A_bad_line_is_reported_by_line_and_field_and_nothing_of_the_file_is_saved(string problem, int line, string field)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var before = await CountsAsync();
        var file = problem == "duplicate source_id"
            ? string.Join('\n', First.ToJson(), Second.ToJson(), (First with { Name = "Nama Lain" }).ToJson())
            : string.Join('\n', First.ToJson(), BadLine(problem), Second.ToJson());

        var summary = await ExchangeLine.ImportAsync(portal.Factory, file);

        summary.Committed.ShouldBeFalse();
        (summary.Added, summary.Updated, summary.Unchanged).ShouldBe((0, 0, 0));
        summary.Errors.ShouldContain(e => e.Line == line && e.Field == field, string.Join("; ", summary.Errors));
        summary.Errors.ShouldAllBe(e => e.Line == line); // the good lines around it are valid
        summary.Errors.Select(e => e.ToString()).ShouldContain(e => e.StartsWith($"baris {line}, kolom '{field}': "));
        (await CountsAsync()).ShouldBe(before);
        (await portal.Factory.WithDbAsync(db => db.SourceRecords.CountAsync(s => s.ExternalId == "IMP-001" || s.ExternalId == "IMP-002"))).ShouldBe(0);
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    public async Task An_empty_file_is_refused_as_empty_and_adds_nothing(string file)
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var before = await CountsAsync();
        var summary = await ExchangeLine.ImportAsync(portal.Factory, file);
        summary.Committed.ShouldBeFalse();
        summary.Errors.ShouldHaveSingleItem().Message.ShouldContain("kosong");
        (summary.Added, summary.Updated, summary.Unchanged).ShouldBe((0, 0, 0));
        (await CountsAsync()).ShouldBe(before);
    }

    [SkippableFact]
    public async Task The_same_lines_without_the_bad_one_are_saved_whole_and_again_change_nothing()
    {
        TestDatabase.SkipUnlessAvailable(portal.Provider);
        var before = await CountsAsync();
        var file = string.Join('\n', (First with { SourceId = "OK-001" }).ToJson(), (Second with { SourceId = "OK-002" }).ToJson());

        var summary = await ExchangeLine.ImportAsync(portal.Factory, file);
        summary.Errors.ShouldBeEmpty();
        summary.Added.ShouldBe(2);
        var after = await CountsAsync();
        after.ShouldBe((before.Innovations + 2, before.Sources + 2, before.Awards + 1));
        var saved = await portal.Factory.WithDbAsync(db => db.Innovations.Include(i => i.Sdgs).SingleAsync(i => i.Acronym == "LAKSA"));
        (saved.RegencyCode, saved.ProvinceCode, saved.YearStarted, saved.AwardCount, saved.Sdgs.Count).ShouldBe(("35.78", "35", 2018, 1, 1));
        saved.UnitName.ShouldBe("Dinas Kependudukan dan Pencatatan Sipil Kota Surabaya");

        var again = await ExchangeLine.ImportAsync(portal.Factory, file + "\n");
        (again.Added, again.Updated, again.Unchanged).ShouldBe((0, 0, 2));
        (await CountsAsync()).ShouldBe(after);
    }

    private static string BadLine(string problem)
    {
        const string Start = """{"source":"KIPP","source_id":"IMP-BAD","name":"Layanan Pengaduan Warga","province":"35",""";
        return problem switch
        {
            "invalid JSON" => """{"source":"KIPP","source_id":"IMP-BAD","name":"Layanan Pengaduan Warga",""",
            "not an object" => """["KIPP","IMP-BAD","Layanan Pengaduan Warga"]""",
            "missing name" => """{"source":"KIPP","source_id":"IMP-BAD","province":"35","year":2020}""",
            "blank name" => """{"source":"KIPP","source_id":"IMP-BAD","name":"   ","province":"35"}""",
            "unknown source" => """{"source":"FACEBOOK","source_id":"IMP-BAD","name":"Layanan Pengaduan Warga"}""",
            "unknown province" => Start.Replace("\"35\"", "\"99\"", StringComparison.Ordinal) + "\"year\":2020}",
            "unknown sector" => Start + "\"sector\":\"SEKTOR_FIKTIF\"}",
            "year 3021" => Start + "\"year\":3021}",
            "year not a number" => Start + "\"year\":\"dua ribu\"}",
            "regency not in province" => Start + "\"regency_city\":\"16.71\"}",
            "unknown award" => Start + "\"award\":\"KIPP_TOP1000\"}",
            "unknown award in a list" => Start + "\"award\":[\"KIPP_TOP45\",\"PIALA_X\"]}",
            "unknown sdg" => Start + "\"sdgs\":[\"SDG3\",\"SDG99\"]}",
            "control character in name" => """{"source":"KIPP","source_id":"IMP-BAD","name":"Layanan\u0007Pengaduan"}""",
            "NUL in summary" => Start + "\"summary\":\"Warga melapor\\u0000 lewat aplikasi.\"}",
            "line over 200,000 characters" => Start + "\"summary\":\"" + new string('a', 200_001) + "\"}",
            "summary over 20,000 characters" => Start + "\"summary\":\"" + string.Concat(Enumerable.Repeat("Warga melapor. ", 1_400)) + "\"}",
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
    }

    private Task<(int Innovations, int Sources, int Awards)> CountsAsync() => portal.Factory.WithDbAsync(async db =>
        (await db.Innovations.CountAsync(), await db.SourceRecords.CountAsync(), await db.Awards.CountAsync()));
}

public sealed class SqliteSearchPortal() : SearchPortal(DatabaseProvider.Sqlite);

public sealed class PostgresSearchPortal() : SearchPortal(DatabaseProvider.PostgreSql);

public sealed class SqliteImportPortal() : PortalFixture(DatabaseProvider.Sqlite);

public sealed class PostgresImportPortal() : PortalFixture(DatabaseProvider.PostgreSql);

public sealed class SqliteExchangeImportTests(SqliteImportPortal portal) : ExchangeImportTests(portal), IClassFixture<SqliteImportPortal>;

public sealed class PostgresExchangeImportTests(PostgresImportPortal portal) : ExchangeImportTests(portal), IClassFixture<PostgresImportPortal>;
