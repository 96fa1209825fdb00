using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search;
using Jippnas.Web.Features.Search.Analysis;

namespace Jippnas.UnitTests;

public sealed class SearchAnalysisTests
{
    private static readonly IndonesianAnalyzer Analyzer = IndonesianAnalyzer.Shared;

    [Theory]
    [InlineData("Pelayanan", "layan")]
    [InlineData("melayani", "layan")]
    [InlineData("layanannya", "layan")]
    [InlineData("kependudukan", "duduk")]
    [InlineData("penduduk", "duduk")]
    [InlineData("persalinan", "salin")]
    [InlineData("bersalin", "salin")]
    [InlineData("anak-anak", "anak")]
    [InlineData("stuntingnya", "stunting")]
    [InlineData("KTP", "ktp")]
    [InlineData("Kesehatan", "sehat")]
    [InlineData("Pérez", "perez")]
    [InlineData("Maluku", "maluku")]
    [InlineData("Bali", "bali")]
    public void Words_meet_at_their_root(string word, string term) =>
        Analyzer.TermOf(word).ShouldBe(term);

    [Fact]
    public void Stop_words_are_dropped_and_positions_skip_them()
    {
        var tokens = new List<AnalyzedToken>();
        Analyzer.Analyze("Layanan untuk warga yang tinggal di desa", tokens);
        tokens.Select(t => t.Term).ShouldBe(["layan", "warga", "tinggal", "desa"]);
        tokens.Select(t => t.Position).ShouldBe([0, 1, 2, 3]);
    }

    [Fact]
    public void Hyphenated_words_that_are_not_reduplication_stay_two_words()
    {
        Analyzer.Terms("KTP-el dan e-KTP").ShouldBe(["ktp", "el", "e", "ktp"]);
    }

    [Fact]
    public void Text_without_words_gives_no_terms()
    {
        Analyzer.Terms("!!! ??? \u0000\u0001 --- 🚀").ShouldBeEmpty();
        Analyzer.Terms(null).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("kesehatan", "kesehtan", 1)]
    [InlineData("stunting", "stuntng", 1)]
    [InlineData("persalinan", "presalinan", 1)]
    [InlineData("kelahiran", "kelahrian", 1)]
    [InlineData("pengelolaan", "pengelolan", 1)]
    [InlineData("abc", "xyz", 3)]
    public void Edit_distance_counts_swaps_as_one(string a, string b, int distance) =>
        EditDistance.Bounded(a, b, 3).ShouldBe(distance);

    [Fact]
    public void Edit_distance_stops_early_past_the_bound() =>
        EditDistance.Bounded("pelayanan", "kematian", 2).ShouldBe(3);

    [Fact]
    public void The_planner_corrects_typos_expands_synonyms_and_acronyms()
    {
        var vocabulary = Vocabulary(
            [("kesehatan", "sehat"), ("ibu", "ibu"), ("kematian", "mati"), ("angka", "angka"), ("kartu", "kartu"), ("tanda", "tanda"), ("penduduk", "duduk")],
            ["aki | angka kematian ibu", "ktp | kartu tanda penduduk", "meninggal | kematian"]);

        var plan = SearchPlanner.Plan("kesehtan ibu", vocabulary, Analyzer);
        plan.Corrections.ShouldContain(("kesehtan", "kesehatan"));
        plan.Groups[0].Alternatives.SelectMany(a => a).ShouldContain("sehat");

        var acronym = SearchPlanner.Plan("KTP", vocabulary, Analyzer);
        acronym.Groups.Count.ShouldBe(1);
        acronym.Groups[0].Alternatives.ShouldContain(a => a.SequenceEqual(new[] { "kartu", "tanda", "duduk" }));

        var phrase = SearchPlanner.Plan("banyak ibu meninggal", vocabulary, Analyzer);
        phrase.Groups.Select(g => g.Text).ShouldBe(["ibu", "meninggal"]);
        phrase.Groups[1].Alternatives.ShouldContain(a => a.SequenceEqual(new[] { "mati" }));

        var longest = SearchPlanner.Plan("angka kematian ibu", vocabulary, Analyzer);
        longest.Groups.Count.ShouldBe(1);
        longest.Groups[0].Alternatives.ShouldContain(a => a.SequenceEqual(new[] { "aki" }));
    }

