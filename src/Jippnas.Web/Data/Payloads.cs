using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jippnas.Web.Data;

/// <summary>
/// How the rows sources sent (<see cref="Domain.SourceRecord.Payload"/>, JSON) are stored: UTF-8 compressed with
/// Brotli behind a marker byte and the text's length. A payload repeats the whole row beside the innovation made of
/// it, so it was half of what an import wrote; packed it is about a third of that. Values stored as plain UTF-8 JSON
/// (they start with '{') read as they are.
/// </summary>
public static class Payloads
{
    private const byte Packed = 0x01;
    private const int Header = 5;
    private const int Quality = 2;
    private const int Window = 22;

    // No import row comes near this (a cell holds at most 20,000 characters); a larger recorded length is damage.
    private const int MaxLength = 64 * 1024 * 1024;

    /// <summary>Maps the domain's JSON text to the stored bytes and back.</summary>
    public static ValueConverter<string, byte[]> Converter { get; } = new(json => Pack(json), stored => Unpack(stored));

    public static byte[] Pack(string json)
    {
        var length = Encoding.UTF8.GetByteCount(json);
        var text = length <= 16_384 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(json, text);
        var packed = new byte[Header + BrotliEncoder.GetMaxCompressedLength(length)];
        packed[0] = Packed;
        BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(1), length);
        if (!BrotliEncoder.TryCompress(text, packed.AsSpan(Header), out var written, Quality, Window))
        {
            throw new InvalidOperationException("A payload could not be compressed.");
        }

        return packed[..(Header + written)];
    }

    public static string Unpack(byte[] stored)
    {
        if (stored is not [Packed, ..] || stored.Length < Header)
        {
            return Encoding.UTF8.GetString(stored);
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(stored.AsSpan(1));
        if (length is < 0 or > MaxLength)
        {
            throw new InvalidDataException("A stored payload is damaged: its recorded length is impossible.");
        }

        var text = new byte[length];
        if (!BrotliDecoder.TryDecompress(stored.AsSpan(Header), text, out var written) || written != length)
        {
            throw new InvalidDataException("A stored payload is damaged: it does not decompress to its recorded length.");
        }

        return Encoding.UTF8.GetString(text);
    }

    /// <summary>Whether a stored payload holds <paramref name="json"/> (<paramref name="packed"/> is its packed form).</summary>
    public static bool Holds(byte[] stored, byte[] packed, string json) =>
        stored.AsSpan().SequenceEqual(packed) || Unpack(stored) == json;
}
