using Jippnas.Web.Domain;
using Jippnas.Web.Features.Maturity;

namespace Jippnas.UnitTests;

/// <summary>
/// The maturity instrument file and the scores: the instrument shipped with JIPPNas reads whole and writes back to
/// the same instrument; each problem of a file is named by its place; a score weighs each question by its weight
/// against its best option, and a set with a question unanswered has none.
/// </summary>
public sealed class MaturityTests
{
    [Fact]
    public void The_shipped_instrument_reads_whole_and_writes_back_to_itself()
    {
        var (instrument, problems) = MaturityInstrumentFile.Read(Shipped(), 2025);
        problems.ShouldBeEmpty();
        instrument!.Aspects.Select(a => a.Name).ShouldBe(["Perencanaan", "Kelembagaan", "Diseminasi", "Evaluasi"]);
        instrument.Levels.Select(l => (l.FromScore, l.Name)).ShouldBe([(0, "Rintisan"), (40, "Berkembang"), (60, "Mapan"), (80, "Unggul")]);

        var (again, none) = MaturityInstrumentFile.Read(MaturityInstrumentFile.Write(instrument), 2025);
        none.ShouldBeEmpty();
        MaturityInstrumentFile.Write(again!).ShouldBe(MaturityInstrumentFile.Write(instrument));
        again!.Questions.Select(q => (q.Code, q.Text, q.Guidance, q.Weight, q.EvidenceRequired, string.Join("|", q.Options.Select(o => $"{o.Text}:{o.Score}"))))
            .ShouldBe(instrument.Questions.Select(q => (q.Code, q.Text, q.Guidance, q.Weight, q.EvidenceRequired, string.Join("|", q.Options.Select(o => $"{o.Text}:{o.Score}")))));
    }

    [Theory]
    [InlineData("""{"tahun": 2025, "judul": "X", "tingkat": [{"mulai": 0, "nama": "A"}], "aspek": []}""", "aspek: wajib ada 1–20 aspek.")]
    [InlineData("""{"tahun": 2031, "judul": "X", "tingkat": [{"mulai": 0, "nama": "A"}], "aspek": [{"kode": "P", "nama": "P", "pertanyaan": [{"kode": "P1", "teks": "T", "bobot": 1, "pilihan": [{"teks": "a", "skor": 0}, {"teks": "b", "skor": 100}]}]}]}""", "tahun: wajib diisi, antara 2020 dan 2026.")]
    [InlineData("""{"tahun": 2025, "judul": "X", "tingkat": [{"mulai": 10, "nama": "A"}], "aspek": [{"kode": "P", "nama": "P", "pertanyaan": [{"kode": "P1", "teks": "T", "bobot": 1, "pilihan": [{"teks": "a", "skor": 0}, {"teks": "b", "skor": 100}]}]}]}""", "tingkat 1, mulai: bilangan bulat 0–100, yang pertama 0")]
    [InlineData("""{"tahun": 2025, "judul": "X", "tingkat": [{"mulai": 0, "nama": "A"}], "aspek": [{"kode": "P", "nama": "P", "pertanyaan": [{"kode": "P1", "teks": "T", "bobot": 1, "pilihan": [{"teks": "a", "skor": 0}]}]}]}""", "aspek 1 (P), pertanyaan 1 (P1), pilihan: wajib ada 2–10 pilihan jawaban.")]
    [InlineData("""{"tahun": 2025, "judul": "X", "tingkat": [{"mulai": 0, "nama": "A"}], "aspek": [{"kode": "P", "nama": "P", "pertanyaan": [{"kode": "P1", "teks": "T", "bobot": 1, "pilihan": [{"teks": "a", "skor": 0}, {"teks": "b", "skor": 0}]}]}]}""", "aspek 1 (P), pertanyaan 1 (P1), pilihan: paling sedikit satu pilihan harus berskor lebih dari 0.")]
    [InlineData("""{"tahun": 2025, "judul": "X", "tingkat": [{"mulai": 0, "nama": "A"}], "aspek": [{"kode": "P 1", "nama": "P", "pertanyaan": [{"kode": "P1", "teks": "T", "bobot": 1, "pilihan": [{"teks": "a", "skor": 0}, {"teks": "b", "skor": 100}]}]}]}""", "aspek 1 (P 1), kode: 'P 1' hanya boleh huruf, angka")]
    [InlineData("""{"tahun": 2025, "judul": "X", "tingkat": [{"mulai": 0, "nama": "A"}], "aspek": [{"kode": "P", "nama": "P", "pertanyaan": [{"kode": "P1", "teks": "T", "bobot": "tiga", "pilihan": []}]}]}""", "Berkas instrumen, baris 1 ($.aspek[0].pertanyaan[0].bobot)")]
    [InlineData("null", "Berkas instrumen: kosong.")]
    public void Each_problem_of_a_file_is_named_by_its_place(string file, string problem)
    {
        var (instrument, problems) = MaturityInstrumentFile.Read(file, 2026);
        instrument.ShouldBeNull();
        problems.ShouldContain(p => p.Contains(problem, StringComparison.Ordinal), string.Join(" / ", problems));
    }

    [Fact]
    public void A_score_weighs_each_question_against_its_best_option()
    {
        // Q1 weight 3, options 0/50/100; Q2 weight 1, options 0/4 (a different scale): 3×50 + 1×4 of 3×100 + 1×4.
        var q1 = Question(1, 3, 0, 50, 100);
        var q2 = Question(2, 1, 0, 4);
        var chosen = new Dictionary<int, int> { [1] = 102, [2] = 202 };
        MaturityScoring.Score([q1, q2], q => chosen.GetValueOrDefault(q.Id) is var o and > 0 ? o : null).ShouldBe(Math.Round(154d / 304 * 100, 2));
        MaturityScoring.Score([q1, q2], q => q.Id == 1 ? 103 : null).ShouldBeNull(); // Q2 unanswered
        MaturityScoring.Score([q1], _ => 999).ShouldBeNull(); // not an option of the question

        var instrument = new MaturityInstrument { Title = "X", Levels = [new() { FromScore = 0, Name = "A" }, new() { FromScore = 60, Name = "B" }] };
        instrument.LevelOf(59.99)!.Name.ShouldBe("A");
        instrument.LevelOf(60)!.Name.ShouldBe("B");
    }

    private static MaturityQuestion Question(int id, int weight, params int[] scores) => new()
    {
        Id = id,
        Code = $"Q{id}",
        Text = "T",
        Weight = weight,
        Options = [.. scores.Select((s, i) => new MaturityOption { Id = (id * 100) + i + 1, Ordinal = i + 1, Text = $"{s}", Score = s })],
    };

    private static string Shipped()
    {
        using var stream = typeof(MaturityInstrument).Assembly.GetManifestResourceStream("Jippnas.Web.Data.Reference.maturity-2025.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