    [Fact]
    public void The_planner_keeps_at_most_32_words_and_says_so()
    {
        var plan = SearchPlanner.Plan(string.Join(' ', Enumerable.Range(0, 100).Select(i => "kata" + i)), Vocabulary([], []), Analyzer);
        plan.Truncated.ShouldBeTrue();
        plan.Groups.Count.ShouldBe(SearchPlanner.MaxTerms);
    }

    [Fact]
    public void Match_expressions_quote_every_term_for_both_engines()
    {
        var expression = MatchExpression.And([
            MatchExpression.Or([MatchExpression.Term("ktp"), MatchExpression.And([MatchExpression.Term("kartu"), MatchExpression.Term("tanda")])]),
            MatchExpression.Term("_p16"),
        ]);
        expression.ToFts5().ShouldBe("((\"ktp\" OR (\"kartu\" AND \"tanda\")) AND \"_p16\")");
        expression.ToTsQuery().ShouldBe("(('ktp' | ('kartu' & 'tanda')) & '_p16')");
        MatchExpression.Term("a\"b'c").ToFts5().ShouldBe("\"a\"\"b'c\"");
        MatchExpression.Term("a\"b'c").ToTsQuery().ShouldBe("'a\"b''c'");
    }

    [Fact]
    public void Snippets_mark_words_through_the_analyser_and_encode_html()
    {
        var snippet = Snippets.Make(["Pendaftaran <b>mudah</b>. Petugas melayani warga di rumah."], new HashSet<string> { "layan" })!;
        snippet.ShouldBe("Petugas <mark>melayani</mark> warga di rumah.");
        Snippets.Make(["<script>x</script> tanpa kecocokan."], new HashSet<string>())!.ShouldBe("&lt;script&gt;x&lt;/script&gt; tanpa kecocokan.");
    }

    [Fact]
    public void Long_sentences_are_cut_around_the_first_match()
    {
        var text = string.Join(' ', Enumerable.Repeat("kata biasa", 60)) + " stunting turun " + string.Join(' ', Enumerable.Repeat("lain", 60)) + ".";
        var snippet = Snippets.Make([text], new HashSet<string> { "stunting" })!;
        snippet.ShouldStartWith("…");
        snippet.ShouldContain("<mark>stunting</mark>");
        snippet.Length.ShouldBeLessThan(Snippets.MaxLength + 40);
    }

    [Fact]
    public void The_tsvector_literal_weights_fields_and_keeps_tags()
    {
        var source = new SearchSource(7, "Layanan KTP", "LAKTP", null, null, "16", "Sumatera Selatan", null, null, 3, "Kesehatan", 2020, InnovationPhase.Creation, InnovationStatus.Running, "Warga dilayani.", null);
        var document = SearchDocument.Build(source, Analyzer);
        var vector = document.ToTsVector();
        vector.ShouldContain("'layan':1A");
        vector.ShouldContain("'_p16'");
        vector.ShouldContain("'_y2020'");
        document.FieldText(0).ShouldBe("layan ktp laktp");
    }

    [Fact]
    public void Synonym_groups_need_two_phrases_and_are_normalised()
    {
        SearchSynonym.NormalisePhrases(" KTP |kartu tanda penduduk| ktp ").ShouldBe("KTP | kartu tanda penduduk");
        Should.Throw<DomainException>(() => SearchSynonym.NormalisePhrases("ktp")).Field.ShouldBe("phrases");
        Should.Throw<DomainException>(() => SearchSynonym.NormalisePhrases(string.Join('|', Enumerable.Range(0, 20).Select(i => "a" + i)))).Field.ShouldBe("phrases");
    }

    private static VocabularySnapshot Vocabulary(IEnumerable<(string Word, string Stem)> words, IEnumerable<string> synonyms) =>
        new(words.Select(w => (w.Word, w.Stem, 10)), synonyms, 100, Analyzer);
}
