using Jippnas.Web.Domain;
using Jippnas.Web.Features.Hubs;

namespace Jippnas.UnitTests;

/// <summary>The hub programme's form checks: every refusal names its field.</summary>
public sealed class HubRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void A_complete_decree_of_this_year_passes() =>
        HubRules.CheckDesignation("KepmenPANRB No. 12 Tahun 2026", "Penetapan Hub JIPP 2026", "2026-03-02", "2026", Today).ShouldBeEmpty();

    [Theory]
    [InlineData("", "2026-03-02", "2026", "number", "Nomor keputusan: wajib diisi")]
    [InlineData("No. 1", "2026-03-02", "2027", "year", "tidak boleh tahun yang akan datang")]
    [InlineData("No. 1", "2026-03-02", "2014", "year", "antara 2015 dan 2026")]
    [InlineData("No. 1", "2026-03-02", "dua ribu", "year", "'dua ribu'")]
    [InlineData("No. 1", "", "2026", "date", "Tanggal keputusan: wajib diisi")]
    [InlineData("No. 1", "02/03/2026", "2026", "date", "bukan tanggal")]
    [InlineData("No. 1", "2026-12-01", "2026", "date", "belum terjadi")]
    [InlineData("No. 1", "2025-12-30", "2026", "date", "tidak jatuh pada tahun penetapan 2026")]
    public void A_bad_decree_is_refused_naming_the_field(string number, string date, string year, string field, string message)
    {
        var problems = HubRules.CheckDesignation(number, null, date, year, Today);
        problems.ShouldContain(p => p.Field == field && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("100", 100)]
    [InlineData(" 75 ", 75)]
    public void A_score_within_zero_to_a_hundred_is_taken(string written, int expected)
    {
        var problems = new List<(string, string)>();
        HubRules.Score(HubCriterion.Leadership, written, problems).ShouldBe(expected);
        problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("7,5")]
    [InlineData("tinggi")]
    public void A_score_outside_its_range_is_refused_naming_the_criterion(string written)
    {
        var problems = new List<(string Field, string Message)>();
        HubRules.Score(HubCriterion.Leadership, written, problems).ShouldBeNull();
        problems.ShouldHaveSingleItem().Field.ShouldBe("score_2");
        problems[0].Message.ShouldStartWith("Nilai Komitmen pimpinan");
    }

    [Fact]
    public void A_milestone_finishing_before_it_starts_is_refused_on_its_end()
    {
        var problems = new List<(string Field, string Message)>();
        HubRules.CheckMilestone(MilestoneKind.Forum, "2026-05-10", "2026-05-01", "2026-05-10", "2026-05-02", MilestoneStatus.Done, null, Today, problems);
        problems.Select(p => p.Field).ShouldBe(["m5_planned_end", "m5_actual_end"]);
        problems[0].Message.ShouldStartWith("Forum alih pengetahuan — rencana selesai: 2026-05-01 sebelum rencana mulai 2026-05-10");
    }

    [Fact]
    public void Actual_dates_in_the_future_and_a_done_milestone_without_an_end_are_refused()
    {
        var problems = new List<(string Field, string Message)>();
        HubRules.CheckMilestone(MilestoneKind.Platform, null, null, "2026-12-01", null, MilestoneStatus.Done, null, Today, problems);
        problems.Select(p => p.Field).ShouldBe(["m3_actual_start", "m3_actual_end"]);
    }

    [Fact]
    public void A_planned_milestone_may_lie_in_the_future()
    {
        var problems = new List<(string, string)>();
        var dates = HubRules.CheckMilestone(MilestoneKind.Evaluation, "2027-01-10", "2027-02-10", null, null, MilestoneStatus.Planned, "Rapat evaluasi", Today, problems);
        problems.ShouldBeEmpty();
        dates.PlannedStart.ShouldBe(new DateOnly(2027, 1, 10));
    }
}
