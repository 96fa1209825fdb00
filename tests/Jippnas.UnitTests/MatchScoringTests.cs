using Jippnas.Web.Features.Replication;

namespace Jippnas.UnitTests;

/// <summary>
/// How a candidate is scored for a need: relevance counts most; evidence, replications, alike regions and the sector
/// then order candidates of similar relevance; every part that counts gives its reason.
/// </summary>
public sealed class MatchScoringTests
{
    private static readonly MatchFacts Plain = new(0.5, 0, false, 0, 0, 0, 0, false, false, false, false);

    [Fact]
    public void Relevance_outweighs_everything_else_together_short_of_a_near_tie()
    {
        var relevant = MatchScoring.Score(Plain with { Relevance = 1 });
        var decorated = MatchScoring.Score(Plain with
        {
            Relevance = 0.2, Awards = 5, Running = true, Outcomes = 4, Replications = 8, Institutionalised = 8, SameKind = true, SameProvince = true, SameIsland = true, SameSector = true,
        });
        relevant.Score.ShouldBeGreaterThan(decorated.Score - 0.05);
        MatchScoring.Score(Plain with { Awards = 2, Running = true }).Score.ShouldBeGreaterThan(MatchScoring.Score(Plain).Score);
        MatchScoring.Score(Plain with { Replications = 3, Institutionalised = 2 }).Score.ShouldBeGreaterThan(MatchScoring.Score(Plain with { Replications = 3, Stopped = 3 }).Score);
    }

    [Fact]
    public void Every_part_that_counts_gives_its_reason_in_one_sentence()
    {
        var score = MatchScoring.Score(Plain with { Relevance = 0.9, Awards = 2, Running = true, Replications = 3, Institutionalised = 1, SameKind = true, SameIsland = true, SameSector = true });
        MatchScoring.Sentence(score.Reasons, (text, values) => string.Format(System.Globalization.CultureInfo.InvariantCulture, text, values)).ShouldBe(
            "Sangat sesuai dengan masalahnya; meraih 2 penghargaan; masih berjalan; sudah direplikasi 3 kali (1 dilembagakan); berasal dari jenis daerah yang sama dan gugus pulau yang sama; urusan yang sama.");
        MatchScoring.Sentence([], (text, _) => text).ShouldBe("Tidak ada alasan kuat.");
    }

    [Theory]
    [InlineData("35", "Jawa")]
    [InlineData("11", "Sumatra")]
    [InlineData("21", "Sumatra")]
    [InlineData("64", "Kalimantan")]
    [InlineData("73", "Sulawesi")]
    [InlineData("52", "Bali dan Nusa Tenggara")]
    [InlineData("81", "Maluku")]
    [InlineData("94", "Papua")]
    public void Provinces_fall_into_island_groups(string province, string group) => MatchScoring.IslandGroup(province).ShouldBe(group);

    [Fact]
    public void Provinces_kabupaten_and_kota_are_told_apart_by_their_code()
    {
        MatchScoring.SameKind("35.01", "33.02").ShouldBeTrue();
        MatchScoring.SameKind("35.78", "33.74").ShouldBeTrue();
        MatchScoring.SameKind("35.01", "35.78").ShouldBeFalse();
        MatchScoring.SameKind("35", "33").ShouldBeTrue();
        MatchScoring.SameKind("35", "35.01").ShouldBeFalse();
        MatchScoring.SameKind("35.78", "35").ShouldBeFalse();
    }
}
