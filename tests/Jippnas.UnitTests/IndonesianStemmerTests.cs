using System.Collections.Concurrent;
using Jippnas.Web.Features.Search.Analysis;

namespace Jippnas.UnitTests;

public class IndonesianStemmerTests
{
    private static readonly IndonesianStemmer Stemmer = IndonesianStemmer.Shared;

    // Expected roots checked against the Sastrawi (PHP) Enhanced Confix Stripping rules run over the embedded
    // hunspell-id word list; every pair is a correct Indonesian word -> root analysis.
    [Theory]
    // Public-service vocabulary and words that first-rule-only prefix disambiguation got wrong
    [InlineData("pelayanan", "layan")]
    [InlineData("layanan", "layan")]
    [InlineData("melayani", "layan")]
    [InlineData("dilayani", "layan")]
    [InlineData("kependudukan", "duduk")]
    [InlineData("penduduk", "duduk")]
    [InlineData("kedudukan", "duduk")]
    [InlineData("kematian", "mati")]
    [InlineData("persalinan", "salin")]
    [InlineData("bersalin", "salin")]
    [InlineData("melahirkan", "lahir")]
    [InlineData("kelahiran", "lahir")]
    [InlineData("pendidikan", "didik")]
    [InlineData("kesehatan", "sehat")]
    [InlineData("pernikahan", "nikah")]
    [InlineData("perkawinan", "kawin")]
    [InlineData("pemberdayaan", "daya")]
    [InlineData("memberdayakan", "daya")]
    [InlineData("perizinan", "izin")]
    [InlineData("pengaduan", "adu")]
    [InlineData("penanggulangan", "tanggulang")]
    [InlineData("menanggulangi", "tanggulang")]
    [InlineData("pemerintahan", "perintah")]
    [InlineData("pemerintah", "perintah")]
    [InlineData("kementerian", "menteri")]
    [InlineData("penyelenggaraan", "selenggara")]
    [InlineData("peningkatan", "tingkat")]
    [InlineData("pembangunan", "bangun")]
    [InlineData("perekonomian", "ekonomi")]
    [InlineData("kesejahteraan", "sejahtera")]
    [InlineData("kebudayaan", "budaya")]
    [InlineData("berkelanjutan", "lanjut")]
    [InlineData("keberlanjutan", "lanjut")]
    [InlineData("pengawasan", "awas")]
    [InlineData("pelaporan", "lapor")]
    [InlineData("permohonan", "mohon")]
    [InlineData("persyaratan", "syarat")]
    [InlineData("keterbukaan", "buka")]
    [InlineData("terintegrasi", "integrasi")]
    [InlineData("mengintegrasikan", "integrasi")]
    [InlineData("mensosialisasikan", "sosialisasi")]
    [InlineData("berpartisipasi", "partisipasi")]
    [InlineData("perlindungan", "lindung")]
    [InlineData("melindungi", "lindung")]
    [InlineData("kemiskinan", "miskin")]
    [InlineData("pencegahan", "cegah")]
    [InlineData("pengobatan", "obat")]
    [InlineData("penyakit", "sakit")]
    [InlineData("kepolisian", "polisi")]
    [InlineData("ketertiban", "tertib")]
    [InlineData("kesediaan", "sedia")]
    [InlineData("dimaksudkan", "maksud")]
    [InlineData("kegiatan", "giat")]
    [InlineData("menyiapkan", "siap")]
    [InlineData("mempersiapkan", "siap")]
    [InlineData("dipersiapkan", "siap")]
    [InlineData("penghargaan", "harga")]
    [InlineData("pertumbuhan", "tumbuh")]
    [InlineData("membanggakan", "bangga")]
    [InlineData("menyusun", "susun")]
    [InlineData("penyusunan", "susun")]
    [InlineData("menerapkan", "terap")]
    [InlineData("penerapan", "terap")]
    [InlineData("menetapkan", "tetap")]
    [InlineData("penetapan", "tetap")]
    [InlineData("memilih", "pilih")]
    [InlineData("pemilihan", "pilih")]
    [InlineData("mengirimkan", "kirim")]
    [InlineData("pengiriman", "kirim")]
    [InlineData("mengetahui", "tahu")]
    [InlineData("pengetahuan", "tahu")]
    [InlineData("menyukai", "suka")]
    [InlineData("menggunakan", "guna")]
    [InlineData("penggunaan", "guna")]
    [InlineData("menerima", "terima")]
    [InlineData("penerimaan", "terima")]
    [InlineData("menemukan", "temu")]
    [InlineData("ditemukan", "temu")]
    [InlineData("mengurangi", "kurang")]
    [InlineData("pernyataan", "nyata")]
    [InlineData("memperbaiki", "baik")]
    [InlineData("diperlakukan", "laku")]
    [InlineData("mempercepat", "cepat")]
    [InlineData("mempermudah", "mudah")]
    [InlineData("menyelesaikan", "selesai")]
    [InlineData("penyelesaian", "selesai")]
    [InlineData("pekerjaan", "kerja")]
    [InlineData("pengelolaan", "kelola")]
    [InlineData("pengembangan", "kembang")]
    [InlineData("menyampaikan", "sampai")]
    [InlineData("mengerjakan", "kerja")]
    [InlineData("menikah", "nikah")]
    [InlineData("memakan", "makan")]
    [InlineData("penanganan", "tangan")]
    [InlineData("pertanggungjawaban", "tanggungjawab")]
    [InlineData("penduduknya", "duduk")]
    [InlineData("perpindahan", "pindah")]
    [InlineData("kedatangan", "datang")]
    [InlineData("pendaftaran", "daftar")]
    [InlineData("pembayaran", "bayar")]
    [InlineData("perpajakan", "pajak")]
    [InlineData("kewarganegaraan", "warganegara")]
    [InlineData("pencatatan", "catat")]
    [InlineData("perceraian", "cerai")]
    [InlineData("pengangguran", "anggur")]
    [InlineData("pekerja", "kerja")]
    [InlineData("perumahan", "rumah")]
    [InlineData("pertanahan", "tanah")]
    [InlineData("kebersihan", "bersih")]
    [InlineData("lingkungan", "lingkung")]
    [InlineData("kehutanan", "hutan")]
    [InlineData("pertanian", "tani")]
    [InlineData("perikanan", "ikan")]
    [InlineData("peternakan", "ternak")]
    [InlineData("perdagangan", "dagang")]
    [InlineData("perindustrian", "industri")]
    [InlineData("keuangan", "uang")]
    [InlineData("pendapatan", "dapat")]
    [InlineData("penerbitan", "terbit")]
    [InlineData("pengurusan", "urus")]
    [InlineData("pengajuan", "aju")]
    [InlineData("bantuan", "bantu")]
    [InlineData("tunjangan", "tunjang")]
    [InlineData("jaminan", "jamin")]
    [InlineData("pensiunan", "pensiun")]
    [InlineData("keamanan", "aman")]
    [InlineData("keselamatan", "selamat")]
    [InlineData("pengungsian", "ungsi")]
    [InlineData("pemadam", "padam")]
    [InlineData("kebakaran", "bakar")]
    [InlineData("perhubungan", "hubung")]
    [InlineData("angkutan", "angkut")]
    [InlineData("penerangan", "terang")]
    [InlineData("pengairan", "air")]
    [InlineData("pemakaman", "makam")]
    [InlineData("keagamaan", "agama")]
    [InlineData("kebijakan", "bijak")]
    [InlineData("mengandung", "kandung")]
    [InlineData("pemandu", "pandu")]
    [InlineData("mengabulkan", "kabul")]
    [InlineData("mengupas", "kupas")]
    [InlineData("keterpurukan", "puruk")]
    [InlineData("terdepan", "depan")]
    [InlineData("mengikis", "kikis")]
    [InlineData("menekan", "tekan")]
    [InlineData("ditemui", "temu")]
    [InlineData("melewati", "lewat")]
    [InlineData("menahan", "tahan")]
    [InlineData("mengokohkan", "kokoh")]
    [InlineData("melainkan", "lain")]
    [InlineData("pembelajaran", "belajar")]
    [InlineData("gerakan", "gerak")]
    [InlineData("berupa", "rupa")]
    [InlineData("anggaran", "anggar")]
    [InlineData("mengapa", "apa")]
    // Pairs from Sastrawi's own functional and integration tests whose root is in the hunspell-id list
    [InlineData("hancurlah", "hancur")]
    [InlineData("benarkah", "benar")]
    [InlineData("siapapun", "siapa")]
    [InlineData("jubahku", "jubah")]
    [InlineData("bajumu", "baju")]
    [InlineData("celananya", "celana")]
    [InlineData("hantui", "hantu")]
    [InlineData("jualan", "jual")]
    [InlineData("bukumukah", "buku")]
    [InlineData("miliknyalah", "milik")]
    [InlineData("kulitkupun", "kulit")]
    [InlineData("berikanku", "beri")]
    [InlineData("sakitimu", "sakit")]
    [InlineData("beriannya", "beri")]
    [InlineData("kasihilah", "kasih")]
    [InlineData("dibuang", "buang")]
    [InlineData("kesakitan", "sakit")]
    [InlineData("sesuap", "suap")]
    [InlineData("beradu", "adu")]
    [InlineData("berambut", "rambut")]
    [InlineData("bersuara", "suara")]
    [InlineData("berdaerah", "daerah")]
    [InlineData("bekerja", "kerja")]
    [InlineData("beternak", "ternak")]
    [InlineData("terasing", "asing")]
    [InlineData("teraup", "raup")]
    [InlineData("tergerak", "gerak")]
    [InlineData("terpuruk", "puruk")]
    [InlineData("teterbang", "terbang")]
    [InlineData("melipat", "lipat")]
    [InlineData("meringkas", "ringkas")]
    [InlineData("mewarnai", "warna")]
    [InlineData("meyakinkan", "yakin")]
    [InlineData("membangun", "bangun")]
    [InlineData("memfitnah", "fitnah")]
    [InlineData("memvonis", "vonis")]
    [InlineData("memperbarui", "baru")]
    [InlineData("meminum", "minum")]
    [InlineData("memukul", "pukul")]
    [InlineData("mencinta", "cinta")]
    [InlineData("mendua", "dua")]
    [InlineData("menjauh", "jauh")]
    [InlineData("menziarah", "ziarah")]
    [InlineData("menuklir", "nuklir")]
    [InlineData("menangkap", "tangkap")]
    [InlineData("menggila", "gila")]
    [InlineData("menghajar", "hajar")]
    [InlineData("mengqasar", "qasar")]
    [InlineData("mengudara", "udara")]
    [InlineData("menyuarakan", "suara")]
    [InlineData("mempopulerkan", "populer")]
    [InlineData("pewarna", "warna")]
    [InlineData("peyoga", "yoga")]
    [InlineData("peradilan", "adil")]
    [InlineData("permuka", "muka")]
    [InlineData("perdaerah", "daerah")]
    [InlineData("pembangun", "bangun")]
    [InlineData("pemfitnah", "fitnah")]
    [InlineData("pemvonis", "vonis")]
    [InlineData("peminum", "minum")]
    [InlineData("pemukul", "pukul")]
    [InlineData("pencinta", "cinta")]
    [InlineData("pendahulu", "dahulu")]
    [InlineData("penjarah", "jarah")]
    [InlineData("penziarah", "ziarah")]
    [InlineData("penasihat", "nasihat")]
    [InlineData("penangkap", "tangkap")]
    [InlineData("penggila", "gila")]
    [InlineData("penghajar", "hajar")]
    [InlineData("pengqasar", "qasar")]
    [InlineData("pengudara", "udara")]
    [InlineData("pengupas", "kupas")]
    [InlineData("penyuara", "suara")]
    [InlineData("pelabuhan", "labuh")]
    [InlineData("petarung", "tarung")]
    [InlineData("terpercaya", "percaya")]
    [InlineData("peserta", "serta")]
    [InlineData("mempengaruhi", "pengaruh")]
    [InlineData("mengkritik", "kritik")]
    [InlineData("bersekolah", "sekolah")]
    [InlineData("bertahan", "tahan")]
    [InlineData("mencapai", "capai")]
    [InlineData("petani", "tani")]
    [InlineData("terabai", "abai")]
    [InlineData("mensyaratkan", "syarat")]
    [InlineData("mensyukuri", "syukur")]
    [InlineData("mengebom", "bom")]
    [InlineData("mempromosikan", "promosi")]
    [InlineData("memproteksi", "proteksi")]
    [InlineData("memprediksi", "prediksi")]
    [InlineData("pengkajian", "kaji")]
    [InlineData("pengebom", "bom")]
    [InlineData("bersembunyi", "sembunyi")]
    [InlineData("bersembunyilah", "sembunyi")]
    [InlineData("pelanggan", "langgan")]
    [InlineData("pelaku", "laku")]
    [InlineData("pelangganmukah", "langgan")]
    [InlineData("pelakunyalah", "laku")]
    [InlineData("perbaikan", "baik")]
    [InlineData("kebaikannya", "baik")]
    [InlineData("bisikan", "bisik")]
    [InlineData("berpelanggan", "langgan")]
    [InlineData("bermakanan", "makan")]
    [InlineData("menyala", "nyala")]
    [InlineData("menyanyikan", "nyanyi")]
    [InlineData("menyatakannya", "nyata")]
    [InlineData("penyanyi", "nyanyi")]
    [InlineData("penyawaan", "nyawa")]
    [InlineData("lemigas", "ligas")]
    [InlineData("bertebaran", "tebar")]
    [InlineData("terasingkan", "asing")]
    [InlineData("membangunkan", "bangun")]
    [InlineData("mencintai", "cinta")]
    [InlineData("menduakan", "dua")]
    [InlineData("menjauhi", "jauh")]
    [InlineData("menggilai", "gila")]
    [InlineData("persemakmuran", "makmur")]
    [InlineData("keberuntunganmu", "untung")]
    [InlineData("peranan", "peran")]
    [InlineData("memberikan", "beri")]
    [InlineData("medannya", "medan")]
    [InlineData("finalisasi", "final")]
    [InlineData("penstabilan", "stabil")]
    [InlineData("pentranskripsi", "transkripsi")]
    [InlineData("mentaati", "taat")]
    [InlineData("menganga", "nganga")]
    [InlineData("kupukul", "pukul")]
    [InlineData("kauhajar", "hajar")]
    [InlineData("perusakan", "rusa")]
    public void Stem_returns_the_root(string word, string root)
    {
        Stemmer.Stem(word).ShouldBe(root);
    }

