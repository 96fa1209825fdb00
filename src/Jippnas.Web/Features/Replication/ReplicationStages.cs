using Jippnas.Web.Domain;

namespace Jippnas.Web.Features.Replication;

/// <summary>What a stage change depends on besides the stages themselves.</summary>
public sealed record StageFacts(bool HasStudyVisit, int ActionItems, int ItemsWithoutBudget, bool HasRegulation, bool HasReason);

/// <summary>
/// The replication's stages as an explicit state machine (docs/design/replication.md): proposed → agreed → study
/// visit → action plan → budgeted → trial → implemented → institutionalised; declined (from proposed) and stopped
/// (from any open stage) end it. Each refusal says, in one sentence, where the replication stands, what was asked
/// and what is allowed or missing. No database: unit-tested.
/// </summary>
public static class ReplicationStages
{
    public static readonly IReadOnlyList<(string Slug, ReplicationStage Stage, string Name)> All =
    [
        ("diusulkan", ReplicationStage.Proposed, "Diusulkan"),
        ("disetujui", ReplicationStage.Agreed, "Disetujui pemilik inovasi"),
        ("studi-tiru", ReplicationStage.StudyVisit, "Studi tiru"),
        ("rencana-aksi", ReplicationStage.ActionPlan, "Rencana aksi"),
        ("dianggarkan", ReplicationStage.Budgeted, "Dianggarkan"),
        ("uji-coba", ReplicationStage.Trial, "Uji coba"),
        ("diterapkan", ReplicationStage.Implemented, "Diterapkan"),
        ("dilembagakan", ReplicationStage.Institutionalised, "Dilembagakan"),
        ("ditolak", ReplicationStage.Declined, "Ditolak pemilik inovasi"),
        ("dihentikan", ReplicationStage.Stopped, "Dihentikan"),
    ];

    /// <summary>The stages of the path, in order (without declined and stopped).</summary>
    public static readonly ReplicationStage[] Path =
    [
        ReplicationStage.Proposed, ReplicationStage.Agreed, ReplicationStage.StudyVisit, ReplicationStage.ActionPlan,
        ReplicationStage.Budgeted, ReplicationStage.Trial, ReplicationStage.Implemented, ReplicationStage.Institutionalised,
    ];

    public static string Name(ReplicationStage stage) => All.First(s => s.Stage == stage).Name;

    public static bool IsEnded(ReplicationStage stage) => stage is ReplicationStage.Institutionalised or ReplicationStage.Declined or ReplicationStage.Stopped;

    /// <summary>
    /// Whether a replication at this stage counts for "replicated N times": agreed by the owner and under way or done;
    /// a proposal, a declined one and a stopped one do not (stopped ones count against how well it replicates).
    /// </summary>
    public static bool Counts(ReplicationStage stage) => stage is >= ReplicationStage.Agreed and <= ReplicationStage.Institutionalised;

    /// <summary>The stages a replication may move to from <paramref name="stage"/>.</summary>
    public static IReadOnlyList<ReplicationStage> Next(ReplicationStage stage) => stage switch
    {
        ReplicationStage.Proposed => [ReplicationStage.Agreed, ReplicationStage.Declined, ReplicationStage.Stopped],
        _ when IsEnded(stage) => [],
        _ => [Path[Array.IndexOf(Path, stage) + 1], ReplicationStage.Stopped],
    };

    /// <summary>Why the move from <paramref name="from"/> to <paramref name="to"/> is refused, or null when it is allowed.</summary>
    public static string? Refusal(ReplicationStage from, ReplicationStage to, StageFacts facts)
    {
        if (IsEnded(from))
        {
            return $"Tahap: replikasi ini sudah {Name(from).ToLowerInvariant()}; tahapnya tidak berubah lagi.";
        }

        var next = Next(from);
        if (!next.Contains(to))
        {
            return $"Tahap: dari \"{Name(from)}\" tidak dapat ke \"{Name(to)}\"; yang dapat: {string.Join(", ", next.Select(s => $"\"{Name(s)}\""))}.";
        }

        return to switch
        {
            ReplicationStage.Declined or ReplicationStage.Stopped when !facts.HasReason =>
                $"Alasan: wajib diisi saat replikasi {Name(to).ToLowerInvariant()}.",
            ReplicationStage.ActionPlan when !facts.HasStudyVisit =>
                "Tahap \"Rencana aksi\": catat dulu studi tirunya (tanggal, tuan rumah, temuan).",
            ReplicationStage.Budgeted when facts.ActionItems == 0 =>
                "Tahap \"Dianggarkan\": rencana aksi belum memiliki kegiatan.",
            ReplicationStage.Budgeted when facts.ItemsWithoutBudget > 0 =>
                $"Tahap \"Dianggarkan\": {facts.ItemsWithoutBudget} kegiatan rencana aksi belum lengkap anggarannya (jumlah rupiah, sumber dana, tahun anggaran).",
            ReplicationStage.Institutionalised when !facts.HasRegulation =>
                "Tahap \"Dilembagakan\": isi nomor dan tanggal regulasi yang melembagakannya.",
            _ => null,
        };
    }
}
