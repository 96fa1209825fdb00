using System.Collections.Frozen;
using Jippnas.Web.Features.Imports;
using Jippnas.Web.Features.Search.Analysis;

namespace Jippnas.Web.Features.Duplicates;

/// <summary>A region named in a text: the words it spans and what it stands for.</summary>
internal sealed record RegionHit(int Start, int Length, RegionPlace Place);

/// <summary>
/// What a region name stands for: a province (no regency, no candidates), one regency or city, or a bare name
/// several share (<see cref="Candidates"/>: "Bogor" is a regency and a city).
/// </summary>
internal sealed record RegionPlace(string? Province, string? Regency, string[] Candidates);

/// <summary>Where a record is: from its codes, else from the regions its agency or name mention.</summary>
internal sealed record PlaceFacts(string? Province, string? Regency, string[] Candidates);

/// <summary>Finds Kemendagri region names in the words of agencies and names, however sources write them.</summary>
internal sealed class RegionFinder
{
    /// <summary>Words that say the level of a region or government, and abbreviations that start a province's name.</summary>
    public static readonly FrozenSet<string> LevelWords = FrozenSet.ToFrozenSet(
        ["pemerintah", "kabupaten", "kab", "pemkab", "kota", "pemkot", "provinsi", "prov", "pemprov", "administrasi", "adm", "dki", "dk", "di", "diy"],
        StringComparer.Ordinal);

    // Spellings RegionNames does not know: Sumatran "Pemko" for Pemkot, "Kep." for Kepulauan.
    private static readonly FrozenDictionary<string, string> Spellings =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["pemko"] = "pemkot", ["kep"] = "kepulauan" }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly Dictionary<string, RegionPlace> places = new(StringComparer.Ordinal);

    // The most words of a region name starting with a word: most words start none and are passed over at once.
    private readonly Dictionary<string, int> longestFrom = new(StringComparer.Ordinal);

    public RegionFinder(IEnumerable<(string Code, string Name, string? ParentCode)> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var bare = new Dictionary<string, List<(string Code, string Province)>>(StringComparer.Ordinal);
        foreach (var (code, name, parent) in regions)
        {
            var normalized = RegionNames.Normalize(name);
            if (parent is null)
            {
                places.TryAdd(normalized, new RegionPlace(code, null, []));
                continue;
            }

            // "Kota Pangkal Pinang" is also written "Pangkalpinang".
            var place = new RegionPlace(parent, code, [code]);
            var bareName = RegionNames.Bare(normalized);
            var joined = bareName.Replace(" ", "", StringComparison.Ordinal);
            places.TryAdd(normalized, place);
            places.TryAdd(normalized[..^bareName.Length] + joined, place);
            foreach (var key in new[] { bareName, joined }.Distinct())
            {
                if (!bare.TryGetValue(key, out var list))
                {
                    bare[key] = list = [];
                }

                list.Add((code, parent));
            }
        }

        foreach (var (name, list) in bare)
        {
            var provinces = list.Select(r => r.Province).Distinct().ToList();
            var province = provinces.Count == 1 ? provinces[0] : null;
            if (places.TryGetValue(name, out var same))
            {
                // Also a province's name (Bengkulu, Jambi, Gorontalo): the province or its city, so only the province is known.
                places[name] = new RegionPlace(province == same.Province ? province : null, null, []);
            }
            else
            {
                places[name] = new RegionPlace(province, list.Count == 1 ? list[0].Code : null, [.. list.Select(r => r.Code)]);
            }
        }

        foreach (var key in places.Keys)
        {
            var words = key.Split(' ');
            longestFrom[words[0]] = Math.Max(words.Length, longestFrom.GetValueOrDefault(words[0]));
        }
    }

    /// <summary>
    /// The regions named in the words, longest first. In names, a bare region name of one word that is also an
    /// Indonesian word (batu, malang, banjar) is not taken for a region.
    /// </summary>
    public List<RegionHit> Find(List<string> words, bool forName)
    {
        for (var i = 0; i < words.Count; i++)
        {
            words[i] = Spellings.GetValueOrDefault(words[i], words[i]);
        }

        var hits = new List<RegionHit>();
        for (var i = 0; i < words.Count;)
        {
            var level = LevelWords.Contains(words[i]);
            var length = Math.Min(Longest(words, i), words.Count - i);
            for (; length >= 1; length--)
            {
                var phrase = length == 1 ? words[i] : string.Join(' ', words.GetRange(i, length));
                if (places.TryGetValue(level ? RegionNames.Normalize(phrase) : phrase, out var place)
                    && !(forName && length == 1 && !level && IndonesianStemmer.Shared.IsRootWord(phrase)))
                {
                    hits.Add(new RegionHit(i, length, place));
                    break;
                }
            }

            i += Math.Max(length, 1);
        }

        return hits;
    }

    public static PlaceFacts Locate(DuplicateFacts facts, List<RegionHit> agencyHits, List<RegionHit> nameHits)
    {
        var regency = string.IsNullOrWhiteSpace(facts.RegencyCode) ? null : facts.RegencyCode.Trim();
        var province = string.IsNullOrWhiteSpace(facts.ProvinceCode) ? null : facts.ProvinceCode.Trim();
        if (regency is not null && province is null && regency.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot)
        {
            province = regency[..dot];
        }

        // Regions the agency names first, then the name's; none that contradicts the record's own province.
        var named = agencyHits.Concat(nameHits).Select(h => h.Place).Where(p => province is null || p.Province is null || p.Province == province).ToList();
        string[] candidates = [];
        if (regency is null)
        {
            if (named.Find(p => p.Regency is not null) is { } known)
            {
                regency = known.Regency;
            }
            else if (named.Find(p => p.Candidates.Length > 0) is { } shared)
            {
                candidates = province is null ? shared.Candidates : [.. shared.Candidates.Where(c => c.StartsWith(province + ".", StringComparison.Ordinal))];
            }
        }

        return new PlaceFacts(province ?? named.Find(p => p.Province is not null)?.Province, regency, candidates);
    }

    // The most words a region name starting at word i may have: level words ("pemerintah kabupaten administrasi")
    // and the longest name starting with the word after them.
    private int Longest(List<string> words, int i)
    {
        var next = i;
        while (next < words.Count && LevelWords.Contains(words[next]))
        {
            next++;
        }

        return next - i + (next < words.Count ? longestFrom.GetValueOrDefault(words[next]) : 0);
    }
}
