using Jippnas.Web.Features.Shared;

namespace Jippnas.UnitTests;

/// <summary>Amounts of rupiah as people type them: read exactly, or refused naming the field, never misread by a thousand.</summary>
public sealed class RupiahTests
{
    [Theory]
    [InlineData("1250000", 1_250_000)]
    [InlineData("1.250.000", 1_250_000)]
    [InlineData("Rp1.250.000", 1_250_000)]
    [InlineData("Rp 1.250.000,-", 1_250_000)]
    [InlineData("rp. 750.000", 750_000)]
    [InlineData("1.250.000,50", 1_250_000.50)]
    [InlineData("0", 0)]
    public void Amounts_written_the_Indonesian_way_are_read_exactly(string written, decimal expected)
    {
        var problems = new List<(string, string)>();
        Rupiah.Parse(written, "amount", "Jumlah", problems).ShouldBe(expected);
        problems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1,250,000")]
    [InlineData("-500.000")]
    [InlineData("satu juta")]
    [InlineData("1.25.000")]
    [InlineData("9999999999999999999")]
    public void Anything_else_is_refused_naming_the_field(string written)
    {
        var problems = new List<(string Field, string Message)>();
        Rupiah.Parse(written, "amount", "Jumlah", problems).ShouldBeNull();
        problems.ShouldHaveSingleItem().Field.ShouldBe("amount");
        problems[0].Message.ShouldStartWith($"Jumlah: '{written}'");
    }

    [Fact]
    public void Empty_is_no_amount()
    {
        var problems = new List<(string, string)>();
        Rupiah.Parse("  ", "amount", "Jumlah", problems).ShouldBeNull();
        problems.ShouldBeEmpty();
    }
}
