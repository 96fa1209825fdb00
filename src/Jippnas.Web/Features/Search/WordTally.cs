using System.Runtime.InteropServices;

namespace Jippnas.Web.Features.Search;

/// <summary>
/// How many documents use each written word, with the word's term: what the vocabulary (typo corrections,
/// frequent words) is kept from. One look-up per token; a tally is used by one thread at a time.
/// </summary>
internal sealed class WordTally
{
    private readonly Dictionary<string, Entry> words = new(StringComparer.Ordinal);

    public int Count => words.Count;

    /// <summary>Counts each written word of <paramref name="document"/> once.</summary>
    public void Add(SearchDocument document)
    {
        foreach (var field in document.Fields)
        {
            foreach (var token in field)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(words, token.Word, out var exists);
                if (!exists)
                {
                    entry = new Entry { Stem = token.Term, Documents = 1, LastDocument = document.Id };
                }
                else if (entry.LastDocument != document.Id)
                {
                    entry.Documents++;
                    entry.LastDocument = document.Id;
                }
            }
        }
    }

    /// <summary>Adds the counts of another tally, taken over other documents.</summary>
    public void Add(WordTally other)
    {
        foreach (var (word, counted) in other.words)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(words, word, out var exists);
            if (!exists)
            {
                entry = counted with { LastDocument = 0 };
            }
            else
            {
                entry.Documents += counted.Documents;
            }
        }
    }

    public IEnumerable<(string Word, string Stem, int Documents)> Words()
    {
        foreach (var (word, entry) in words)
        {
            yield return (word, entry.Stem, entry.Documents);
        }
    }

    private struct Entry
    {
        public string Stem;
        public int Documents;
        public int LastDocument;
    }
}
