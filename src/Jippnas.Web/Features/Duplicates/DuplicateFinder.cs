using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Jippnas.Web.Data;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search;
using Jippnas.Web.Features.Search.Analysis;
using Microsoft.EntityFrameworkCore;

namespace Jippnas.Web.Features.Duplicates;

/// <summary>A likely duplicate of some facts: the innovation, how it reads, and the score with its reasons.</summary>
public sealed record DuplicateMatch(int Id, DuplicateFacts Facts, DuplicateScore Score);

/// <summary>
/// Finds innovations that are likely the same as some facts: candidates are the published innovations whose names
/// share the most distinctive words with the facts' name and acronym (a search in the full-text index, so a name
/// written differently in another region is found too), each then scored by <see cref="DuplicateScorer"/>.
/// </summary>
public sealed class DuplicateFinder(JippnasDb db, SearchVocabulary vocabulary, DuplicateScorers scorers, TimeProvider clock)
{
    /// <summary>Candidates scored per innovation: enough for a generic name shared by many regions.</summary>
    public const int CandidateLimit = 60;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>The likely duplicates of <paramref name="facts"/>, best first (without <paramref name="except"/>).</summary>
    public async Task<IReadOnlyList<DuplicateMatch>> FindAsync(DuplicateFacts facts, int? except, CancellationToken cancellationToken)
    {
        var scorer = await scorers.GetAsync(db, cancellationToken);
        var words = await vocabulary.GetAsync(cancellationToken);
        var head = SearchDocument.Build(new SearchSource(0, facts.Name, facts.Acronym, null, null, null, null, null, null, null, null, null, null, InnovationStatus.Unconfirmed, null, null), IndonesianAnalyzer.Shared);
        // Words in a third of all records say nothing about a name; the rest, rarest first.
        var common = Math.Max(2, words.DocumentCount / 3);
        var terms = head.Fields[0].Select(t => t.Term).Distinct(StringComparer.Ordinal)
            .Where(t => words.TermCount(t) is > 0 and var df && df <= common)
            .OrderBy(words.TermCount).Take(12).Select(MatchExpression.Term).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var any = MatchExpression.Or(terms);
        var candidates = await SearchEngine.For(db, words).CandidatesAsync(any, [any], CandidateLimit + 1, common: false, cancellationToken);
        var ids = candidates.OrderByDescending(c => c.Score).Select(c => c.Id).Where(id => id != except).Take(CandidateLimit).ToList();
        var found = await FactsAsync(ids, cancellationToken);
        return [.. found.Select(f => new DuplicateMatch(f.Key, f.Value, scorer.Score(facts, f.Value)))
            .Where(m => m.Score.IsLikely).OrderByDescending(m => m.Score.Score).ThenBy(m => m.Id)];
    }

    /// <summary>
    /// Proposes the likely duplicates of each of <paramref name="ids"/> (pairs already proposed, merged or rejected
    /// stay as they are); returns how many pairs were new.
    /// </summary>
    public async Task<int> ProposeAsync(IReadOnlyCollection<int> ids, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var proposed = 0;
        var done = 0;
        foreach (var chunk in ids.Distinct().Chunk(200))
        {
            var facts = await FactsAsync(chunk, cancellationToken);
            var pairs = new Dictionary<(int, int), DuplicateMatch>();
            foreach (var (id, fact) in facts)
            {
                foreach (var match in await FindAsync(fact, id, cancellationToken))
                {
                    pairs.TryAdd((Math.Min(id, match.Id), Math.Max(id, match.Id)), match);
                }
            }

            var firsts = pairs.Keys.Select(k => k.Item1).Distinct().ToList();
            var known = (await db.DuplicatePairs.Where(p => firsts.Contains(p.FirstId)).Select(p => new { p.FirstId, p.SecondId }).ToListAsync(cancellationToken))
                .Select(p => (p.FirstId, p.SecondId)).ToHashSet();
            var now = clock.GetUtcNow();
            foreach (var ((first, second), match) in pairs.Where(p => !known.Contains(p.Key)))
            {
                db.DuplicatePairs.Add(new DuplicatePair
                {
                    FirstId = first, SecondId = second, Score = Math.Round(match.Score.Score, 4), State = DuplicateState.Proposed, FoundAt = now,
                    Reasons = JsonSerializer.Serialize(match.Score.Reasons, Json),
                });
                proposed++;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done += chunk.Length;
            progress?.Report(done);
        }

        return proposed;
    }

    /// <summary>What the scorer compares of published innovations, by id.</summary>
    public async Task<Dictionary<int, DuplicateFacts>> FactsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var list = string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = SqlCommands.Create(db, $"SELECT id, name, acronym, unit_name, province_code, regency_code, year_started FROM innovations WHERE is_published AND id IN ({list})", []);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var facts = new Dictionary<int, DuplicateFacts>();
            while (await reader.ReadAsync(cancellationToken))
            {
                facts[reader.GetInt32(0)] = new DuplicateFacts(reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5), reader.IsDBNull(6) ? null : reader.GetInt32(6));
            }

            return facts;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}

/// <summary>One scorer for the process: it holds the region names, which only change with the reference data.</summary>
public sealed class DuplicateScorers
{
    private DuplicateScorer? scorer;

    public async Task<DuplicateScorer> GetAsync(JippnasDb db, CancellationToken cancellationToken)
    {
        if (scorer is { } known)
        {
            return known;
        }

        var regions = await db.Regions.Select(r => new { r.Code, r.Name, r.ParentCode }).ToListAsync(cancellationToken);
        return scorer = new DuplicateScorer(regions.Select(r => (r.Code, r.Name, r.ParentCode)));
    }
}
