using System.Text;
using Jippnas.Web.Data;

namespace Jippnas.UnitTests;

public sealed class PayloadsTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("{\"name\":\"Posyandu “Cerdas” – Café\",\"summary\":\"Baris satu\\nbaris dua\"}")]
    [InlineData("")]
    public void A_payload_comes_back_as_it_went_in(string json)
    {
        var packed = Payloads.Pack(json);

        packed[0].ShouldBe((byte)1);
        Payloads.Unpack(packed).ShouldBe(json);
        Payloads.Holds(packed, packed, json).ShouldBeTrue();
    }

    [Fact]
    public void A_long_row_is_packed_to_well_under_half_and_round_trips()
    {
        var json = "{\"summary\":\"" + string.Concat(Enumerable.Range(0, 400).Select(i => $"Warga desa {i} melapor lewat aplikasi pengaduan. ")) + "\"}";

        var packed = Payloads.Pack(json);

        packed.Length.ShouldBeLessThan(Encoding.UTF8.GetByteCount(json) / 2);
        Payloads.Unpack(packed).ShouldBe(json);
    }

    [Fact]
    public void A_payload_stored_as_plain_UTF8_reads_as_it_is_and_counts_as_the_same_row()
    {
        const string Json = "{\"name\":\"Layanan – Jemput Bola\"}";
        var plain = Encoding.UTF8.GetBytes(Json);

        Payloads.Unpack(plain).ShouldBe(Json);
        Payloads.Holds(plain, Payloads.Pack(Json), Json).ShouldBeTrue();
        Payloads.Holds(plain, Payloads.Pack("{\"name\":\"Lain\"}"), "{\"name\":\"Lain\"}").ShouldBeFalse();
    }

    [Fact]
    public void A_damaged_packed_payload_is_refused_with_a_message_not_read_as_something_else()
    {
        var packed = Payloads.Pack("{\"name\":\"Antrean Daring\"}");
        var damaged = packed[..^3];

        Should.Throw<InvalidDataException>(() => Payloads.Unpack(damaged)).Message.ShouldContain("damaged");
    }
}