    // Known limitations, pinned so that a change in them is noticed. Sastrawi's rules give the same results over
    // the same dictionary: "-is" is removed before prefixes ("menang" is a root), "mulai" is missing from the
    // hunspell-id list, and rule 30 tries "k" + stem before "penge-" + stem ("kesah" is a root).
    [Theory]
    [InlineData("menangis", "menang")]
    [InlineData("dimulai", "mula")]
    [InlineData("pengesahan", "kesah")]
    [InlineData("mengalahkan", "alah")]
    public void Known_limitations_of_the_rules_and_dictionary(string word, string root)
    {
        Stemmer.Stem(word).ShouldBe(root);
    }

    // Words that hunspell-id lists as entries of their own are not stemmed further.
    [Theory]
    [InlineData("belajar")]
    [InlineData("pelajar")]
    [InlineData("kinerja")]
    [InlineData("besaran")]
    public void Lexicalised_derived_words_in_the_dictionary_stay_as_they_are(string word)
    {
        Stemmer.IsRootWord(word).ShouldBeTrue();
        Stemmer.Stem(word).ShouldBe(word);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("di")]
    [InlineData("ibu")]
    [InlineData("dia")]
    [InlineData("esi")]
    [InlineData("mii")]
    public void Words_shorter_than_four_letters_are_returned_unchanged(string word)
    {
        Stemmer.Stem(word).ShouldBe(word);
    }

