using System.Buffers;
using System.Buffers.Binary;

namespace Jippnas.Web.Features.Search;

/// <summary>
/// How often each term occurs in each field of one document, stored beside the SQLite index
/// (<c>innovation_search_terms</c>) so that a bounded candidate set can be scored with BM25 in C#.
/// FTS5's own bm25() needs every query word's document frequency and finds it by walking the word's whole
/// posting list: for a word in most records that walk costs more than everything else in the query and grows
/// with the corpus. Here the frequencies come from the vocabulary JIPPNas keeps, so scoring 500 candidates
/// costs the same at 100,000 records as at 1,000,000.
/// </summary>
/// <remarks>
/// Layout: a varint with the document's length in tokens (every field and the tags, as FTS5 counts it), then
/// one entry per distinct term, ordered by the term's 32-bit hash: the hash (4 bytes, little-endian), a byte
/// with one bit per field the term occurs in, and a varint count for each of those fields. Two terms of one
/// document with the same hash (about one chance in ten million per query word) share an entry.
/// </remarks>
public static class TermVectors
{
    /// <summary>bm25 weights of head, meta, summary and body: a word in the name counts ten times one in the narrative.</summary>
    public static readonly double[] FieldWeights = [10.0, 2.0, 3.0, 1.0];

    // FTS5's bm25 constants.
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>FNV-1a over the term's UTF-16 code units: stable across processes and versions, unlike string hashes.</summary>
    public static uint Hash(string term)
    {
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    public static byte[] Encode(SearchDocument document)
    {
        // One key per token, hash above field, sorted: each run of one hash is one entry, its fields in order.
        var count = 0;
        foreach (var field in document.Fields)
        {
            count += field.Count;
        }

        var keys = ArrayPool<ulong>.Shared.Rent(Math.Max(count, 1));
        try
        {
            var at = 0;
            for (var field = 0; field < SearchDocument.FieldCount; field++)
            {
                foreach (var token in document.Fields[field])
                {
                    keys[at++] = ((ulong)Hash(token.Term) << 8) | (uint)field;
                }
            }

            var sorted = keys.AsSpan(0, count);
            sorted.Sort();
            var buffer = new byte[5 + (count * 10)];
            var written = WriteVarint(buffer, 0, (uint)(count + document.Tags.Count));
            var i = 0;
            while (i < sorted.Length)
            {
                var hash = (uint)(sorted[i] >> 8);
                BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(written), hash);
                written += 4;
                var maskAt = written++;
                byte mask = 0;
                while (i < sorted.Length && (uint)(sorted[i] >> 8) == hash)
                {
                    var field = (int)(sorted[i] & 0xFF);
                    var run = 0;
                    while (i < sorted.Length && sorted[i] == sorted[i - run] && (uint)(sorted[i] >> 8) == hash)
                    {
                        run++;
                        i++;
                    }

                    mask |= (byte)(1 << field);
                    written = WriteVarint(buffer, written, (uint)run);
                }

                buffer[maskAt] = mask;
            }

            return buffer[..written];
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
        }
    }

    /// <summary>
    /// The BM25 score of one document, as FTS5's bm25() with <see cref="FieldWeights"/> computes it:
    /// for each query term, IDF × D·(k1+1) / (D + k1·(1 − b + b·length/average)), D the field-weighted count.
    /// </summary>
    /// <param name="vector">The document's encoded vector.</param>
    /// <param name="terms">Query terms ordered by hash, each hash once, with its summed IDF.</param>
    /// <param name="averageLength">Average document length in tokens.</param>
    public static double Score(ReadOnlySpan<byte> vector, ReadOnlySpan<WeightedTerm> terms, double averageLength)
    {
        if (terms.IsEmpty || vector.IsEmpty)
        {
            return 0;
        }

        var at = ReadVarint(vector, 0, out var length);
        var norm = K1 * (1 - B + (B * length / Math.Max(averageLength, 1)));
        var score = 0.0;
        var next = 0;
        while (at + 5 <= vector.Length && next < terms.Length)
        {
            var hash = BinaryPrimitives.ReadUInt32LittleEndian(vector[at..]);
            var mask = vector[at + 4];
            at += 5;
            while (next < terms.Length && terms[next].Hash < hash)
            {
                next++;
            }

            var matched = next < terms.Length && terms[next].Hash == hash;
            var weighted = 0.0;
            for (var field = 0; field < SearchDocument.FieldCount; field++)
            {
                if ((mask & (1 << field)) != 0)
                {
                    at = ReadVarint(vector, at, out var count);
                    weighted += FieldWeights[field] * count;
                }
            }

            if (matched)
            {
                score += terms[next].Idf * weighted * (K1 + 1) / (weighted + norm);
                next++;
            }
        }

        return score;
    }

    /// <summary>FTS5's IDF: ln((N − n + 0.5) / (n + 0.5)), and a token 1e-6 for words in more than half the documents.</summary>
    public static double Idf(long documents, long matching)
    {
        var idf = Math.Log((documents - matching + 0.5) / (matching + 0.5));
        return idf <= 0 ? 1e-6 : idf;
    }

    private static int WriteVarint(byte[] buffer, int at, uint value)
    {
        while (value >= 0x80)
        {
            buffer[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[at++] = (byte)value;
        return at;
    }

    private static int ReadVarint(ReadOnlySpan<byte> buffer, int at, out uint value)
    {
        value = 0;
        for (var shift = 0; at < buffer.Length && shift < 35; shift += 7)
        {
            var b = buffer[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        return at;
    }
}

/// <summary>A query term for <see cref="TermVectors.Score"/>.</summary>
public readonly record struct WeightedTerm(uint Hash, double Idf);
