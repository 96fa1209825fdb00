using System.Globalization;
using System.Text.Json;
using Jippnas.Web.Data;
using Jippnas.Web.Features.Duplicates;
using Xunit.Abstractions;

namespace Jippnas.UnitTests;

/// <summary>The duplicate scorer on labelled pairs of realistic name variants, and on a few facts it must keep.</summary>
public sealed class DuplicateScorerTests(ITestOutputHelper output)
{
    private static readonly DuplicateScorer Scorer = new(
        ReferenceDataLoader.ReadCsv("provinces.csv").Select(p => (p[0], p[1], (string?)null))
            .Concat(ReferenceDataLoader.ReadCsv("regencies.csv").Select(r => (r[0], r[2], (string?)r[1]))));

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly Lazy<List<LabelledPair>> Pairs = new(() => JsonSerializer.Deserialize<List<LabelledPair>>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "duplicate-pairs.json")), SnakeCase)!);

    private static readonly DuplicateFacts Ambulance = new("Ambulans Desa Gratis", "AMDES", "Pemerintah Kabupaten Ngawi", "35", "35.21", 2019);

    [Fact]
    public void Proposals_on_the_labelled_pairs_are_precise_and_find_most_duplicates()
    {
        var pairs = Pairs.Value;
        pairs.Count.ShouldBe(214);
        var scored = pairs.Select(p => (Pair: p, Score: Scorer.Score(p.A.Facts, p.B.Facts))).ToList();
        var all = Measure(scored);
        foreach (var (label, part) in new[] { ("all", all), ("odd ids (tuning)", Measure(scored.Where(s => s.Pair.Id % 2 == 1))), ("even ids (held out)", Measure(scored.Where(s => s.Pair.Id % 2 == 0))) })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: precision {part.Precision:F3}, recall {part.Recall:F3} (threshold {DuplicateScorer.Threshold})"));
        }

        foreach (var (pair, score) in scored.Where(s => s.Score.IsLikely != s.Pair.Duplicate))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"misclassified {pair.Id} ({(pair.Duplicate ? "duplicate" : "distinct")}, score {score.Score:F3}: {string.Join(", ", score.Reasons.Select(r => r.Kind))}): {pair.Why}"));
        }

        all.Precision.ShouldBeGreaterThanOrEqualTo(0.9);
        all.Recall.ShouldBeGreaterThanOrEqualTo(0.8);
    }

    [Fact]
    public void The_order_of_the_two_records_does_not_change_the_score_or_the_reasons()
    {
        foreach (var pair in Pairs.Value)
        {
            var forward = Scorer.Score(pair.A.Facts, pair.B.Facts);
            var backward = Scorer.Score(pair.B.Facts, pair.A.Facts);
            backward.Score.ShouldBe(forward.Score, $"pair {pair.Id}");
            backward.Reasons.ShouldBe(forward.Reasons, $"pair {pair.Id}");
        }
    }

    [Fact]
    public void Identical_records_are_likely_duplicates()
    {
        var score = Scorer.Score(Ambulance, Ambulance with { });

        score.IsLikely.ShouldBeTrue();
        score.Reasons.Select(r => r.Kind).ShouldContain(DuplicateReasonKind.SameName);
        score.Reasons.Select(r => r.Kind).ShouldContain(DuplicateReasonKind.SameRegencyCity);
    }

    [Fact]
    public void The_same_name_in_another_regency_is_a_replication_not_a_duplicate()
    {
        var score = Scorer.Score(Ambulance, Ambulance with { Acronym = null, Agency = "Dinas Kesehatan Kabupaten Madiun", RegencyCode = "35.19" });

        score.IsLikely.ShouldBeFalse();
        score.Reasons.Select(r => r.Kind).ShouldContain(DuplicateReasonKind.DifferentRegencyCity);
    }

    [Fact]
    public void Without_codes_the_regency_or_city_is_read_from_the_agency_and_a_regency_is_not_its_namesake_city()
    {
        var regency = new DuplicateFacts("SIPANDU", null, "Pemkab Probolinggo", null, null, 2020);
        var city = regency with { Agency = "Pemkot Probolinggo" };

        var score = Scorer.Score(regency, city);

        score.IsLikely.ShouldBeFalse();
        score.Reasons.Select(r => r.Kind).ShouldContain(DuplicateReasonKind.DifferentRegencyCity);
        Scorer.Score(regency, regency with { Agency = "Kab. Probolinggo", Year = 2021 }).Reasons.Select(r => r.Kind).ShouldContain(DuplicateReasonKind.SameRegencyCity);
    }

    [Fact]
    public void An_acronym_written_as_a_name_that_spells_the_other_name_is_a_likely_duplicate()
    {
        var full = new DuplicateFacts("Tempat Olah Sampah Setempat", null, "Dinas Lingkungan Hidup Kabupaten Klungkung", "51", "51.05", 2017);
        var acronym = new DuplicateFacts("TOSS", null, "Pemkab Klungkung", "51", "51.05", 2018);

        var score = Scorer.Score(full, acronym);

        score.IsLikely.ShouldBeTrue();
        score.Reasons.Select(r => r.Kind).ShouldContain(DuplicateReasonKind.AcronymMatchesName);
    }

    [Fact]
    public void Two_health_centres_of_one_regency_with_the_same_innovation_name_are_two_innovations()
    {
        var waru = new DuplicateFacts("Layanan Apotik Tanpa Antri", null, "UPT Puskesmas Waru", "35", "35.15", 2020);

        var score = Scorer.Score(waru, waru with { Agency = "UPT Puskesmas Taman" });

        score.IsLikely.ShouldBeFalse();
        score.Reasons.Select(r => r.Kind).ShouldContain(DuplicateReasonKind.DifferentAgency);
    }

    [Theory]
    [InlineData("Program Dokter Keliling (DOKLING)", "dokter keliling")]
    [InlineData("Inovasi Layanan KTP-el Keliling", "ktp el keliling")]
    [InlineData("JSS (Jogja Smart Service)", "jss jogja smart service")]
    [InlineData("Program", "program")]
    public void The_name_key_drops_case_punctuation_acronyms_in_parentheses_and_leading_words(string name, string key) =>
        DuplicateScorer.NameKey(name).ShouldBe(key);

    private static (double Precision, double Recall) Measure(IEnumerable<(LabelledPair Pair, DuplicateScore Score)> scored)
    {
        var list = scored.ToList();
        var proposed = list.Count(s => s.Score.IsLikely);
        var found = list.Count(s => s.Score.IsLikely && s.Pair.Duplicate);
        return ((double)found / proposed, (double)found / list.Count(s => s.Pair.Duplicate));
    }

    private sealed record LabelledPair(int Id, bool Duplicate, string Why, LabelledRecord A, LabelledRecord B);

    private sealed record LabelledRecord(string Source, string Name, string? Acronym, string? Agency, string? Province, string? RegencyCity, int? Year)
    {
        public DuplicateFacts Facts => new(Name, Acronym, Agency, Province, RegencyCity, Year);
    }
}
