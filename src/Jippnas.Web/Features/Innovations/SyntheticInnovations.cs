using System.Data.Common;
using System.Globalization;
using System.Text;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Innovations;

/// <summary>
/// Adds synthetic innovations for trials and benchmarks. Every one carries <see cref="Provenance.Synthetic"/>
/// and a name marked "[Sintetis]", so no page can pass one off as a real record. Rows go in a hundred per
/// statement, five thousand per transaction.
/// </summary>
public sealed class SyntheticInnovations(JippnasDb db, TimeProvider clock)
{
    private const int BatchSize = 5_000;
    private const int RowsPerStatement = 100;
    private const int ColumnCount = 15;

    private static readonly string[] Services =
    [
        "Layanan Akta Kelahiran", "Perekaman KTP Elektronik", "Pelayanan Persalinan", "Posyandu Balita",
        "Pencegahan Stunting", "Beasiswa Anak Putus Sekolah", "Pengelolaan Sampah", "Bank Sampah",
        "Perizinan Usaha", "Pembayaran Pajak Daerah", "Pengaduan Masyarakat", "Ambulans Desa",
        "Air Bersih", "Pemberdayaan UMKM", "Penanganan Kemiskinan", "Perpustakaan Keliling",
        "Layanan Lansia", "Imunisasi Anak", "Kartu Identitas Anak", "Sertifikat Tanah",
    ];

    private static readonly string[] Ways =
    [
        "Jemput Bola", "Berbasis Aplikasi", "Satu Pintu", "Terpadu", "Keliling", "Daring", "Gotong Royong",
        "Tanpa Antre", "Ramah Disabilitas", "Berbasis Desa",
    ];

    private static readonly string[] Sentences =
    [
        "Masyarakat di wilayah terpencil sebelumnya harus menempuh perjalanan jauh untuk mendapatkan layanan ini.",
        "Petugas mendatangi desa secara terjadwal sehingga warga tidak perlu meninggalkan pekerjaan.",
        "Aplikasi memantau setiap permohonan sampai selesai dan mengirim pemberitahuan kepada pemohon.",
        "Kerja sama dengan puskesmas, kecamatan, dan kader desa memperluas jangkauan layanan.",
        "Waktu penyelesaian layanan turun dari beberapa minggu menjadi beberapa hari.",
        "Anggaran bersumber dari APBD dan dukungan dana desa untuk operasional lapangan.",
        "Inovasi ini telah ditetapkan dengan peraturan kepala daerah agar berkelanjutan.",
        "Survei kepuasan masyarakat menunjukkan peningkatan setelah inovasi diterapkan.",
        "Daerah lain dapat mereplikasi inovasi ini dengan menyiapkan petugas dan perangkat sederhana.",
        "Data layanan dipublikasikan secara berkala sebagai bentuk keterbukaan informasi.",
    ];

    public async Task AddAsync(int count, int seed, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var regencies = await db.Regions.Where(r => r.ParentCode != null).Select(r => new Place(r.Code, r.ParentCode!, r.Name)).ToListAsync(cancellationToken);
        var governments = await db.Agencies.Where(a => a.RegionCode != null && a.ParentId == null)
            .ToDictionaryAsync(a => a.RegionCode!, a => a.Id, cancellationToken);
        var sectors = await db.Sectors.Select(s => s.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();

        var connection = db.Database.GetDbConnection();
        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
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
                for (var rowStart = done; rowStart < batchEnd; rowStart += RowsPerStatement)
                {
                    var rows = Math.Min(RowsPerStatement, batchEnd - rowStart);
                    await using var command = CreateInsert(connection, transaction, rows);
                    for (var row = 0; row < rows; row++)
                    {
                        Fill(command, row * ColumnCount, random, regencies[random.Next(regencies.Count)], governments, sectors, now);
                    }

                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                progress?.Report(batchEnd);
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

        // A bulk load changes the shape of the data: give the planner fresh statistics at once.
        await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
    }

    private static void Fill(DbCommand command, int offset, Random random, Place regency, Dictionary<string, int> governments, List<int> sectors, DateTimeOffset now)
    {
        var service = Services[random.Next(Services.Length)];
        var way = Ways[random.Next(Ways.Length)];
        var status = random.Next(10) < 8 ? InnovationStatus.Running : (InnovationStatus)random.Next(2, 5);
        object?[] values =
        [
            $"[Sintetis] {service} {way} {regency.Name}",
            Acronym(service, way),
            governments.TryGetValue(regency.Code, out var agency) ? agency : null,
            regency.ParentCode,
            regency.Code,
            2014 + random.Next(12),
            1 + random.Next(3),
            (int)status,
            status is InnovationStatus.Stopped or InnovationStatus.Dormant ? "Data sintetis: alasan contoh." : null,
            sectors[random.Next(sectors.Count)],
            random.Next(2) == 0,
            Narrative(random, service, regency.Name),
            (int)Provenance.Synthetic,
            "Data sintetis buatan JIPPNas untuk uji coba dan pengukuran; bukan inovasi nyata.",
            now,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[offset + i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static DbCommand CreateInsert(DbConnection connection, DbTransaction transaction, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder("""
            INSERT INTO innovations (name, acronym, agency_id, province_code, regency_code, year_started, phase, status,
                status_reason, sector_id, is_digital, summary, provenance, provenance_note, created_at, updated_at,
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

    private static string Acronym(string service, string way)
    {
        var letters = (service + " " + way).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]));
        return string.Concat(letters);
    }

    private static string Narrative(Random random, string service, string place)
    {
        var text = new StringBuilder(1200);
        text.Append(CultureInfo.InvariantCulture, $"{service} di {place}. ");
        var sentences = 4 + random.Next(8);
        for (var i = 0; i < sentences; i++)
        {
            text.Append(Sentences[random.Next(Sentences.Length)]).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    private sealed record Place(string Code, string ParentCode, string Name);
}