    [Theory]
    [InlineData("jippnas")]
    [InlineData("xyzqwerty")]
    [InlineData("covid")]
    [InlineData("bpjsnya")]
    [InlineData("constructornya")]
    public void Unknown_words_and_words_without_a_root_are_returned_unchanged(string word)
    {
        Stemmer.Stem(word).ShouldBe(word);
    }

    [Theory]
    [InlineData("berita")]
    [InlineData("bersih")]
    [InlineData("perempuan")]
    [InlineData("pemuda")]
    [InlineData("menara")]
    [InlineData("teladan")]
    [InlineData("sepatu")]
    [InlineData("kemeja")]
    [InlineData("pelita")]
    [InlineData("sekolah")]
    [InlineData("pertama")]
    [InlineData("telah")]
    [InlineData("tetapi")]
    [InlineData("dokumen")]
    [InlineData("transparansi")]
    [InlineData("digitalisasi")]
    public void Root_words_that_look_affixed_are_not_stemmed(string word)
    {
        Stemmer.IsRootWord(word).ShouldBeTrue();
        Stemmer.Stem(word).ShouldBe(word);
    }

    [Fact]
    public void IsRootWord_checks_the_embedded_dictionary()
    {
        Stemmer.IsRootWord("layan").ShouldBeTrue();
        Stemmer.IsRootWord("duduk").ShouldBeTrue();
        Stemmer.IsRootWord("pelayanan").ShouldBeFalse();
        Stemmer.IsRootWord("abal-abal").ShouldBeFalse(); // hyphenated entries are not shipped
        Stemmer.IsRootWord("").ShouldBeFalse();
        Stemmer.IsRootWord("di").ShouldBeFalse(); // one- and two-letter entries are not shipped
        Stemmer.RootWordCount.ShouldBe(28_689);
    }

