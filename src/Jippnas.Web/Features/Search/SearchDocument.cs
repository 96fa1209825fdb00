using System.Globalization;
using System.Text;
using Jippnas.Web.Domain;
using Jippnas.Web.Features.Search.Analysis;

namespace Jippnas.Web.Features.Search;

/// <summary>What the index needs of one innovation: its words and the values its facets filter on.</summary>
public sealed record SearchSource(
    int Id,
    string Name,
    string? Acronym,
    string? AgencyName,
    string? UnitName,
    string? ProvinceCode,
    string? ProvinceName,
    string? RegencyCode,
    string? RegencyName,
    int? SectorId,
    string? SectorName,
    int? YearStarted,
    InnovationPhase? Phase,
    InnovationStatus Status,
    string? Summary,
    string? Narrative)
{
    public IReadOnlyList<int> SdgIds { get; init; } = [];
    public IReadOnlyList<int> AwardKindIds { get; init; } = [];
    public IReadOnlyList<int> SourceSystemIds { get; init; } = [];

    /// <summary>The narrative fields after the summary (problem … sustainability, in that order) as one text, a line each.</summary>
    public static string? NarrativeOf(IEnumerable<string?> parts)
    {
        var narrative = new StringBuilder();
        foreach (var part in parts)
        {
            if (!string.IsNullOrWhiteSpace(part))
            {
                narrative.Append(part).Append('\n');
            }
        }

        return narrative.Length == 0 ? null : narrative.ToString();
    }
}

/// <summary>
/// Facet values are indexed as tokens that no analysed word can produce (they start with '_'), so a filtered
/// search is an intersection inside the full-text index on both databases rather than a join.
/// </summary>
public static class SearchTags
{
    public static string Province(string code) => "_p" + code;

    public static string Regency(string code) => "_r" + code.Replace(".", "", StringComparison.Ordinal);

    public static string Sector(int id) => "_s" + Number(id);

    public static string Sdg(int id) => "_g" + Number(id);

    public static string Year(int year) => "_y" + Number(year);

    public static string Phase(InnovationPhase phase) => "_f" + Number((int)phase);

    public static string Status(InnovationStatus status) => "_t" + Number((int)status);

    public static string Award(int kindId) => "_a" + Number(kindId);

    public static string Source(int systemId) => "_o" + Number(systemId);

    /// <summary>Every indexed innovation carries this tag: it lets a filter-only search run on the index too.</summary>
    public const string All = "_all";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// One innovation as the index stores it: analysed terms in four weighted fields (head: name and acronym;
/// meta: agency, region and sector; summary; body: the narrative) and a field of facet tags.
/// </summary>
public sealed class SearchDocument
{
    private SearchDocument(int id, List<AnalyzedToken>[] fields, List<string> tags)
    {
        Id = id;
        Fields = fields;
        Tags = tags;
    }

    public const int FieldCount = 4;
    private readonly string?[] texts = new string?[FieldCount];
    private byte[]? termVector;

    public int Id { get; }

    /// <summary>head, meta, summary, body.</summary>
    public IReadOnlyList<AnalyzedToken>[] Fields { get; }

    public IReadOnlyList<string> Tags { get; }

