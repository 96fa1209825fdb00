using Jippnas.Web.Domain;

namespace Jippnas.Web.Features.Replication;

/// <summary>What is known of one candidate innovation when matching it to a need.</summary>
public sealed record MatchFacts(
    double Relevance, int Awards, bool Running, int Outcomes, int Replications, int Institutionalised, int Stopped,
    bool SameKind, bool SameProvince, bool SameIsland, bool SameSector);

/// <summary>A candidate's score (0–1) and the reasons for it, in order of weight.</summary>
public sealed record MatchScore(double Score, IReadOnlyList<string> Reasons);

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

    public static MatchScore Score(MatchFacts f)
    {
        var reasons = new List<string>();
        var relevance = Math.Clamp(f.Relevance, 0, 1);
        if (relevance >= 0.5)
        {
            reasons.Add("sangat sesuai dengan masalahnya");
        }
        else if (relevance > 0)
        {
            reasons.Add("sebagian sesuai dengan masalahnya");
        }

        var evidence = (0.5 * Math.Min(1, f.Awards / 3.0)) + (f.Running ? 0.3 : 0) + (0.2 * Math.Min(1, f.Outcomes / 3.0));
        if (f.Awards > 0)
        {
            reasons.Add(f.Awards == 1 ? "meraih 1 penghargaan" : $"meraih {f.Awards} penghargaan");
        }

        if (f.Running)
        {
            reasons.Add("masih berjalan");
        }

        if (f.Outcomes > 0)
        {
            reasons.Add($"memiliki {f.Outcomes} indikator hasil");
        }

        var replication = 0.0;
        if (f.Replications > 0)
        {
            var tried = f.Replications + f.Stopped;
            replication = (0.7 * Math.Min(1, Math.Log2(1 + f.Replications) / 3)) + (0.3 * f.Institutionalised / (double)tried);
            reasons.Add(f.Institutionalised > 0
                ? $"sudah direplikasi {f.Replications} kali ({f.Institutionalised} dilembagakan)"
                : $"sudah direplikasi {f.Replications} kali");
        }

        var region = (f.SameKind ? 0.4 : 0) + (f.SameIsland ? 0.3 : 0) + (f.SameProvince ? 0.3 : 0);
        var alike = new List<string>();
        if (f.SameKind)
        {
            alike.Add("jenis daerah yang sama");
        }

        if (f.SameProvince)
        {
            alike.Add("provinsi yang sama");
        }
        else if (f.SameIsland)
        {
            alike.Add("gugus pulau yang sama");
        }

        if (alike.Count > 0)
        {
            reasons.Add("berasal dari " + string.Join(" dan ", alike));
        }

        if (f.SameSector)
        {
            reasons.Add("urusan yang sama");
        }

        var score = (RelevanceWeight * relevance) + (EvidenceWeight * evidence) + (ReplicationWeight * replication) + (RegionWeight * region) + (SectorWeight * (f.SameSector ? 1 : 0));
        return new MatchScore(Math.Round(score, 4), reasons);
    }

    /// <summary>The reasons as one sentence, starting with a capital and ending with a full stop.</summary>
    public static string Sentence(IReadOnlyList<string> reasons) =>
        reasons.Count == 0 ? "Tidak ada alasan kuat." : char.ToUpperInvariant(reasons[0][0]) + string.Join("; ", reasons)[1..] + ".";

    /// <summary>Whether two regencies/cities are of the same kind: kabupaten (codes 01–69) or kota (71–99).</summary>
    public static bool SameKind(string regencyA, string regencyB) =>
        Region.LevelOfRegencyCode(regencyA) == Region.LevelOfRegencyCode(regencyB);
}