    [Fact]
    public void Dictionary_is_an_embedded_resource_with_the_expected_name()
    {
        typeof(IndonesianStemmer).Assembly.GetManifestResourceNames()
            .ShouldContain(IndonesianStemmer.DictionaryResourceName);
        IndonesianStemmer.DictionaryResourceName.ShouldBe("Jippnas.Web.Features.Search.Analysis.root-words.txt");
    }

    [Fact]
    public void Upper_case_letters_are_lower_cased_first()
    {
        Stemmer.Stem("Pelayanan").ShouldBe("layan");
        Stemmer.Stem("KESEHATAN").ShouldBe("sehat");
    }

    [Fact]
    public void Stemming_is_repeatable_once_cached()
    {
        var first = Stemmer.Stem("kependudukan");
        Stemmer.Stem("kependudukan").ShouldBe(first);
        first.ShouldBe("duduk");
    }

    [Fact]
    public void Loader_skips_comments_and_blank_lines()
    {
        using var reader = new StringReader("# comment\n\nlayan\n  duduk  \n#lahir\n");
        var stemmer = IndonesianStemmer.Load(reader);

        stemmer.RootWordCount.ShouldBe(2);
        stemmer.IsRootWord("layan").ShouldBeTrue();
        stemmer.IsRootWord("duduk").ShouldBeTrue();
        stemmer.IsRootWord("#lahir").ShouldBeFalse();
        stemmer.Stem("pelayanan").ShouldBe("layan");
        stemmer.Stem("melahirkan").ShouldBe("melahirkan");
    }

