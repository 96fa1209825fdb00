using Jippnas.Web.Domain;

namespace Jippnas.UnitTests;

public sealed class DomainTests
{
    [Theory]
    [InlineData("16", true)]
    [InlineData("1", false)]
    [InlineData("1a", false)]
    [InlineData("16.71", false)]
    public void Province_codes_are_two_digits(string code, bool valid) => Region.IsProvinceCode(code).ShouldBe(valid);

    [Theory]
    [InlineData("16.71", true)]
    [InlineData("16.7", false)]
    [InlineData("16-71", false)]
    [InlineData("1x.71", false)]
    [InlineData("16.71.01", false)]
    public void Regency_codes_are_province_dot_two_digits(string code, bool valid) => Region.IsRegencyCode(code).ShouldBe(valid);

    [Theory]
    [InlineData("16.01", RegionLevel.Regency)]
    [InlineData("16.29", RegionLevel.Regency)]
    [InlineData("16.71", RegionLevel.City)]
    [InlineData("35.79", RegionLevel.City)]
    public void Codes_from_71_are_cities(string code, RegionLevel level) => Region.LevelOfRegencyCode(code).ShouldBe(level);

    [Fact]
    public void A_stopped_innovation_needs_a_reason_and_keeps_the_history()
    {
        var innovation = new Innovation { Name = "Uji" };
        var error = Should.Throw<DomainException>(() => innovation.ConfirmStatus(InnovationStatus.Stopped, new DateOnly(2024, 5, 1), " ", "kurator"));
        error.Field.ShouldBe(nameof(Innovation.StatusReason));
        innovation.Status.ShouldBe(InnovationStatus.Unconfirmed);
        innovation.StatusChecks.ShouldBeEmpty();

        innovation.ConfirmStatus(InnovationStatus.Running, new DateOnly(2023, 1, 2), null, "operator");
        innovation.ConfirmStatus(InnovationStatus.Dormant, new DateOnly(2024, 5, 1), "Anggaran tidak tersedia", "operator");

        innovation.Status.ShouldBe(InnovationStatus.Dormant);
        innovation.StatusReason.ShouldBe("Anggaran tidak tersedia");
        innovation.StatusConfirmedOn.ShouldBe(new DateOnly(2024, 5, 1));
        innovation.StatusChecks.Select(c => c.Status).ShouldBe([InnovationStatus.Running, InnovationStatus.Dormant]);
    }

    [Fact]
    public void The_same_award_twice_in_a_year_is_refused()
    {
        var innovation = new Innovation { Name = "Uji" };
        innovation.AddAward(new Award { AwardKindId = 2, Year = 2020 });
        innovation.AddAward(new Award { AwardKindId = 2, Year = 2021 });

        Should.Throw<DomainException>(() => innovation.AddAward(new Award { AwardKindId = 2, Year = 2020 })).Field.ShouldBe("Awards");
        innovation.AwardCount.ShouldBe(2);
    }
}
