using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Innovations;

/// <summary>
/// Adds synthetic innovations for trials and benchmarks. Every one carries <see cref="Provenance.Synthetic"/>
/// and a name marked "[Sintetis]", so no page can pass one off as a real record. Rows go in a hundred per
/// statement (ten on SQLite), five thousand per transaction; then the search index is brought up to date.
/// </summary>
/// <remarks>
/// The text reads like a real submission: 1–5 KB of Indonesian per record over the summary and the eight
/// narrative fields, written from sentence templates whose slots are filled from word lists with a Zipf-like
/// frequency. A few words ("layanan", "masyarakat", "inovasi") occur in most records, the words of each of some
/// sixty service topics and the middle of every list in one to five per cent, village names and the tails of
/// the lists in fewer; every record has a brand name of three syllables (about 140,000 possible) that only a
/// handful of records share. Every record is drawn from its own generator seeded by (seed, number), so a load
/// is the same for the same seed whatever its batching.
/// </remarks>
public sealed class SyntheticInnovations(JippnasDb db, SearchIndexer indexer, TimeProvider clock, IConfiguration configuration, ILogger<SyntheticInnovations> logger)
{
    /// <summary>
    /// Set to false to leave the index as it is after loading, for a benchmark that times <c>rebuild-search</c>
    /// next and would otherwise build the same index twice. The new rows are not searchable until then.
    /// </summary>
    public const string IndexSetting = "Jippnas:Synthetic:Index";

    /// <summary>A load of at least this many rows (or of more rows than there were) rebuilds the search index instead of adding to it.</summary>
    public const int RebuildThreshold = 50_000;

    private const int BatchSize = 5_000;
    private const int RowsPerStatement = 100;

    // Microsoft.Data.Sqlite binds each parameter by name, and SQLite finds a name by walking the statement's list:
    // binding grows with the square of the parameters, so 2,300 of them (100 rows) cost more than the inserting.
    private const int SqliteRowsPerStatement = 10;
    private const int ColumnCount = 23;
    private const int IndexChunk = 5_000;