    [Fact]
    public void Cache_stops_growing_at_its_capacity_and_results_stay_correct()
    {
        var stemmer = new IndonesianStemmer(["layan", "duduk", "sehat"], cacheCapacity: 3);
        string[] words = ["pelayanan", "layanan", "melayani", "kependudukan", "penduduk", "kesehatan", "menyehatkan"];

        foreach (var word in words)
        {
            stemmer.Stem(word);
        }

        stemmer.CachedCount.ShouldBe(3);
        stemmer.Stem("melayani").ShouldBe("layan");
        stemmer.Stem("kesehatan").ShouldBe("sehat");
        stemmer.Stem("menyehatkan").ShouldBe("sehat");
        stemmer.CachedCount.ShouldBe(3);
    }

    [Fact]
    public void Parallel_stemming_gives_the_same_results_as_sequential_stemming()
    {
        string[] words =
        [
            "pelayanan", "kependudukan", "kematian", "persalinan", "melahirkan", "pendidikan", "kesehatan",
            "pernikahan", "perkawinan", "memperbaiki", "diperlakukan", "menyelesaikan", "pengetahuan", "menyukai",
            "pembelajaran", "penyusunan", "mempersiapkan", "keterbukaan", "mensosialisasikan", "perlindungan",
            "jippnas", "mengapa", "berita", "dia", "constructornya", "menyanyikan", "penerimaan", "kinerja",
        ];
        var sequential = new IndonesianStemmer(LoadSharedWords());
        var expected = words.Select(sequential.Stem).ToArray();

        // A fresh instance with a small cache, so that threads race on both cache misses and the capacity limit.
        var stemmer = new IndonesianStemmer(LoadSharedWords(), cacheCapacity: 10);
        var mismatches = new ConcurrentBag<string>();
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var index = i % words.Length;
            var word = words[index];
            var root = stemmer.Stem(word);
            if (root != expected[index])
            {
                mismatches.Add($"{word}: {root} != {expected[index]}");
            }
        });

        mismatches.ShouldBeEmpty();
        stemmer.CachedCount.ShouldBeLessThanOrEqualTo(10);
    }

    private static List<string> LoadSharedWords()
    {
        using var stream = typeof(IndonesianStemmer).Assembly.GetManifestResourceStream(IndonesianStemmer.DictionaryResourceName)!;
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line);
            }
        }

        return words;
    }
}
