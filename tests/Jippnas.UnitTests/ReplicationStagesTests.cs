using Jippnas.Web.Domain;
using Jippnas.Web.Features.Replication;

namespace Jippnas.UnitTests;

/// <summary>
/// The replication's state machine: each stage moves only to the next (or is declined from proposed, or stopped
/// while open); ended replications do not move; the entry conditions name what is missing.
/// </summary>
public sealed class ReplicationStagesTests
{
    private static readonly StageFacts Ready = new(HasStudyVisit: true, ActionItems: 2, ItemsWithoutBudget: 0, HasRegulation: true, HasReason: true);

    [Fact]
    public void The_whole_path_is_allowed_one_stage_at_a_time()
    {
        for (var i = 0; i + 1 < ReplicationStages.Path.Length; i++)
        {
            ReplicationStages.Refusal(ReplicationStages.Path[i], ReplicationStages.Path[i + 1], Ready).ShouldBeNull();
        }
    }

    [Fact]
    public void Skipping_going_back_and_moving_an_ended_replication_are_refused_with_what_is_allowed()
    {
        ReplicationStages.Refusal(ReplicationStage.Agreed, ReplicationStage.ActionPlan, Ready)
            .ShouldBe("Tahap: dari \"Disetujui pemilik inovasi\" tidak dapat ke \"Rencana aksi\"; yang dapat: \"Studi tiru\", \"Dihentikan\".");
        ReplicationStages.Refusal(ReplicationStage.Trial, ReplicationStage.Budgeted, Ready).ShouldNotBeNull();
        ReplicationStages.Refusal(ReplicationStage.Agreed, ReplicationStage.Declined, Ready).ShouldNotBeNull(); // only the proposal is declined
        ReplicationStages.Refusal(ReplicationStage.Institutionalised, ReplicationStage.Stopped, Ready)
            .ShouldBe("Tahap: replikasi ini sudah dilembagakan; tahapnya tidak berubah lagi.");
        ReplicationStages.Refusal(ReplicationStage.Declined, ReplicationStage.Agreed, Ready).ShouldNotBeNull();
    }

    [Theory]
    [InlineData(ReplicationStage.StudyVisit, ReplicationStage.ActionPlan, "catat dulu studi tirunya")]
    [InlineData(ReplicationStage.ActionPlan, ReplicationStage.Budgeted, "belum memiliki kegiatan")]
    [InlineData(ReplicationStage.Implemented, ReplicationStage.Institutionalised, "nomor dan tanggal regulasi")]
    [InlineData(ReplicationStage.Trial, ReplicationStage.Stopped, "Alasan: wajib diisi")]
    [InlineData(ReplicationStage.Proposed, ReplicationStage.Declined, "Alasan: wajib diisi")]
    public void Entry_conditions_name_what_is_missing(ReplicationStage from, ReplicationStage to, string missing)
    {
        var nothing = new StageFacts(false, 0, 0, false, false);
        ReplicationStages.Refusal(from, to, nothing).ShouldNotBeNull().ShouldContain(missing);
        ReplicationStages.Refusal(from, to, Ready).ShouldBeNull();
    }

    [Fact]
    public void A_plan_with_unbudgeted_activities_is_not_budgeted()
    {
        ReplicationStages.Refusal(ReplicationStage.ActionPlan, ReplicationStage.Budgeted, Ready with { ItemsWithoutBudget = 1 })
            .ShouldBe("Tahap \"Dianggarkan\": 1 kegiatan rencana aksi belum lengkap anggarannya (jumlah rupiah, sumber dana, tahun anggaran).");
    }

    [Fact]
    public void Every_open_stage_can_stop_and_only_agreed_ones_under_way_or_done_count_as_replications()
    {
        foreach (var stage in ReplicationStages.Path.Where(s => !ReplicationStages.IsEnded(s)))
        {
            ReplicationStages.Next(stage).ShouldContain(ReplicationStage.Stopped);
        }

        ReplicationStages.Counts(ReplicationStage.Proposed).ShouldBeFalse();
        ReplicationStages.Counts(ReplicationStage.Declined).ShouldBeFalse();
        ReplicationStages.Counts(ReplicationStage.Stopped).ShouldBeFalse();
        ReplicationStages.Counts(ReplicationStage.Agreed).ShouldBeTrue();
        ReplicationStages.Counts(ReplicationStage.Institutionalised).ShouldBeTrue();
    }
}