    public async Task AddAsync(int count, int seed, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var regencies = await db.Regions.Where(r => r.ParentCode != null).OrderBy(r => r.Code)
            .Select(r => new Place(r.Code, r.ParentCode!, r.Name)).ToListAsync(cancellationToken);
        var governments = await db.Agencies.Where(a => a.RegionCode != null && a.ParentId == null)
            .ToDictionaryAsync(a => a.RegionCode!, a => a.Id, cancellationToken);
        var sectors = await db.Sectors.OrderBy(s => s.Id).Select(s => new { s.Code, s.Id }).ToListAsync(cancellationToken);
        var existing = await db.Innovations.CountAsync(cancellationToken);
        var lastId = await db.Innovations.MaxAsync(i => (int?)i.Id, cancellationToken) ?? 0;
        var now = clock.GetUtcNow();
        var writer = new Writer(seed, regencies, governments, sectors.ToDictionary(s => s.Code, s => s.Id, StringComparer.Ordinal), [.. sectors.Select(s => s.Id)], now);

        var started = Stopwatch.GetTimestamp();
        var generated = TimeSpan.Zero;
        var connection = db.Database.GetDbConnection();
        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var perStatement = postgres ? RowsPerStatement : SqliteRowsPerStatement;
            DbCommand? full = null;
            for (var done = 0; done < count; done += BatchSize)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if (postgres)
                {
                    // Row triggers would upsert seven tallies per row; this transaction recounts them once instead.
                    await using var defer = connection.CreateCommand();
                    defer.Transaction = transaction;
                    defer.CommandText = "SET LOCAL jippnas.defer_tallies = 'on'";
                    await defer.ExecuteNonQueryAsync(cancellationToken);
                }

                var batchEnd = Math.Min(count, done + BatchSize);
                for (var rowStart = done; rowStart < batchEnd; rowStart += perStatement)
                {
                    var rows = Math.Min(perStatement, batchEnd - rowStart);
                    var command = rows == perStatement ? full ??= CreateInsert(connection, rows) : CreateInsert(connection, rows);
                    try
                    {
                        command.Transaction = transaction;
                        var generating = Stopwatch.GetTimestamp();
                        for (var row = 0; row < rows; row++)
                        {
                            writer.Fill(command, row * ColumnCount, rowStart + row);
                        }

                        generated += Stopwatch.GetElapsedTime(generating);
                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }
                    finally
                    {
                        if (command != full)
                        {
                            await command.DisposeAsync();
                        }
                    }
                }

                await transaction.CommitAsync(cancellationToken);
                progress?.Report(batchEnd);
            }

            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            if (postgres)
            {
                // Also after a failure: the batches committed so far were loaded with the triggers deferred.
                await db.RebuildTalliesAsync(CancellationToken.None);
            }
        }

        var loaded = Stopwatch.GetElapsedTime(started).TotalSeconds;
        logger.LogInformation(
            "Synthetic innovations: {Count} rows written in {Seconds:0.0} s ({Rate:0} rows/s, {Kilobytes:0.0} KB of text per row on average; generating the text took {Generating:0.0} s of it).",
            count, loaded, count / Math.Max(loaded, 0.001), writer.TextCharacters / 1024.0 / Math.Max(count, 1), generated.TotalSeconds);

        // A bulk load changes the shape of the data: give the planner fresh statistics at once. On PostgreSQL
        // VACUUM also marks the new rows visible to all, so index-only scans (the facet values of search
        // candidates, ix_innovations_facets) need not visit the wide rows.
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM (ANALYZE)" : "ANALYZE", cancellationToken);

        if (!configuration.GetValue(IndexSetting, defaultValue: true))
        {
            logger.LogWarning("Synthetic innovations: {Setting} is false, so the new rows are not searchable until 'rebuild-search'.", IndexSetting);
            return;
        }

        // The new rows must be searchable: a large load rebuilds the index in one pass, a small one adds to it.
        started = Stopwatch.GetTimestamp();
        if (count >= RebuildThreshold || count > existing)
        {
            await indexer.RebuildAsync(null, cancellationToken);
        }
        else
        {
            var ids = await db.Innovations.Where(i => i.Id > lastId && i.Provenance == Provenance.Synthetic)
                .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
            foreach (var chunk in ids.Chunk(IndexChunk))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await indexer.IndexAsync(chunk, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }

        logger.LogInformation("Synthetic innovations: search index brought up to date in {Seconds:0.0} s.", Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static DbCommand CreateInsert(DbConnection connection, int rows)
    {
        var command = connection.CreateCommand();
        var text = new StringBuilder("""
            INSERT INTO innovations (name, acronym, agency_id, province_code, regency_code, year_started, phase, status,
                status_reason, sector_id, is_digital, summary, problem, aims, novelty, implementation, impact,
                adaptability, resources, sustainability, provenance, provenance_note, created_at, updated_at,
                is_published, award_count)
            VALUES
            """);
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "\n(" : ",\n(");
            for (var column = 0; column < ColumnCount; column++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{(row * ColumnCount) + column}";
                command.Parameters.Add(parameter);
                text.Append(parameter.ParameterName).Append(", ");
            }

            // updated_at repeats created_at; every synthetic row is published and has no award.
            text.Append(CultureInfo.InvariantCulture, $"@p{(row * ColumnCount) + ColumnCount - 1}, TRUE, 0)");
        }

        command.CommandText = text.ToString();
        return command;
    }

    private sealed record Place(string Code, string ParentCode, string Name);

    /// <summary>Writes one record's column values; holds the word lists and a buffer, so one per load.</summary>
    private sealed class Writer(int seed, List<Place> regencies, Dictionary<string, int> governments, Dictionary<string, int> sectorIds, int[] sectors, DateTimeOffset now)
    {
        private readonly StringBuilder buffer = new(2_048);

        public long TextCharacters { get; private set; }

        public void Fill(DbCommand command, int offset, int number)
        {
            var random = new SplitMix(seed, number);
            var topic = Vocabulary.Topics[Vocabulary.TopicRank.Sample(ref random)];
            var regency = regencies[random.Next(regencies.Count)];
            var way = Vocabulary.Ways[Vocabulary.WayRank.Sample(ref random)];
            var brand = Vocabulary.Brand(ref random);
            var status = random.Next(10) < 8 ? InnovationStatus.Running : (InnovationStatus)(2 + random.Next(3));
            var year = 2014 + random.Next(12);
            var record = new Record(topic, regency.Name, way, brand, year);

            // 1–5 KB in all: about 900–4,400 characters aimed at, plus the overshoot of each field's last sentence.
            var target = 900 + (int)(3_500 * Math.Pow(random.NextDouble(), 1.3));
            var summaryLength = 200 + random.Next(230);
            var rest = Math.Max(target - summaryLength, 600);
            var summary = Text(ref random, Vocabulary.Summary, record, summaryLength, maxLength: 500);
            object?[] values =
            [
                $"[Sintetis] {brand}: {topic.Service} {way} {regency.Name}",
                brand.ToUpperInvariant(),
                governments.TryGetValue(regency.Code, out var agency) ? agency : null,
                regency.ParentCode,
                regency.Code,
                year,
                1 + random.Next(3),
                (int)status,
                status is InnovationStatus.Stopped or InnovationStatus.Dormant ? "Data sintetis: alasan contoh." : null,
                sectorIds.TryGetValue(topic.Sector, out var sector) ? sector : sectors[random.Next(sectors.Length)],
                random.Next(2) == 0,
                summary,
                Text(ref random, Vocabulary.Problem, record, rest * 17 / 100),
                Text(ref random, Vocabulary.Aims, record, rest * 10 / 100),
                Text(ref random, Vocabulary.Novelty, record, rest * 15 / 100),
                Text(ref random, Vocabulary.Implementation, record, rest * 22 / 100),
                Text(ref random, Vocabulary.Impact, record, rest * 14 / 100),
                Text(ref random, Vocabulary.Adaptability, record, rest * 7 / 100),
                Text(ref random, Vocabulary.Resources, record, rest * 7 / 100),
                Text(ref random, Vocabulary.Sustainability, record, rest * 8 / 100),
                (int)Provenance.Synthetic,
                "Data sintetis buatan JIPPNas untuk uji coba dan pengukuran; bukan inovasi nyata.",
                now,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is string text && i >= 11 && i <= 19)
                {
                    TextCharacters += text.Length;
                }

                command.Parameters[offset + i].Value = values[i] ?? DBNull.Value;
            }
        }

        // Sentences of the field's templates, none twice in a row, until the field reaches its length.
        private string Text(ref SplitMix random, Template[] templates, Record record, int length, int maxLength = int.MaxValue)
        {
            buffer.Clear();
            var previous = -1;
            while (buffer.Length < length)
            {
                var pick = random.Next(templates.Length);
                if (pick == previous)
                {
                    pick = (pick + 1) % templates.Length;
                }

                previous = pick;
                var start = buffer.Length;
                if (start > 0)
                {
                    buffer.Append(' ');
                }

                templates[pick].Render(buffer, ref random, record);
                if (buffer.Length > maxLength && start > 0)
                {
                    buffer.Length = start;
                    break;
                }
            }

            return buffer.ToString();
        }
    }

    /// <summary>What the slots of one record's sentences are filled from.</summary>
    private sealed record Record(Topic Topic, string Place, string Way, string Brand, int Year);

    /// <summary>A service area: its sector, its name in titles, the office that runs it and its own words.</summary>
    private sealed record Topic(string Sector, string Service, string Office, string[] Terms, string[] People)
    {
        public ZipfTable TermRank { get; } = new(Terms.Length, 0.8);

        public ZipfTable PeopleRank { get; } = new(People.Length, 0.8);
    }

    /// <summary>
    /// A sentence with slots: {L} the service, {H} the way it is delivered, {B} the brand, {D} the regency,
    /// {I} the office, {T} a word of the topic, {W} people served, {M} a partner, {A} a tool or channel,
    /// {K} an activity, {O} an outcome, {X} a problem, {S} staff, {V} a village, {N} a number, {P} a
    /// percentage, {Y} a year.
    /// </summary>
    private sealed class Template
    {
        private readonly string[] literals;
        private readonly char[] slots;

        public Template(string text)
        {
            var literalList = new List<string>();
            var slotList = new List<char>();
            var at = 0;
            while (true)
            {
                var open = text.IndexOf('{', at);
                if (open < 0)
                {
                    literalList.Add(text[at..]);
                    break;
                }

                literalList.Add(text[at..open]);
                slotList.Add(text[open + 1]);
                at = open + 3;
            }

            literals = [.. literalList];
            slots = [.. slotList];
        }

        public void Render(StringBuilder output, ref SplitMix random, Record record)
        {
            var start = output.Length;
            output.Append(literals[0]);
            for (var i = 0; i < slots.Length; i++)
            {
                output.Append(Fill(slots[i], ref random, record));
                output.Append(literals[i + 1]);
            }

            if (output.Length > start && char.IsLower(output[start]))
            {
                output[start] = char.ToUpperInvariant(output[start]);
            }
        }

        private static string Fill(char slot, ref SplitMix random, Record record) => slot switch
        {
            'L' => record.Topic.Service.ToLowerInvariant(),
            'H' => record.Way.ToLowerInvariant(),
            'B' => record.Brand,
            'D' => record.Place,
            'I' => record.Topic.Office,
            'T' => record.Topic.Terms[record.Topic.TermRank.Sample(ref random)],
            'W' => random.Next(3) == 0 ? record.Topic.People[record.Topic.PeopleRank.Sample(ref random)] : Vocabulary.People.Pick(ref random),
            'M' => Vocabulary.Partners.Pick(ref random),
            'A' => Vocabulary.Tools.Pick(ref random),
            'K' => Vocabulary.Activities.Pick(ref random),
            'O' => Vocabulary.Outcomes.Pick(ref random),
            'X' => Vocabulary.Problems.Pick(ref random),
            'S' => Vocabulary.Staff.Pick(ref random),
            'V' => Vocabulary.Village(ref random),
            'N' => Vocabulary.Number(ref random),
            'P' => Vocabulary.Percent(ref random),
            'Y' => (record.Year + random.Next(4)).ToString(CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"Unknown template slot '{slot}'."),
        };
    }

    /// <summary>A word list drawn with a Zipf-like frequency: the first word most often, the last rarely.</summary>
    private sealed class Ranked(double exponent, params string[] words)
    {
        private readonly ZipfTable rank = new(words.Length, exponent);

        public string Pick(ref SplitMix random) => words[rank.Sample(ref random)];
    }

    /// <summary>Rank r (0-based) of n drawn with probability proportional to 1 / (r + 1)^s.</summary>
    private sealed class ZipfTable
    {
        private readonly double[] cumulative;

        public ZipfTable(int n, double exponent)
        {
            cumulative = new double[n];
            var sum = 0.0;
            for (var r = 0; r < n; r++)
            {
                sum += 1 / Math.Pow(r + 1, exponent);
                cumulative[r] = sum;
            }

            for (var r = 0; r < n; r++)
            {
                cumulative[r] /= sum;
            }
        }

        public int Sample(ref SplitMix random)
        {
            var at = Array.BinarySearch(cumulative, random.NextDouble());
            return Math.Min(at < 0 ? ~at : at, cumulative.Length - 1);
        }
    }

    /// <summary>SplitMix64: small, fast, and the same sequence for the same (seed, number) on every platform.</summary>
    private struct SplitMix(int seed, int number)
    {
        private ulong state = ((ulong)(uint)seed << 32 | (uint)number) * 0x9E3779B97F4A7C15UL;

        public ulong NextULong()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public int Next(int bound) => (int)(((NextULong() >> 32) * (ulong)bound) >> 32);

        public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));
    }

    private static class Vocabulary
    {
        private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

        public static readonly Topic[] Topics =
        [
            new("KESEHATAN", "Pencegahan Stunting", "Dinas Kesehatan",
                ["stunting", "gizi buruk", "baduta", "seribu hari pertama kehidupan", "tablet tambah darah", "pemantauan tumbuh kembang", "makanan pendamping ASI", "remaja putri", "sanitasi rumah tangga", "pengukuran tinggi badan"],
                ["ibu hamil", "balita", "remaja putri", "keluarga berisiko stunting"]),
            new("ADMINDUK", "Layanan Akta Kelahiran", "Dinas Kependudukan dan Pencatatan Sipil",
                ["akta kelahiran", "bayi baru lahir", "surat keterangan lahir", "kartu keluarga", "pencatatan sipil", "NIK", "dokumen kependudukan", "register akta"],
                ["orang tua bayi", "ibu bersalin", "keluarga baru"]),
            new("KESEHATAN", "Pelayanan Persalinan", "Dinas Kesehatan",
                ["persalinan", "pemeriksaan kehamilan", "kematian ibu", "rujukan", "rumah tunggu kelahiran", "masa nifas", "bidan desa", "persalinan di fasilitas kesehatan", "buku KIA"],
                ["ibu hamil", "ibu bersalin", "ibu nifas", "bayi baru lahir"]),
            new("KESEHATAN", "Posyandu Balita", "Dinas Kesehatan",
                ["posyandu", "penimbangan", "kader posyandu", "kartu menuju sehat", "pemberian makanan tambahan", "vitamin A", "gizi seimbang", "kelas ibu balita"],
                ["balita", "ibu balita", "bayi"]),
            new("PENANAMAN_MODAL", "Perizinan Usaha", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
                ["perizinan", "izin usaha", "nomor induk berusaha", "OSS", "investor", "persetujuan bangunan gedung", "izin lingkungan", "pelayanan terpadu satu pintu"],
                ["pelaku usaha", "investor", "pemohon izin"]),
            new("LINGKUNGAN_HIDUP", "Pengelolaan Sampah", "Dinas Lingkungan Hidup",
                ["sampah", "tempat pembuangan akhir", "pemilahan sampah", "kompos", "sampah plastik", "retribusi sampah", "daur ulang", "armada pengangkut", "tempat pengolahan sampah terpadu"],
                ["rumah tangga", "pedagang pasar", "pengelola kawasan"]),
            new("ADMINDUK", "Perekaman KTP Elektronik", "Dinas Kependudukan dan Pencatatan Sipil",
                ["KTP elektronik", "perekaman data", "blangko", "data biometrik", "pemilih pemula", "wajib KTP", "identitas kependudukan digital", "cetak ulang"],
                ["penduduk wajib KTP", "pemilih pemula", "penduduk lanjut usia"]),
            new("KOMINFO", "Pengaduan Masyarakat", "Dinas Komunikasi dan Informatika",
                ["pengaduan", "aduan", "tindak lanjut", "SP4N LAPOR", "kanal pengaduan", "respons aduan", "keluhan layanan", "admin media sosial"],
                ["pelapor", "warganet", "pengguna layanan"]),
            new("PENANGGULANGAN_KEMISKINAN", "Penanganan Kemiskinan", "Badan Perencanaan Pembangunan Daerah",
                ["kemiskinan", "keluarga miskin", "kemiskinan ekstrem", "data terpadu kesejahteraan sosial", "program keluarga harapan", "graduasi", "bantuan pangan", "rumah tangga sasaran"],
                ["keluarga miskin", "keluarga prasejahtera", "penerima bantuan"]),
            new("KUKM", "Pemberdayaan UMKM", "Dinas Koperasi dan Usaha Kecil Menengah",
                ["UMKM", "pemasaran", "produk lokal", "kemasan", "modal usaha", "koperasi", "sertifikasi halal", "pameran produk", "kurasi produk"],
                ["pelaku UMKM", "pengrajin", "wirausaha muda"]),
            new("KEUANGAN_DAERAH", "Pembayaran Pajak Daerah", "Badan Pendapatan Daerah",
                ["pajak daerah", "pajak bumi dan bangunan", "wajib pajak", "retribusi", "pendapatan asli daerah", "tagihan pajak", "tunggakan pajak", "pembayaran nontunai"],
                ["wajib pajak", "pemilik kendaraan", "pemilik usaha"]),
            new("KESEHATAN", "Imunisasi Anak", "Dinas Kesehatan",
                ["imunisasi", "vaksin", "campak", "polio", "cakupan imunisasi", "rantai dingin", "imunisasi dasar lengkap", "bulan imunisasi anak sekolah"],
                ["bayi", "anak sekolah", "orang tua"]),
            new("PENDIDIKAN", "Beasiswa Anak Putus Sekolah", "Dinas Pendidikan",
                ["putus sekolah", "beasiswa", "kejar paket", "wajib belajar", "anak tidak sekolah", "biaya pendidikan", "seragam sekolah", "sekolah terbuka"],
                ["anak putus sekolah", "siswa miskin", "orang tua siswa"]),
            new("PUPR", "Penyediaan Air Bersih", "Dinas Pekerjaan Umum dan Penataan Ruang",
                ["air bersih", "sumur bor", "jaringan perpipaan", "PDAM", "mata air", "sambungan rumah", "hidran umum", "air minum layak"],
                ["rumah tangga", "warga dusun", "pelanggan air"]),
            new("KESEHATAN", "Pelayanan Puskesmas", "Dinas Kesehatan",
                ["puskesmas", "antrean pasien", "rekam medis elektronik", "poliklinik", "pendaftaran daring", "rawat jalan", "obat", "pelayanan gawat darurat"],
                ["pasien", "peserta BPJS", "pengunjung puskesmas"]),
            new("SOSIAL", "Layanan Penyandang Disabilitas", "Dinas Sosial",
                ["penyandang disabilitas", "alat bantu", "kursi roda", "aksesibilitas", "bahasa isyarat", "rehabilitasi sosial", "kartu penyandang disabilitas", "juru bahasa isyarat"],
                ["penyandang disabilitas", "keluarga pendamping", "anak berkebutuhan khusus"]),
            new("PMD", "Pemberdayaan Desa", "Dinas Pemberdayaan Masyarakat dan Desa",
                ["dana desa", "BUMDes", "musyawarah desa", "APBDes", "pendamping desa", "pembangunan desa", "padat karya", "profil desa"],
                ["perangkat desa", "kelompok masyarakat", "warga desa"]),
            new("KESEHATAN", "Layanan Kesehatan Lansia", "Dinas Kesehatan",
                ["lansia", "posbindu", "hipertensi", "diabetes", "penyakit tidak menular", "perawatan di rumah", "senam lansia", "pemeriksaan gula darah"],
                ["lansia", "pendamping lansia", "keluarga lansia"]),
            new("PERTANIAN", "Pendampingan Petani", "Dinas Pertanian",
                ["petani", "pupuk bersubsidi", "benih unggul", "penyuluh pertanian", "hasil panen", "kelompok tani", "irigasi", "hama tanaman", "kartu tani"],
                ["petani", "kelompok tani", "buruh tani"]),
            new("KOMINFO", "Desa Digital", "Dinas Komunikasi dan Informatika",
                ["desa digital", "sistem informasi desa", "internet desa", "website desa", "literasi digital", "titik akses", "surat desa daring"],
                ["perangkat desa", "warga desa", "pemuda desa"]),
            new("PPPA", "Perlindungan Anak", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
                ["kekerasan terhadap anak", "perlindungan anak", "pendampingan korban", "pernikahan dini", "rumah aman", "forum anak", "kota layak anak", "konseling"],
                ["anak", "korban kekerasan", "remaja"]),
            new("TENAGA_KERJA", "Pelatihan Kerja", "Dinas Tenaga Kerja",
                ["pencari kerja", "pelatihan kerja", "balai latihan kerja", "lowongan kerja", "bursa kerja", "sertifikasi kompetensi", "kartu kuning", "pemagangan"],
                ["pencari kerja", "lulusan SMK", "pekerja korban PHK"]),
            new("PENDIDIKAN", "Gerakan Literasi Sekolah", "Dinas Pendidikan",
                ["literasi", "gemar membaca", "buku bacaan", "pojok baca", "perpustakaan sekolah", "jurnal membaca", "duta baca"],
                ["siswa", "guru", "pustakawan sekolah"]),
            new("TRANTIBUM", "Penanggulangan Bencana", "Badan Penanggulangan Bencana Daerah",
                ["bencana", "banjir", "tanah longsor", "evakuasi", "posko bencana", "kesiapsiagaan", "peringatan dini", "jalur evakuasi", "desa tangguh bencana"],
                ["pengungsi", "warga terdampak", "relawan bencana"]),
            new("LINGKUNGAN_HIDUP", "Bank Sampah", "Dinas Lingkungan Hidup",
                ["bank sampah", "nasabah bank sampah", "tabungan sampah", "pengepul", "sampah anorganik", "ecobrick", "sedekah sampah"],
                ["ibu rumah tangga", "nasabah", "siswa"]),
            new("SOSIAL", "Bantuan Sosial Tepat Sasaran", "Dinas Sosial",
                ["bantuan sosial", "penerima manfaat", "verifikasi data", "pendamping sosial", "bantuan langsung tunai", "pemutakhiran data", "kartu sembako"],
                ["penerima bantuan", "keluarga miskin", "lansia terlantar"]),
            new("PERHUBUNGAN", "Angkutan Umum", "Dinas Perhubungan",
                ["angkutan umum", "bus", "halte", "trayek", "penumpang", "tiket elektronik", "angkutan perdesaan", "armada"],
                ["penumpang", "pelajar", "pekerja komuter"]),
            new("PUPR", "Sanitasi Layak", "Dinas Pekerjaan Umum dan Penataan Ruang",
                ["jamban sehat", "sanitasi", "buang air besar sembarangan", "tangki septik", "air limbah domestik", "sedot tinja"],
                ["rumah tangga", "warga bantaran sungai", "keluarga miskin"]),
            new("PPKB", "Keluarga Berencana", "Dinas Pengendalian Penduduk dan Keluarga Berencana",
                ["keluarga berencana", "akseptor", "kontrasepsi", "penyuluh KB", "pasangan usia subur", "kampung KB", "bina keluarga balita"],
                ["pasangan usia subur", "akseptor KB", "calon pengantin"]),
            new("PERTANAHAN", "Sertifikat Tanah", "Kantor Pertanahan",
                ["sertifikat tanah", "bidang tanah", "sengketa tanah", "pendaftaran tanah sistematis", "patok batas", "peta bidang"],
                ["pemilik tanah", "ahli waris", "warga desa"]),
            new("KESEHATAN", "Pengendalian Tuberkulosis", "Dinas Kesehatan",
                ["tuberkulosis", "TBC", "obat anti tuberkulosis", "pengawas minum obat", "skrining TBC", "investigasi kontak", "batuk berdahak"],
                ["pasien TBC", "keluarga pasien", "kontak serumah"]),
            new("PEMERINTAHAN_UMUM", "Mal Pelayanan Publik", "Sekretariat Daerah",
                ["mal pelayanan publik", "gerai layanan", "loket", "antrean daring", "layanan terpadu", "standar pelayanan"],
                ["pemohon", "pengunjung", "pelaku usaha"]),
            new("KELAUTAN_PERIKANAN", "Pemberdayaan Nelayan", "Dinas Kelautan dan Perikanan",
                ["nelayan", "perahu", "hasil tangkapan", "tempat pelelangan ikan", "budidaya ikan", "kartu nelayan", "rumpon", "cuaca laut"],
                ["nelayan", "pembudidaya ikan", "pengolah ikan"]),
            new("PARIWISATA", "Desa Wisata", "Dinas Pariwisata",
                ["desa wisata", "wisatawan", "homestay", "pemandu wisata", "kunjungan wisata", "paket wisata", "kelompok sadar wisata"],
                ["pelaku wisata", "wisatawan", "pemuda desa"]),
            new("PENDIDIKAN", "Peningkatan Mutu Guru", "Dinas Pendidikan",
                ["guru", "pelatihan guru", "kompetensi guru", "kurikulum", "supervisi akademik", "kepala sekolah", "komunitas belajar", "guru honorer"],
                ["guru", "kepala sekolah", "pengawas sekolah"]),
            new("KESEHATAN", "Pencegahan Demam Berdarah", "Dinas Kesehatan",
                ["demam berdarah", "jentik nyamuk", "pemberantasan sarang nyamuk", "juru pemantau jentik", "fogging", "angka bebas jentik"],
                ["rumah tangga", "siswa", "kader jumantik"]),
            new("KESEHATAN", "Kesehatan Jiwa", "Dinas Kesehatan",
                ["gangguan jiwa", "ODGJ", "pemasungan", "kesehatan jiwa", "psikolog", "rehabilitasi", "obat jiwa"],
                ["orang dengan gangguan jiwa", "keluarga pasien", "remaja"]),
            new("PANGAN", "Ketahanan Pangan", "Dinas Ketahanan Pangan",
                ["ketahanan pangan", "cadangan pangan", "lumbung pangan", "harga beras", "rawan pangan", "pekarangan pangan lestari", "pangan lokal"],
                ["rumah tangga rawan pangan", "kelompok wanita tani", "petani"]),
            new("PERHUBUNGAN", "Keselamatan Lalu Lintas", "Dinas Perhubungan",
                ["lalu lintas", "kecelakaan", "rambu", "parkir", "uji kendaraan bermotor", "zona selamat sekolah", "penerangan jalan"],
                ["pengendara", "pelajar", "juru parkir"]),
            new("PUPR", "Perbaikan Jalan Desa", "Dinas Pekerjaan Umum dan Penataan Ruang",
                ["jalan rusak", "jalan desa", "pengaspalan", "drainase", "jembatan", "laporan jalan berlubang"],
                ["pengguna jalan", "warga desa", "petani"]),
            new("KOMINFO", "Satu Data Daerah", "Dinas Komunikasi dan Informatika",
                ["satu data", "data sektoral", "portal data", "metadata", "interoperabilitas", "walidata", "dasbor pimpinan"],
                ["pengelola data", "perencana", "peneliti"]),
            new("PERKIM", "Bedah Rumah", "Dinas Perumahan dan Kawasan Permukiman",
                ["rumah tidak layak huni", "bedah rumah", "swadaya", "permukiman kumuh", "bantuan stimulan perumahan"],
                ["keluarga miskin", "lansia", "janda"]),
            new("ADMINDUK", "Layanan Akta Kematian", "Dinas Kependudukan dan Pencatatan Sipil",
                ["akta kematian", "ahli waris", "pelaporan kematian", "pemakaman", "surat keterangan kematian"],
                ["ahli waris", "keluarga yang berduka"]),
            new("ADMINDUK", "Kartu Identitas Anak", "Dinas Kependudukan dan Pencatatan Sipil",
                ["kartu identitas anak", "KIA", "anak usia sekolah", "identitas anak"],
                ["anak", "orang tua", "sekolah dasar"]),
            new("PERDAGANGAN", "Stabilisasi Harga Bahan Pokok", "Dinas Perdagangan",
                ["harga bahan pokok", "pasar murah", "inflasi", "distribusi barang", "operasi pasar", "harga cabai"],
                ["pedagang", "konsumen", "distributor"]),
            new("KEPEMUDAAN_OLAHRAGA", "Pembinaan Atlet Muda", "Dinas Pemuda dan Olahraga",
                ["atlet", "olahraga prestasi", "turnamen", "pelatih", "pemanduan bakat", "sekolah olahraga"],
                ["atlet muda", "pemuda", "pelatih"]),
            new("KEBUDAYAAN", "Pelestarian Budaya", "Dinas Kebudayaan",
                ["kebudayaan", "kesenian tradisional", "sanggar seni", "cagar budaya", "tari tradisional", "bahasa daerah"],
                ["seniman", "pelajar", "komunitas adat"]),
            new("PERPUSTAKAAN", "Perpustakaan Keliling", "Dinas Perpustakaan",
                ["perpustakaan", "mobil perpustakaan", "minat baca", "taman bacaan masyarakat", "koleksi buku", "perpustakaan digital"],
                ["anak", "pelajar", "pembaca"]),
            new("KEARSIPAN", "Arsip Digital", "Dinas Kearsipan",
                ["arsip", "digitalisasi arsip", "arsip vital", "penyusutan arsip", "naskah dinas"],
                ["pegawai", "pengelola arsip"]),
            new("PERTANIAN", "Kesehatan Hewan Ternak", "Dinas Peternakan",
                ["ternak", "sapi", "vaksinasi hewan", "peternak", "pusat kesehatan hewan", "inseminasi buatan", "penyakit mulut dan kuku"],
                ["peternak", "kelompok ternak"]),
            new("KEHUTANAN", "Pencegahan Kebakaran Hutan", "Dinas Kehutanan",
                ["kebakaran hutan", "lahan gambut", "titik api", "masyarakat peduli api", "patroli hutan", "pembukaan lahan tanpa bakar"],
                ["masyarakat sekitar hutan", "petani", "relawan"]),
            new("ESDM", "Energi Terbarukan", "Dinas Energi dan Sumber Daya Mineral",
                ["panel surya", "listrik desa", "energi terbarukan", "pembangkit listrik tenaga surya", "mikrohidro", "lampu tenaga surya"],
                ["warga dusun", "sekolah", "nelayan"]),
            new("TRANTIBUM", "Pemadam Kebakaran", "Dinas Pemadam Kebakaran",
                ["kebakaran", "pemadam kebakaran", "hidran", "waktu tanggap", "alat pemadam api ringan", "relawan kebakaran"],
                ["warga", "pemilik gedung", "pedagang pasar"]),
            new("PPPA", "Pemberdayaan Perempuan", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
                ["perempuan", "kelompok wanita", "kesetaraan gender", "usaha rumahan", "perempuan kepala keluarga"],
                ["perempuan", "perempuan kepala keluarga", "kelompok wanita"]),
            new("TENAGA_KERJA", "Pelindungan Pekerja Migran", "Dinas Tenaga Kerja",
                ["pekerja migran", "calo tenaga kerja", "penempatan", "dokumen keberangkatan", "purna pekerja migran"],
                ["calon pekerja migran", "keluarga pekerja migran"]),
            new("KOMINFO", "Jaringan Internet Publik", "Dinas Komunikasi dan Informatika",
                ["internet", "wifi publik", "jaringan", "menara telekomunikasi", "daerah tanpa sinyal"],
                ["pelajar", "warga", "pelaku usaha"]),
            new("STATISTIK", "Statistik Sektoral", "Dinas Komunikasi dan Informatika",
                ["statistik", "survei", "indikator kinerja", "dasbor", "rekomendasi kegiatan statistik"],
                ["perencana", "pegawai"]),
            new("PEMERINTAHAN_UMUM", "Manajemen Kepegawaian", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
                ["aparatur sipil negara", "kenaikan pangkat", "absensi", "kinerja pegawai", "cuti", "sasaran kinerja pegawai"],
                ["pegawai", "aparatur sipil negara"]),
            new("PERINDUSTRIAN", "Pengembangan Industri Kecil", "Dinas Perindustrian",
                ["industri kecil", "sentra industri", "mesin produksi", "standar nasional Indonesia", "kerajinan"],
                ["pengrajin", "pelaku industri kecil"]),
            new("TRANSMIGRASI", "Kawasan Transmigrasi", "Dinas Transmigrasi",
                ["transmigrasi", "lahan usaha", "permukiman transmigrasi", "kawasan transmigrasi"],
                ["transmigran", "warga lokal"]),
            new("PERSANDIAN", "Keamanan Informasi", "Dinas Komunikasi dan Informatika",
                ["keamanan informasi", "sertifikat elektronik", "sandi", "insiden siber", "tanda tangan elektronik"],
                ["pegawai", "pengelola sistem"]),
        ];

        public static readonly ZipfTable TopicRank = new(Topics.Length, 0.9);

        public static readonly string[] Ways =
        [
            "Jemput Bola", "Terpadu", "Berbasis Aplikasi", "Satu Pintu", "Keliling", "Daring", "Gotong Royong", "Tanpa Antre",
            "Berbasis Desa", "Terintegrasi", "Ramah Disabilitas", "Cepat", "Gratis", "Berbasis Komunitas", "Digital", "Malam Hari",
            "Akhir Pekan", "Kolaboratif", "Mandiri", "Sekolah", "Keluarga", "Kampung", "Pintar", "Sehat", "Bersama",
        ];

        public static readonly ZipfTable WayRank = new(Ways.Length, 0.8);

        public static readonly Ranked People = new(
            1.0,
            "warga", "masyarakat", "penduduk", "keluarga miskin", "anak", "perempuan", "lansia", "pelajar", "pemuda",
            "pelaku usaha", "penyandang disabilitas", "pekerja", "rumah tangga", "pemohon", "pasien", "siswa",
            "aparatur desa", "tokoh masyarakat", "remaja", "kepala keluarga", "ibu rumah tangga", "pedagang kecil",
            "masyarakat adat", "warga pesisir", "warga pedalaman", "buruh harian", "mahasiswa", "pengemudi ojek",
            "korban bencana", "keluarga nelayan", "penghuni rumah susun", "anak jalanan", "warga binaan", "difabel netra",
            "petani penggarap", "pedagang kaki lima", "veteran", "orang tua tunggal", "pengungsi", "santri");

        public static readonly Ranked Partners = new(
            1.0,
            "pemerintah desa", "kecamatan", "puskesmas", "kelurahan", "kader desa", "perguruan tinggi", "dunia usaha",
            "tim penggerak PKK", "BUMDes", "karang taruna", "bank daerah", "organisasi perangkat daerah", "TNI dan Polri",
            "tokoh agama", "lembaga swadaya masyarakat", "rumah sakit umum daerah", "sekolah", "Baznas",
            "perusahaan swasta melalui CSR", "media lokal", "komunitas relawan", "kantor pos", "BPJS Kesehatan",
            "pemerintah provinsi", "DPRD", "Bappeda", "Inspektorat", "Kejaksaan Negeri", "Pengadilan Agama",
            "Kantor Urusan Agama", "Badan Pusat Statistik", "PLN", "Telkom", "koperasi", "asosiasi profesi",
            "pondok pesantren", "majelis taklim", "posyandu", "bidan praktik mandiri", "apotek", "Palang Merah Indonesia",
            "pramuka", "forum anak daerah", "organisasi penyandang disabilitas", "kelompok tani", "dharma wanita",
            "gereja", "masjid", "radio komunitas", "startup lokal", "ikatan bidan", "balai besar", "kementerian");

        public static readonly Ranked Tools = new(
            1.0,
            "aplikasi", "WhatsApp", "website", "layanan daring", "SMS", "sistem informasi", "formulir daring", "kode QR",
            "dasbor", "media sosial", "kios layanan mandiri", "mobil layanan", "papan informasi", "pusat panggilan",
            "tanda tangan elektronik", "peta digital", "basis data", "telepon pintar", "tablet", "Instagram", "Facebook",
            "YouTube", "Telegram", "surel", "radio komunitas", "GPS", "CCTV", "drone", "sensor", "kartu pintar",
            "notifikasi otomatis", "chatbot", "video conference", "printer portabel", "alat perekam keliling",
            "pesan suara", "tiket elektronik", "e-wallet", "QRIS", "spanduk");

        public static readonly Ranked Activities = new(
            1.0,
            "sosialisasi", "pendampingan", "pelatihan", "pemantauan", "evaluasi", "pendataan", "verifikasi", "penyuluhan",
            "kunjungan rumah", "rapat koordinasi", "bimbingan teknis", "musyawarah", "lokakarya", "uji coba", "survei",
            "pemetaan", "kampanye", "lomba", "konsultasi", "penjangkauan", "pemeriksaan", "pencatatan", "penilaian",
            "pembinaan", "supervisi", "rekonsiliasi data", "gelar wicara", "kelas daring", "studi banding", "apel siaga",
            "gerakan serentak", "rembuk warga", "temu kader", "jambore", "pameran", "audit", "simulasi", "piket layanan");

        public static readonly Ranked Outcomes = new(
            1.0,
            "waktu layanan", "kepuasan masyarakat", "cakupan layanan", "biaya layanan", "jumlah pengaduan",
            "jumlah kunjungan", "tingkat kehadiran", "akurasi data", "transparansi", "akuntabilitas", "efisiensi anggaran",
            "pendapatan asli daerah", "angka partisipasi", "jumlah penerima manfaat", "indeks kepuasan", "kecepatan respons",
            "kepatuhan", "ketepatan sasaran", "kualitas hidup", "kemandirian", "angka kematian", "indeks pembangunan manusia",
            "penyerapan anggaran", "produktivitas", "jumlah kasus", "rasio pelayanan", "nilai SAKIP", "opini BPK",
            "peringkat nasional", "partisipasi perempuan");

        public static readonly Ranked Problems = new(
            1.0,
            "jarak tempuh yang jauh", "antrean panjang", "keterbatasan anggaran", "kurangnya petugas", "data yang tidak akurat",
            "rendahnya kesadaran masyarakat", "prosedur yang berbelit", "biaya transportasi yang tinggi", "keterbatasan sarana",
            "kondisi geografis yang sulit", "sinyal internet yang lemah", "pencatatan manual", "dokumen yang hilang",
            "koordinasi lintas sektor yang lemah", "pungutan liar", "informasi yang tidak merata", "praktik calo",
            "rendahnya partisipasi", "jam layanan yang terbatas", "kantor yang jauh", "jalan yang rusak", "cuaca ekstrem",
            "tumpang tindih program", "keterbatasan bahasa", "stigma sosial", "akses transportasi umum yang minim",
            "persyaratan yang tidak jelas", "rotasi pegawai", "beban kerja yang tinggi", "rendahnya literasi digital",
            "pemadaman listrik", "perubahan regulasi", "data ganda", "lambatnya verifikasi", "kurangnya sosialisasi",
            "keterbatasan perangkat", "budaya setempat", "musim panen", "banjir musiman", "kesibukan bekerja");

        public static readonly Ranked Staff = new(
            1.0,
            "petugas", "operator", "kader", "tenaga kesehatan", "pendamping", "penyuluh", "relawan", "aparatur sipil negara",
            "perangkat desa", "bidan", "perawat", "guru", "lurah", "camat", "kepala desa", "ketua RT", "ketua RW",
            "fasilitator", "admin", "verifikator", "koordinator lapangan", "tim teknis", "tenaga ahli", "pustakawan",
            "penyuluh lapangan", "pekerja sosial", "juru bahasa", "dokter", "sanitarian", "analis data");

        private static readonly string[] VillageHeads =
        [
            "Suka", "Karang", "Tanjung", "Sido", "Sumber", "Mekar", "Cipta", "Bina", "Tegal", "Wono", "Marga", "Jati",
            "Giri", "Banyu", "Kali", "Tirta", "Bumi", "Sinar", "Pasir", "Mulya", "Harja", "Sri", "Purwo", "Rejo",
            "Taman", "Lubuk", "Padang", "Koto", "Batu", "Air",
        ];

        private static readonly string[] VillageTails =
        [
            "maju", "jaya", "makmur", "mulya", "rejo", "harjo", "sari", "asih", "indah", "mukti", "agung", "luhur",
            "wangi", "karya", "tani", "baru", "sejahtera", "lestari", "mekar", "rahayu", "damai", "subur", "kencana",
            "asri", "raharja", "mandiri", "utama", "jati", "mulyo", "sentosa",
        ];

        private static readonly ZipfTable VillageRank = new(VillageHeads.Length * VillageTails.Length, 0.6);

        private static readonly string[] Syllables =
        [
            "si", "pa", "ku", "ma", "ta", "na", "ra", "la", "ga", "ba", "da", "ja", "sa", "ka", "wa", "ya", "be", "re",
            "te", "me", "ne", "de", "ri", "li", "ni", "mi", "ti", "ki", "bo", "do", "lo", "mo", "no", "ro", "to", "ko",
            "bu", "du", "lu", "mu", "nu", "ru", "tu", "gu", "cer", "man", "tan", "dar", "sin", "pin", "gan", "hat",
        ];

        public static readonly Template[] Summary = Parse(
            "{B} adalah inovasi {L} yang dikembangkan {I} {D} untuk memudahkan {W} mendapatkan pelayanan.",
            "Melalui {B}, {S} melayani {W} secara {H} sehingga pelayanan menjadi lebih cepat dan mudah.",
            "Inovasi ini memadukan {A} dan {K} agar {W} di {V} tidak lagi terkendala {X}.",
            "Sejak {Y}, {B} telah menjangkau {N} {W} di {D}.",
            "Layanan dijalankan bersama {M} dan {M} dengan dukungan anggaran daerah.",
            "Fokus utama inovasi adalah {T} dan {T} bagi {W}.",
            "{B} lahir dari keluhan {W} tentang {X} dalam urusan {T}.",
            "Dengan {B}, urusan {T} yang dulu memakan waktu berminggu-minggu kini selesai dalam hitungan hari.",
            "Inovasi {L} {H} ini menempatkan {S} sebagai ujung tombak pelayanan di tingkat desa.",
            "Pemerintah {D} menjadikan {B} sebagai program unggulan untuk meningkatkan {O}.",
            "Masyarakat cukup menghubungi {S} melalui {A} untuk mendapatkan layanan {T}.",
            "Inovasi ini menjawab masalah {X} yang selama bertahun-tahun dialami {W}.");

        public static readonly Template[] Problem = Parse(
            "Sebelum inovasi ini, {W} di {D} menghadapi {X} ketika mengurus {T}.",
            "Data tahun {Y} menunjukkan {N} {W} belum terlayani karena {X}.",
            "Banyak {W} di Desa {V} harus menempuh perjalanan jauh ke kantor {I} untuk urusan {T}.",
            "Permasalahan {T} di daerah ini diperparah oleh {X} dan {X}.",
            "Pelayanan {L} masih dilakukan secara manual sehingga memakan waktu berhari-hari.",
            "{S} kewalahan melayani permohonan yang menumpuk setiap bulan.",
            "Cakupan {T} baru mencapai {P} persen, jauh di bawah target nasional.",
            "Masyarakat kurang mendapatkan informasi tentang prosedur {L}.",
            "Tingginya {X} menyebabkan banyak {W} enggan datang ke tempat layanan.",
            "Koordinasi antara {I} dan {M} belum berjalan baik sehingga data {T} sering berbeda.",
            "Kondisi wilayah {D} yang terdiri dari perbukitan dan pulau-pulau kecil menyulitkan pelayanan.",
            "Pengaduan masyarakat tentang {T} meningkat dari tahun ke tahun.",
            "Biaya yang dikeluarkan {W} untuk transportasi sering lebih besar daripada biaya layanan itu sendiri.",
            "Pencatatan {T} yang tersebar di beberapa unit membuat pemantauan sulit dilakukan.",
            "Di Desa {V}, hanya {P} persen {W} yang mengetahui hak mereka atas {T}.",
            "Hasil {K} pada tahun {Y} menemukan {N} kasus {T} yang tidak tercatat.",
            "Jam layanan kantor bertepatan dengan jam kerja {W} sehingga mereka harus izin dari pekerjaan.",
            "Laporan {T} dari desa terlambat masuk karena dikirim dalam bentuk kertas.",
            "{W} sering bolak-balik ke kantor karena persyaratan yang diminta tidak lengkap.",
            "Keterbatasan {S} membuat satu petugas harus melayani {N} {W}.",
            "Indikator {O} daerah ini termasuk yang terendah di provinsi.",
            "Survei kepuasan menunjukkan keluhan utama masyarakat adalah {X}.");

        public static readonly Template[] Aims = Parse(
            "Inovasi ini bertujuan meningkatkan cakupan {T} bagi {W} di seluruh {D}.",
            "Tujuan utamanya adalah memangkas waktu pelayanan {L} dan mengurangi {X}.",
            "Pemerintah daerah ingin memastikan setiap {W} mendapatkan layanan {T} tanpa biaya tambahan.",
            "{B} diharapkan mendekatkan layanan kepada {W} yang tinggal jauh dari pusat kota.",
            "Target tahun {Y} adalah menjangkau {N} {W}.",
            "Inovasi juga bertujuan memperbaiki kualitas data {T} sebagai dasar perencanaan.",
            "Selain itu, inovasi ini mendorong peran {M} dalam pelayanan publik.",
            "Meningkatkan {O} menjadi sasaran yang diukur setiap triwulan.",
            "Inovasi ini ingin menghapus {X} dalam pelayanan {T}.",
            "Sasaran lainnya adalah {O} meningkat {P} persen dalam tiga tahun.",
            "Melalui {K}, {W} diharapkan lebih sadar akan pentingnya {T}.");

        public static readonly Template[] Novelty = Parse(
            "Kebaruan inovasi ini terletak pada penggunaan {A} untuk memantau {T} secara waktu nyata.",
            "Berbeda dengan cara lama, {W} cukup mengirim permohonan melalui {A} tanpa datang ke kantor.",
            "{S} datang langsung ke Desa {V} dengan membawa perangkat perekaman dan {A}.",
            "Untuk pertama kalinya di {D}, layanan {T} dapat diselesaikan dalam satu hari.",
            "Inovasi memadukan {K} dan {K} dalam satu alur pelayanan terpadu.",
            "Sistem mengirim pengingat otomatis melalui {A} kepada {W} yang jadwalnya sudah dekat.",
            "Setiap permohonan diberi kode unik sehingga statusnya dapat dilacak oleh pemohon.",
            "{B} menghubungkan data {I} dengan data {M} sehingga tidak ada lagi pencatatan ganda.",
            "Pendekatan {H} dipadukan dengan {K} oleh {S} setempat.",
            "Tanda tangan elektronik menggantikan tanda tangan basah pada dokumen {T}.",
            "Layanan dibuka juga pada malam hari dan akhir pekan agar {W} yang bekerja tetap dapat dilayani.",
            "{S} menggunakan {A} untuk mencatat {T} langsung di rumah {W}.",
            "Dasbor {B} menampilkan sebaran {T} per desa sehingga pimpinan dapat mengambil keputusan dengan cepat.",
            "Pembayaran dapat dilakukan melalui {A} tanpa uang tunai.");

        public static readonly Template[] Implementation = Parse(
            "Pada tahap awal tahun {Y}, {I} melakukan {K} kepada {S} di setiap kecamatan.",
            "{S} kemudian melakukan {K} dari rumah ke rumah di Desa {V} dan Desa {V}.",
            "Uji coba dilaksanakan di {N} desa sebelum diperluas ke seluruh {D}.",
            "Kerja sama dengan {M} diresmikan melalui nota kesepahaman.",
            "Setiap bulan {S} menyusun laporan {T} dan menyampaikannya kepada kepala daerah.",
            "Pelaksanaan inovasi diawasi oleh tim yang dibentuk dengan keputusan kepala daerah.",
            "Jadwal layanan diumumkan melalui {A} dan {A} agar {W} dapat menyesuaikan waktu.",
            "Permohonan yang masuk diverifikasi oleh {S} paling lambat dua hari kerja.",
            "{W} yang tidak memiliki telepon pintar dibantu oleh {S} di kantor desa.",
            "Evaluasi dilakukan setiap triwulan bersama {M} untuk memperbaiki alur pelayanan.",
            "Anggaran operasional bersumber dari APBD sebesar Rp{N} juta per tahun.",
            "Pada tahun {Y}, layanan diperluas ke {N} kelurahan dengan dukungan {M}.",
            "{S} dibekali {A} untuk mencatat {T} langsung di lapangan.",
            "Setiap Kamis, {S} membuka layanan {T} di balai Desa {V}.",
            "{K} untuk {W} dilakukan bersama {M} di tiap kecamatan.",
            "Data {T} dari lapangan dikirim ke {I} melalui {A} setiap hari.",
            "Kendala {X} diatasi dengan {K} dan penambahan {S}.",
            "Sebanyak {N} {S} telah mengikuti {K} tentang {T}.",
            "Alur layanan disederhanakan dari {N} langkah menjadi tiga langkah.");

        public static readonly Template[] Impact = Parse(
            "Waktu penyelesaian layanan turun dari {N} hari menjadi {N} hari.",
            "Cakupan {T} meningkat dari {P} persen menjadi {P} persen dalam dua tahun.",
            "Sebanyak {N} {W} telah menerima manfaat dari inovasi ini.",
            "Indeks kepuasan masyarakat terhadap layanan {L} mencapai {P} persen.",
            "Jumlah pengaduan tentang {T} berkurang secara nyata.",
            "{W} di Desa {V} tidak lagi mengeluarkan biaya transportasi untuk mengurus {T}.",
            "{O} membaik dan menjadi perhatian pemerintah provinsi.",
            "Inovasi ini meraih penghargaan tingkat provinsi pada tahun {Y}.",
            "Data {T} kini lebih akurat sehingga perencanaan program lebih tepat sasaran.",
            "Pendapatan {W} meningkat rata-rata {P} persen setelah mengikuti program.",
            "Angka {X} yang dikeluhkan warga turun drastis.",
            "{M} ikut menyumbang sehingga jangkauan layanan bertambah {N} desa.",
            "Hasil survei tahun {Y} menunjukkan {P} persen {W} merasa terbantu.");

        public static readonly Template[] Adaptability = Parse(
            "Inovasi ini telah direplikasi oleh {N} kabupaten dan kota lain.",
            "Daerah lain dapat menerapkan {B} dengan menyiapkan {S} dan perangkat sederhana.",
            "Pemerintah daerah lain telah melakukan studi tiru ke {D}.",
            "Model layanan ini mudah disesuaikan dengan kondisi {T} di daerah lain.",
            "Panduan pelaksanaan telah disusun dan dibagikan kepada daerah yang berminat.",
            "Kode sumber {A} dapat dipakai ulang oleh daerah lain tanpa biaya lisensi.",
            "Replikasi cukup membutuhkan {S} terlatih dan dukungan {M}.");

        public static readonly Template[] Resources = Parse(
            "Sumber daya yang digunakan meliputi {N} orang {S}, {A}, dan kendaraan operasional.",
            "Anggaran berasal dari APBD, dana desa, dan dukungan {M}.",
            "Sarana yang diperlukan antara lain komputer, printer, jaringan internet, dan {A}.",
            "Pelaksana inovasi terdiri atas {S} {I} dan {S} di tingkat desa.",
            "Biaya pengembangan {A} sekitar Rp{N} juta dan ditanggung oleh {M}.",
            "Ruang layanan disediakan oleh {M} tanpa biaya sewa.");

        public static readonly Template[] Sustainability = Parse(
            "Keberlanjutan inovasi dijamin oleh peraturan kepala daerah tentang {L}.",
            "Inovasi ini masuk dalam rencana pembangunan jangka menengah daerah.",
            "Anggaran rutin untuk {T} dialokasikan setiap tahun dalam APBD.",
            "{S} baru dilatih secara berkala agar layanan tetap berjalan ketika terjadi mutasi pegawai.",
            "Kemitraan dengan {M} diperpanjang setiap tahun.",
            "Standar operasional prosedur {L} telah ditetapkan dan dipublikasikan.",
            "{B} dikelola oleh unit tetap di {I} sehingga tidak bergantung pada satu orang.");

        public static string Village(ref SplitMix random)
        {
            var at = VillageRank.Sample(ref random);
            return VillageHeads[at % VillageHeads.Length] + VillageTails[at / VillageHeads.Length];
        }

        /// <summary>A made-up name of three syllables (52³ ≈ 140,000 of them): each shared by a handful of records.</summary>
        public static string Brand(ref SplitMix random)
        {
            var first = Syllables[random.Next(Syllables.Length)];
            return string.Concat(char.ToUpperInvariant(first[0]) + first[1..], Syllables[random.Next(Syllables.Length)], Syllables[random.Next(Syllables.Length)]);
        }

        public static string Number(ref SplitMix random) =>
            (random.Next(4) switch
            {
                0 => 2 + random.Next(18),
                1 => 20 + random.Next(180),
                2 => 200 + (random.Next(180) * 10),
                _ => 2_000 + (random.Next(480) * 25),
            }).ToString("N0", Indonesian);

        public static string Percent(ref SplitMix random) => (5 + random.Next(91)).ToString(CultureInfo.InvariantCulture);

        private static Template[] Parse(params string[] texts) => [.. texts.Select(t => new Template(t))];
    }
}
