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
        var cut = packed[..^3];
        var negative = packed.ToArray();
        negative[4] = 0xFF;
        var huge = packed.ToArray();
        huge[4] = 0x7F;

        foreach (var damaged in new[] { cut, negative, huge })
        {
            Should.Throw<InvalidDataException>(() => Payloads.Unpack(damaged)).Message.ShouldContain("damaged");
        }
    }

    [Fact]
    public void A_payload_packed_differently_still_holds_the_same_row()
    {
        const string Json = "{\"name\":\"Layanan Antrean Daring\",\"summary\":\"Warga mengambil nomor antrean dari rumah.\"}";
        var text = Encoding.UTF8.GetBytes(Json);
        var buffer = new byte[5 + System.IO.Compression.BrotliEncoder.GetMaxCompressedLength(text.Length)];
        buffer[0] = 1;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(1), text.Length);
        System.IO.Compression.BrotliEncoder.TryCompress(text, buffer.AsSpan(5), out var written, quality: 11, window: 24).ShouldBeTrue();
        var other = buffer[..(5 + written)];
        var ours = Payloads.Pack(Json);

        other.ShouldNotBe(ours);
        Payloads.Holds(other, ours, Json).ShouldBeTrue();
        Payloads.Holds(other, Payloads.Pack("{}"), "{}").ShouldBeFalse();
    }
}
