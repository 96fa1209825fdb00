using Jippnas.Web.Domain;

namespace Jippnas.Web.Features.Replication;

/// <summary>What is known of one candidate innovation when matching it to a need.</summary>
public sealed record MatchFacts(
    double Relevance, int Awards, bool Running, int Outcomes, int Replications, int Institutionalised, int Stopped,
    bool SameKind, bool SameProvince, bool SameIsland, bool SameSector);

/// <summary>One reason for a suggestion: an Indonesian text (a key of the English texts) and its values.</summary>
public sealed record MatchReason(string Text, params object[] Values);

/// <summary>A candidate's score (0–1) and the reasons for it, in order of weight.</summary>
public sealed record MatchScore(double Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// How a candidate innovation is scored for a need (docs/design/replication.md): relevance to the need's problem
/// counts most; then the strength of its evidence (awards, still running, outcome indicators), how often and how
/// well it has been replicated, how alike the two regions are (kabupaten or kota, province, island group), and the
/// sector. Each part that counts gives a reason, so a suggestion explains itself. No database: unit-tested.
/// </summary>
public static class MatchScoring
{
    public const double RelevanceWeight = 0.55, EvidenceWeight = 0.15, ReplicationWeight = 0.15, RegionWeight = 0.10, SectorWeight = 0.05;

    /// <summary>The island group of a province code (Sumatra, Jawa, Bali–Nusa Tenggara, Kalimantan, Sulawesi, Maluku, Papua).</summary>
    public static string IslandGroup(string provinceCode) => provinceCode[0] switch
    {
        '1' or '2' => "Sumatra",
        '3' => "Jawa",
        '5' => "Bali dan Nusa Tenggara",
        '6' => "Kalimantan",
        '7' => "Sulawesi",
        '8' => "Maluku",
        _ => "Papua",
    };

    /// <summary>Every text a reason can have (for the check that each has its English).</summary>
    public static readonly IReadOnlyList<string> Texts =
    [
        "sangat sesuai dengan masalahnya", "sebagian sesuai dengan masalahnya", "meraih {0} penghargaan", "masih berjalan", "memiliki {0} indikator hasil",
        "sudah direplikasi {0} kali ({1} dilembagakan)", "sudah direplikasi {0} kali", "berasal dari jenis daerah yang sama dan provinsi yang sama",
        "berasal dari jenis daerah yang sama dan gugus pulau yang sama", "berasal dari jenis daerah yang sama", "berasal dari provinsi yang sama",
        "berasal dari gugus pulau yang sama", "urusan yang sama", "Tidak ada alasan kuat.",
    ];

    public static MatchScore Score(MatchFacts f)
    {
        var reasons = new List<MatchReason>();
        var relevance = Math.Clamp(f.Relevance, 0, 1);
        if (relevance >= 0.5)
        {
            reasons.Add(new("sangat sesuai dengan masalahnya"));
        }
        else if (relevance > 0)
        {
            reasons.Add(new("sebagian sesuai dengan masalahnya"));
        }

        var evidence = (0.5 * Math.Min(1, f.Awards / 3.0)) + (f.Running ? 0.3 : 0) + (0.2 * Math.Min(1, f.Outcomes / 3.0));
        if (f.Awards > 0)
        {
            reasons.Add(new("meraih {0} penghargaan", f.Awards));
        }

        if (f.Running)
        {
            reasons.Add(new("masih berjalan"));
        }

        if (f.Outcomes > 0)
        {
            reasons.Add(new("memiliki {0} indikator hasil", f.Outcomes));
        }

        var replication = 0.0;
        if (f.Replications > 0)
        {
            var tried = f.Replications + f.Stopped;
            replication = (0.7 * Math.Min(1, Math.Log2(1 + f.Replications) / 3)) + (0.3 * f.Institutionalised / (double)tried);
            reasons.Add(f.Institutionalised > 0
                ? new("sudah direplikasi {0} kali ({1} dilembagakan)", f.Replications, f.Institutionalised)
                : new("sudah direplikasi {0} kali", f.Replications));
        }

        var region = (f.SameKind ? 0.4 : 0) + (f.SameIsland ? 0.3 : 0) + (f.SameProvince ? 0.3 : 0);
        var place = f.SameProvince ? "provinsi yang sama" : f.SameIsland ? "gugus pulau yang sama" : null;
        if (f.SameKind || place is not null)
        {
            reasons.Add(new(f.SameKind && place is not null ? $"berasal dari jenis daerah yang sama dan {place}" : f.SameKind ? "berasal dari jenis daerah yang sama" : $"berasal dari {place}"));
        }

        if (f.SameSector)
        {
            reasons.Add(new("urusan yang sama"));
        }

        var score = (RelevanceWeight * relevance) + (EvidenceWeight * evidence) + (ReplicationWeight * replication) + (RegionWeight * region) + (SectorWeight * (f.SameSector ? 1 : 0));
        return new MatchScore(Math.Round(score, 4), reasons);
    }

    /// <summary>The reasons as one sentence in the language of <paramref name="format"/>, starting with a capital and ending with a full stop.</summary>
    public static string Sentence(IReadOnlyList<MatchReason> reasons, Func<string, object?[], string> format)
    {
        if (reasons.Count == 0)
        {
            return format("Tidak ada alasan kuat.", []);
        }

        var joined = string.Join("; ", reasons.Select(r => format(r.Text, r.Values)));
        return char.ToUpper(joined[0], System.Globalization.CultureInfo.CurrentCulture) + joined[1..] + ".";
    }

    /// <summary>Whether two regions are of the same kind: province, kabupaten (codes 01–69) or kota (71–99).</summary>
    public static bool SameKind(string regionA, string regionB) => Kind(regionA) == Kind(regionB);

    private static RegionLevel Kind(string code) => Region.IsProvinceCode(code) ? RegionLevel.Province : Region.LevelOfRegencyCode(code);
}
