using System.Data.Common;
using System.Globalization;
using System.Text;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Innovations;

/// <summary>
/// Adds synthetic innovations for trials and benchmarks. Every one carries <see cref="Provenance.Synthetic"/>
/// and a name marked "[Sintetis]", so no page can pass one off as a real record. Rows go in through one
/// prepared statement per batch, which keeps 100,000 rows to seconds on either database.
/// </summary>
public sealed class SyntheticInnovations(JippnasDb db, TimeProvider clock)
{
    private const int BatchSize = 5_000;

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
        var regencies = await db.Regions.Where(r => r.ParentCode != null).Select(r => new { r.Code, r.ParentCode, r.Name }).ToListAsync(cancellationToken);
        var governments = await db.Agencies.Where(a => a.RegionCode != null && a.ParentId == null)
            .ToDictionaryAsync(a => a.RegionCode!, a => a.Id, cancellationToken);
        var sectors = await db.Sectors.Select(s => s.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            for (var done = 0; done < count; done += BatchSize)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var command = CreateInsert(connection, transaction);
                for (var i = done; i < Math.Min(count, done + BatchSize); i++)
                {
                    var regency = regencies[random.Next(regencies.Count)];
                    var service = Services[random.Next(Services.Length)];
                    var way = Ways[random.Next(Ways.Length)];
                    var status = random.Next(10) < 8 ? InnovationStatus.Running : (InnovationStatus)random.Next(2, 5);
                    Set(command, 0, $"[Sintetis] {service} {way} {regency.Name}");
                    Set(command, 1, Acronym(service, way));
                    Set(command, 2, governments.GetValueOrDefault(regency.Code));
                    Set(command, 3, regency.ParentCode);
                    Set(command, 4, regency.Code);
                    Set(command, 5, 2014 + random.Next(12));
                    Set(command, 6, 1 + random.Next(3));
                    Set(command, 7, (int)status);
                    Set(command, 8, status is InnovationStatus.Stopped or InnovationStatus.Dormant ? "Data sintetis: alasan contoh." : null);
                    Set(command, 9, sectors[random.Next(sectors.Count)]);
                    Set(command, 10, random.Next(2) == 0);
                    Set(command, 11, Narrative(random, service, regency.Name));
                    Set(command, 12, (int)Provenance.Synthetic);
                    Set(command, 13, "Data sintetis buatan JIPPNas untuk uji coba dan pengukuran; bukan inovasi nyata.");
                    Set(command, 14, now);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                progress?.Report(Math.Min(count, done + BatchSize));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand CreateInsert(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO innovations (name, acronym, agency_id, province_code, regency_code, year_started, phase, status,
                status_reason, sector_id, is_digital, summary, provenance, provenance_note, is_published, award_count,
                created_at, updated_at)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, TRUE, 0, @p14, @p14)
            """;
        for (var i = 0; i <= 14; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static void Set(DbCommand command, int index, object? value) =>
        command.Parameters[index].Value = value ?? DBNull.Value;

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
}
