using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search;
using Jippnas.Web.Features.Search.Analysis;

namespace Jippnas.UnitTests;

public sealed class TermVectorsTests
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    [Fact]
    public void A_vector_counts_each_term_per_field_and_scores_as_bm25_does()
    {
        var source = new SearchSource(1, "Layanan KTP Keliling", "LAKTAP", "Dinas Kependudukan", null, "16", "Sumatera Selatan", null, null, null, null, 2020, null, InnovationStatus.Running,
            "Petugas melayani KTP di desa.", "Layanan KTP datang ke desa, layanan cepat.");
        var document = SearchDocument.Build(source, IndonesianAnalyzer.Shared);
        var length = document.Fields.Sum(f => f.Count) + document.Tags.Count;

        // layan: head 1 (Layanan), summary 1 (melayani), body 2; ktp: head, summary and body once each. Weights 10/2/3/1.
        var layan = (10 * 1) + (3 * 1) + (1 * 2);
        var ktp = (10 * 1) + (3 * 1) + (1 * 1);
        WeightedTerm[] terms = [.. new[] { new WeightedTerm(TermVectors.Hash("layan"), 2.0), new WeightedTerm(TermVectors.Hash("ktp"), 0.5) }.OrderBy(t => t.Hash)];
        const double average = 100;
        var norm = K1 * (1 - B + (B * length / average));

        var expected = (2.0 * layan * (K1 + 1) / (layan + norm)) + (0.5 * ktp * (K1 + 1) / (ktp + norm));
        TermVectors.Score(document.TermVector, terms, average).ShouldBe(expected, 1e-12);
        TermVectors.Score(document.TermVector, [new WeightedTerm(TermVectors.Hash("sampah"), 5.0)], average).ShouldBe(0);
        TermVectors.Score([], terms, average).ShouldBe(0);
    }

    [Fact]
    public void Counts_past_one_byte_survive_the_round_trip()
    {
        var body = string.Join(' ', Enumerable.Repeat("posyandu", 300));
        var source = new SearchSource(2, "Posyandu", null, null, null, null, null, null, null, null, null, null, null, InnovationStatus.Running, null, body);
        var document = SearchDocument.Build(source, IndonesianAnalyzer.Shared);
        var length = document.Fields.Sum(f => f.Count) + document.Tags.Count;
        var weighted = (10.0 * 1) + (1.0 * 300);
        var norm = K1 * (1 - B + (B * length / 50.0));

        TermVectors.Score(document.TermVector, [new WeightedTerm(TermVectors.Hash("posyandu"), 1.0)], 50).ShouldBe(weighted * (K1 + 1) / (weighted + norm), 1e-12);
    }

    [Fact]
    public void The_hash_is_fixed_because_stored_vectors_depend_on_it()
    {
        // FNV-1a 32-bit of "a" is 0xE40C292C; changing the hash needs a new index version.
        TermVectors.Hash("a").ShouldBe(0xE40C292Cu);
        TermVectors.Hash("").ShouldBe(2166136261u);
    }

    [Theory]
    [InlineData(new byte[] { 0x05 }, 5ul)]
    [InlineData(new byte[] { 0x81, 0x00 }, 128ul)]
    [InlineData(new byte[] { 0x82, 0x80, 0x01 }, 32769ul)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, ulong.MaxValue)]
    public void SQLite_varints_are_read_big_endian_with_a_whole_ninth_byte(byte[] bytes, ulong expected)
    {
        var next = SqliteVarint.Read(bytes, 0, out var value);
        value.ShouldBe(expected);
        next.ShouldBe(bytes.Length);
    }

    [Fact]
    public void IDF_follows_FTS5_and_never_goes_below_its_floor()
    {
        TermVectors.Idf(1000, 10).ShouldBe(Math.Log(990.5 / 10.5), 1e-12);
        TermVectors.Idf(1000, 900).ShouldBe(1e-6);
    }
}
