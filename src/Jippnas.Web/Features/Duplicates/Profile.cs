using System.Collections.Frozen;
using Jippnas.Web.Features.Search.Analysis;

namespace Jippnas.Web.Features.Duplicates;

/// <summary>A word of a name or agency: as written (lower case), the term it stands for (stem or synonym group) and its weight.</summary>
internal readonly record struct Term(string Word, string Stem, double Weight);

/// <summary>A record analysed once for comparison.</summary>
internal sealed class Profile
{
    private const int MaxTerms = 32;
    private const int MaxShortNameLetters = 12;

    public required Term[] Terms { get; init; }
    public required string Key { get; init; }

    /// <summary>Acronyms the record gives (field, in parentheses, a name written in capitals), letters and digits only.</summary>
    public required string[] Acronyms { get; init; }

    /// <summary>
    /// Acronyms written as the name or in it, and a short name that may be one ("SIMBAS", "Si Kadar", "JSS (Jogja
    /// Smart Service)"). Only these may spell another record's name: an acronym given beside an unrelated name is a
    /// coincidence when it spells another (GPS: Gerakan Pungut Sampah, Gerakan Peduli Stunting).
    /// </summary>
    public required string[] Spellings { get; init; }

    /// <summary>All words of the name, lower case, for finding an acronym written in it.</summary>
    public required string[] Words { get; init; }

    /// <summary>Words of the name without stop words, and whether each is generic: what an acronym may spell.</summary>
    public required (string Word, bool Generic)[] Content { get; init; }

    /// <summary>The regions the name mentions, as written there.</summary>
    public required FrozenSet<string> NameRegions { get; init; }

    public required PlaceFacts Place { get; init; }
    public required Term[] Agency { get; init; }
    public required int? Year { get; init; }

    public static Profile Build(DuplicateFacts facts, RegionFinder regions)
    {
        var (outside, parentheses, head) = NameText.Split(facts.Name ?? "");
        var (nameText, acronyms) = ReadAcronyms(facts.Acronym, outside, parentheses, head);

        // Region names in a name place the record ("Klinik Apung Halmahera Selatan") but are not compared as words.
        var words = NameText.Words(nameText);
        var nameHits = regions.Find(words, forName: true);
        var kept = NameText.Without(words, nameHits);
        var terms = Synonyms.Shared.Apply(Analyze(string.Join(' ', kept)));
        var allWords = NameText.Words(facts.Name ?? "").ToArray();
        var shortName = string.Concat(kept);
        var spellings = kept.Count is > 0 and <= 2 && shortName.Length is >= 3 and <= MaxShortNameLetters ? acronyms.Append(shortName) : acronyms;

        // The agency without its region and level words: "Dinas Kesehatan Kab. Lumajang" is "dinas kesehatan".
        var agencyWords = NameText.Words(facts.Agency ?? "");
        var agencyHits = regions.Find(agencyWords, forName: false);
        var agency = Analyze(string.Join(' ', NameText.Without(agencyWords, agencyHits).Where(w => !RegionFinder.LevelWords.Contains(w))));

        return new Profile
        {
            Terms = terms,
            Key = DuplicateScorer.KeyOf(outside, parentheses),
            Acronyms = [.. acronyms.Distinct()],
            Spellings = [.. spellings.Distinct().Where(a => RunOf(allWords, a) is not null)],
            Words = allWords,
            Content = [.. Analyze(nameText).Select(t => (t.Word, Tokens.IsGeneric(t.Term)))],
            NameRegions = nameHits.Select(h => string.Concat(words.GetRange(h.Start, h.Length))).ToFrozenSet(StringComparer.Ordinal),
            Place = RegionFinder.Locate(facts, agencyHits, nameHits),
            Agency = [.. agency.Select(t => new Term(t.Word, t.Term, 1))],
            Year = facts.Year,
        };
    }

    /// <summary>The consecutive words of the name that, written together, are the acronym ("Si Kadar" for sikadar), or null.</summary>
    public HashSet<string>? RunOf(string acronym) => RunOf(Words, acronym);

    private static HashSet<string>? RunOf(string[] words, string acronym)
    {
        if (acronym.Length < 3)
        {
            return null;
        }

        for (var start = 0; start < words.Length; start++)
        {
            var length = 0;
            for (var end = start; end < words.Length; end++)
            {
                var word = words[end];
                if (length + word.Length > acronym.Length || !acronym.AsSpan(length, word.Length).SequenceEqual(word))
                {
                    break;
                }

                length += word.Length;
                if (length == acronym.Length)
                {
                    return new HashSet<string>(words[start..(end + 1)], StringComparer.Ordinal);
                }
            }
        }

        return null;
    }

    // The acronyms a record gives and the text of its name: "GEMPITA" in parentheses is an acronym, "(Ambulans Laut)"
    // more name; in "JSS (Jogja Smart Service)" the acronym is outside and the name inside.
    private static (string NameText, List<string> Acronyms) ReadAcronyms(string? field, string outside, List<string> parentheses, string? head)
    {
        var acronyms = new List<string>();
        Add(field);
        var expansions = new List<string>();
        foreach (var part in parentheses)
        {
            if (NameText.LooksLikeAcronym(part, 3))
            {
                Add(part);
            }
            else
            {
                expansions.Add(part);
            }
        }

        var nameText = string.Join(' ', [outside, .. expansions]);
        if (expansions.Count > 0 && NameText.LooksLikeAcronym(outside, 3))
        {
            Add(outside);
            nameText = string.Join(' ', expansions);
        }
        else if (NameText.LooksLikeAcronym(outside, 1))
        {
            Add(outside);
        }

        if (head is not null && NameText.LooksLikeAcronym(head, 3))
        {
            Add(head);
        }

        return (nameText, acronyms);

        void Add(string? written)
        {
            var compact = written is null ? "" : NameText.Compact(written);
            if (compact.Length >= 2)
            {
                acronyms.Add(compact);
            }
        }
    }

    private static List<AnalyzedToken> Analyze(string text)
    {
        var tokens = new List<AnalyzedToken>();
        IndonesianAnalyzer.Shared.Analyze(text, tokens);
        if (tokens.Count > MaxTerms)
        {
            tokens.RemoveRange(MaxTerms, tokens.Count - MaxTerms);
        }

        return tokens;
    }
}
