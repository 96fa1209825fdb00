using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search;
using Jippnas.Web.Features.Search.Analysis;
using Shouldly;
using Xunit;

namespace Jippnas.UnitTests;

public sealed class WordTallyTests
{
    [Fact]
    public void A_word_counts_once_per_document_however_often_and_wherever_it_is_written()
    {
        var tally = new WordTally();
        tally.Add(Document(1, "Layanan Keliling", "Layanan cepat, layanan dekat. Keliling desa."));
        tally.Add(Document(2, "Pelayanan Desa", "Layanan desa."));

        var words = tally.Words().ToDictionary(w => w.Word);
        words["layanan"].Documents.ShouldBe(2);
        words["layanan"].Stem.ShouldBe("layan");
        words["pelayanan"].Documents.ShouldBe(1);
        words["pelayanan"].Stem.ShouldBe("layan");
        words["keliling"].Documents.ShouldBe(1);
        words["desa"].Documents.ShouldBe(2);
        tally.Count.ShouldBe(words.Count);
    }

    [Fact]
    public void Tallies_of_separate_documents_add_up_to_the_tally_of_all()
    {
        SearchDocument[] documents = [Document(1, "Layanan Keliling", "Layanan desa."), Document(2, "Layanan Desa", "Desa cepat."), Document(3, "Desa Sehat", "Keliling.")];
        var whole = new WordTally();
        var first = new WordTally();
        var second = new WordTally();
        foreach (var document in documents)
        {
            whole.Add(document);
            (document.Id == 2 ? second : first).Add(document);
        }

        var added = new WordTally();
        added.Add(first);
        added.Add(second);
        // Adding a tally leaves it usable: documents added later still count once each.
        var fourth = Document(4, "Desa Desa", "Desa.");
        whole.Add(fourth);
        added.Add(fourth);

        added.Words().OrderBy(w => w.Word, StringComparer.Ordinal).ShouldBe(whole.Words().OrderBy(w => w.Word, StringComparer.Ordinal));
        added.Words().Single(w => w.Word == "desa").Documents.ShouldBe(4);
    }

    private static SearchDocument Document(int id, string name, string body) =>
        SearchDocument.Build(new SearchSource(id, name, null, null, null, null, null, null, null, null, null, null, null, InnovationStatus.Running, null, body), IndonesianAnalyzer.Shared);
}
