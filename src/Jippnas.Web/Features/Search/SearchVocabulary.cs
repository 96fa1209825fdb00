using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search.Analysis;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Search;

/// <summary>
/// The words of the index with their document counts, and the active synonym groups analysed into terms:
/// what the planner needs to correct typos, expand queries and tell selective words from frequent ones.
/// Held in memory and reloaded in the background after the index changes or every few minutes.
/// </summary>
public sealed class SearchVocabulary(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SearchVocabulary> logger) : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile VocabularySnapshot? current;
    private long loadedAt;
    private volatile bool invalid;

    public void Invalidate() => invalid = true;

    public void Dispose() => loading.Dispose();

    public async Task<VocabularySnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        if (snapshot is null)
        {
            return await LoadAsync(cancellationToken);
        }

        if (invalid || clock.GetElapsedTime(Interlocked.Read(ref loadedAt)) > MaxAge)
        {
            // Serve the old words while new ones load; a search never waits for a reload.
            _ = Task.Run(() => LoadAsync(CancellationToken.None), CancellationToken.None);
        }

        return snapshot;
    }

    private async Task<VocabularySnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        if (!await loading.WaitAsync(current is null ? Timeout.Infinite : 0, cancellationToken))
        {
            return current!;
        }

        try
        {
            if (current is { } fresh && !invalid && clock.GetElapsedTime(Interlocked.Read(ref loadedAt)) <= MaxAge)
            {
                return fresh;
            }

            invalid = false;
            Interlocked.Exchange(ref loadedAt, clock.GetTimestamp());
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JippnasDb>();
            var words = await db.SearchWords.AsNoTracking().Select(w => new { w.Word, w.Stem, w.DocumentCount }).ToListAsync(cancellationToken);
            var synonyms = await db.SearchSynonyms.AsNoTracking().Where(s => s.IsActive).Select(s => s.Phrases).ToListAsync(cancellationToken);
            var documents = await db.Tallies.AsNoTracking().Where(t => t.Dimension == Tally.Total).Select(t => t.Count).FirstOrDefaultAsync(cancellationToken);
            var snapshot = new VocabularySnapshot(
                words.Select(w => (w.Word, w.Stem, w.DocumentCount)),
                synonyms,
                documents,
                IndonesianAnalyzer.Shared);
            current = snapshot;
            return snapshot;
        }
        catch (Exception exception) when (current is not null && exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Search vocabulary reload failed; serving the previous one.");
            return current;
        }
        finally
        {
            loading.Release();
        }
    }
}

/// <summary>An immutable view of the vocabulary, safe to share between requests.</summary>
public sealed class VocabularySnapshot
{
    private readonly Dictionary<string, (string Stem, int Count)> words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> termCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> termFloors = new(StringComparer.Ordinal);
    private readonly Dictionary<(char First, int Length), List<string>> buckets = [];
    private readonly Dictionary<string, List<SynonymPhrase>> phrasesByFirstTerm = new(StringComparer.Ordinal);

    public VocabularySnapshot(IEnumerable<(string Word, string Stem, int Count)> words, IEnumerable<string> synonymGroups, int documentCount, IndonesianAnalyzer analyzer)
    {
        foreach (var (word, stem, count) in words)
        {
            this.words[word] = (stem, count);
            termCounts[stem] = termCounts.GetValueOrDefault(stem) + count;
            termFloors[stem] = Math.Max(termFloors.GetValueOrDefault(stem), count);
            var key = (word[0], word.Length);
            if (!buckets.TryGetValue(key, out var bucket))
            {
                buckets[key] = bucket = [];
            }

            bucket.Add(word);
        }

        var groupId = 0;
        foreach (var group in synonymGroups)
        {
            var written = group.Split(SearchSynonym.Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => (Text: p, Terms: analyzer.Terms(p).ToArray()))
                .Where(p => p.Terms.Length > 0)
                .ToList();
            var phrases = written.ConvertAll(p => p.Terms);
            var texts = written.ConvertAll(p => p.Text);
            foreach (var phrase in phrases)
            {
                var entry = new SynonymPhrase(groupId, phrase, phrases, texts);
                if (!phrasesByFirstTerm.TryGetValue(phrase[0], out var list))
                {
                    phrasesByFirstTerm[phrase[0]] = list = [];
                }

                list.Add(entry);
            }

            groupId++;
        }

        DocumentCount = Math.Max(documentCount, 1);
    }

    public int DocumentCount { get; }

    public int WordCount => words.Count;

    public bool Knows(string word) => words.ContainsKey(word);

    public bool KnowsTerm(string term) => termCounts.ContainsKey(term);

    /// <summary>In how many documents the term occurs (an upper bound: the sum over the words that give it).</summary>
    public int TermCount(string term) => Math.Min(termCounts.GetValueOrDefault(term), DocumentCount);

    /// <summary>In at least how many documents the term occurs (the count of its most frequent word).</summary>
    public int TermFloor(string term) => termFloors.GetValueOrDefault(term);

    /// <summary>The synonym phrases that start with this term, longest first.</summary>
    public IReadOnlyList<SynonymPhrase> PhrasesStartingWith(string term) =>
        phrasesByFirstTerm.TryGetValue(term, out var list) ? list : [];

    /// <summary>
    /// Known words within one edit (words of 5–7 letters) or two edits (8 or more) of an unknown word, nearest
    /// and most frequent first. Only words with the same first letter are tried: typos there are rare, and it
    /// keeps the look-up to a few hundred comparisons however large the vocabulary.
    /// </summary>
    public IReadOnlyList<(string Word, string Stem)> Corrections(string word, int max = 3)
    {
        if (word.Length < 5)
        {
            return [];
        }

        var budget = word.Length >= 8 ? 2 : 1;
        var found = new List<(string Word, string Stem, int Distance, int Count)>();
        for (var length = word.Length - budget; length <= word.Length + budget; length++)
        {
            if (!buckets.TryGetValue((word[0], length), out var bucket))
            {
                continue;
            }

            foreach (var candidate in bucket)
            {
                var distance = EditDistance.Bounded(word, candidate, budget);
                if (distance <= budget)
                {
                    var (stem, count) = words[candidate];
                    found.Add((candidate, stem, distance, count));
                }
            }
        }

        return [.. found.OrderBy(f => f.Distance).ThenByDescending(f => f.Count).ThenBy(f => f.Word, StringComparer.Ordinal)
            .Take(max).Select(f => (f.Word, f.Stem))];
    }
}

/// <summary>One phrase of a synonym group, with the whole group as terms and as written (for showing).</summary>
public sealed record SynonymPhrase(int GroupId, string[] Terms, IReadOnlyList<string[]> Group, IReadOnlyList<string> Texts);
