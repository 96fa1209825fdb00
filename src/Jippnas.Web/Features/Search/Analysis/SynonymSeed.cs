using System.Reflection;
using Jippnas.Web.Domain;

namespace Jippnas.Web.Features.Search.Analysis;

/// <summary>The synonym, acronym and English groups that ship with JIPPNas (synonyms.txt).</summary>
public static class SynonymSeed
{
    public static IReadOnlyList<(SynonymKind Kind, string Phrases)> Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Jippnas.Web.Features.Search.Analysis.synonyms.txt")
            ?? throw new InvalidOperationException("synonyms.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var groups = new List<(SynonymKind, string)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            line = line.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var kind = colon < 0 ? null : line[..colon].Trim() switch
            {
                "synonym" => SynonymKind.Synonym,
                "acronym" => SynonymKind.Acronym,
                "english" => SynonymKind.English,
                _ => (SynonymKind?)null,
            };
            if (kind is null)
            {
                throw new InvalidOperationException($"synonyms.txt line {number}: start with 'synonym:', 'acronym:' or 'english:'.");
            }

            groups.Add((kind.Value, line[(colon + 1)..].Trim()));
        }

        return groups;
    }
}