    public static SearchDocument Build(SearchSource source, IndonesianAnalyzer analyzer)
    {
        var head = new List<AnalyzedToken>();
        var position = analyzer.Analyze(source.Name, head, 1);
        analyzer.Analyze(source.Acronym, head, position + 1);
        var meta = new List<AnalyzedToken>();
        var next = analyzer.Analyze(source.AgencyName, meta, 1);
        next = analyzer.Analyze(source.UnitName, meta, next + 1);
        next = analyzer.Analyze(source.RegencyName, meta, next + 1);
        next = analyzer.Analyze(source.ProvinceName, meta, next + 1);
        analyzer.Analyze(source.SectorName, meta, next + 1);
        var summary = new List<AnalyzedToken>(Tokens(source.Summary));
        analyzer.Analyze(source.Summary, summary, 1);
        var body = new List<AnalyzedToken>(Tokens(source.Narrative));
        analyzer.Analyze(source.Narrative, body, 1);

        var tags = new List<string> { SearchTags.All, SearchTags.Status(source.Status) };
        if (source.ProvinceCode is { } province)
        {
            tags.Add(SearchTags.Province(province));
        }

        if (source.RegencyCode is { } regency)
        {
            tags.Add(SearchTags.Regency(regency));
        }

        if (source.SectorId is { } sector)
        {
            tags.Add(SearchTags.Sector(sector));
        }

        if (source.YearStarted is { } year)
        {
            tags.Add(SearchTags.Year(year));
        }

        if (source.Phase is { } phase)
        {
            tags.Add(SearchTags.Phase(phase));
        }

        tags.AddRange(source.SdgIds.Distinct().Select(SearchTags.Sdg));
        tags.AddRange(source.AwardKindIds.Distinct().Select(SearchTags.Award));
        tags.AddRange(source.SourceSystemIds.Distinct().Select(SearchTags.Source));
        return new SearchDocument(source.Id, [head, meta, summary, body], tags);
    }

    // Room for the tokens of a text at once (Indonesian words and their spaces average about seven characters).
    private static int Tokens(string? text) => ((text?.Length ?? 0) / 6) + 4;

    /// <summary>The analysed text of one field, terms separated by spaces (what FTS5 indexes).</summary>
    public string FieldText(int field)
    {
        if (texts[field] is { } done)
        {
            return done;
        }

        var tokens = Fields[field];
        var text = new StringBuilder(tokens.Count * 8);
        for (var i = 0; i < tokens.Count; i++)
        {
            (i == 0 ? text : text.Append(' ')).Append(tokens[i].Term);
        }

        return texts[field] = text.ToString();
    }

    public string TagText => string.Join(' ', Tags);

    /// <summary>How often each term occurs in each field (<see cref="TermVectors"/>), for scoring on SQLite.</summary>
    public byte[] TermVector => termVector ??= TermVectors.Encode(this);

    /// <summary>Computes what the writers read (field texts, term vector) now, on the calling thread.</summary>
    public SearchDocument Prepare(bool termVector)
    {
        for (var field = 0; field < FieldCount; field++)
        {
            FieldText(field);
        }

        if (termVector)
        {
            _ = TermVector;
        }

        return this;
    }

    /// <summary>
    /// The document as a PostgreSQL tsvector literal: weights A–D for the four fields, positions offset per
    /// field so phrases never span two fields. Terms hold only letters, digits and '_', so nothing needs quoting
    /// beyond the surrounding apostrophes.
    /// </summary>
    public string ToTsVector()
    {
        const int maxPosition = 16383;
        const int maxPositionsPerTerm = 255;
        var positions = new Dictionary<string, List<(int Position, char Weight)>>(StringComparer.Ordinal);
        char[] weights = ['A', 'B', 'C', 'D'];
        var offset = 0;
        for (var field = 0; field < FieldCount; field++)
        {
            var last = 0;
            foreach (var token in Fields[field])
            {
                if (!positions.TryGetValue(token.Term, out var list))
                {
                    positions[token.Term] = list = [];
                }

                if (list.Count < maxPositionsPerTerm)
                {
                    list.Add((Math.Min(maxPosition, offset + token.Position), weights[field]));
                }

                last = token.Position;
            }

            offset += last + 10;
        }

        var text = new StringBuilder(positions.Count * 12);
        foreach (var (term, list) in positions)
        {
            text.Append('\'').Append(term).Append("':");
            for (var i = 0; i < list.Count; i++)
            {
                text.Append(i == 0 ? "" : ",").Append(list[i].Position).Append(list[i].Weight);
            }

            text.Append(' ');
        }

        foreach (var tag in Tags)
        {
            text.Append('\'').Append(tag).Append("' ");
        }

        return text.ToString();
    }
}
