namespace Jippnas.Web.Features.Duplicates;

internal enum PlaceRelation { Unknown, SameRegencyCity, SameProvince, DifferentRegencyCity, DifferentProvince }

internal enum AgencyRelation { Unknown, Same, Different }

/// <summary>What two records share and where they disagree, and how much that weighs.</summary>
internal sealed record DuplicateEvidence(
    double WordSimilarity, bool SameName, double AcronymSimilarity, bool SameAcronym, bool DifferentAcronym,
    bool AcronymInName, bool AcronymMatchesName, int DifferentWords, PlaceRelation Place, AgencyRelation Agency, int? YearGap)
{
    // One word in common ("Jakarta Kini" and "Lapor Banjir Jakarta Utara") says little, however short a name is.
    private const double MinNameWeight = 1.5;

    public static DuplicateEvidence Of(Profile a, Profile b)
    {
        var words = Tokens.Align(a.Terms, b.Terms);
        // A region both names mention ("Tangerang LIVE") is a word in common, though not compared as one.
        var matched = Math.Max(words.MatchedA, words.MatchedB) + (a.NameRegions.Overlaps(b.NameRegions) ? 1 : 0);
        var wordSimilarity = Similarity(words.CoverA, words.CoverB) * Math.Min(1, matched / MinNameWeight);
        double acronymSimilarity = 0;
        bool inName = false, spelled = false;
        foreach (var (x, y) in new[] { (a, b), (b, a) })
        {
            // x's acronym written in y's name stands for all of x's name, and covers its own words of y.
            foreach (var run in x.Acronyms.Select(y.RunOf).OfType<HashSet<string>>())
            {
                inName = true;
                var preset = Array.ConvertAll(y.Terms, t => run.Contains(t.Word) ? 1.0 : 0);
                acronymSimilarity = Math.Max(acronymSimilarity, Similarity(1, Tokens.Align(x.Terms, y.Terms, preset).CoverB));
            }

            foreach (var spelling in x.Spellings)
            {
                var share = Tokens.Spells(spelling, y.Content);
                spelled |= share > 0;
                acronymSimilarity = Math.Max(acronymSimilarity, share > 0 ? Similarity(1, share) : 0);
            }
        }

        var sameAcronym = a.Acronyms.Any(b.Acronyms.Contains);
        var place = Places.Compare(a.Place, b.Place);
        return new DuplicateEvidence(
            wordSimilarity,
            words.Exact || a.Key.Length > 0 && a.Key == b.Key || Math.Min(words.CoverA, words.CoverB) == 1,
            acronymSimilarity,
            sameAcronym,
            // "KTR" and "KTR RT" are one acronym, shortened.
            a.Acronyms.Length > 0 && b.Acronyms.Length > 0 && !inName
                && !a.Acronyms.Any(x => b.Acronyms.Any(y => x.StartsWith(y, StringComparison.Ordinal) || y.StartsWith(x, StringComparison.Ordinal))),
            inName,
            spelled,
            // Words left on both sides mean the names differ in substance, unless an acronym explains them.
            acronymSimilarity > wordSimilarity ? 0 : Math.Min(words.LooseA, words.LooseB),
            place,
            // "Disdukcapil" of two regencies are two agencies.
            place is PlaceRelation.DifferentProvince or PlaceRelation.DifferentRegencyCity ? AgencyRelation.Unknown : Tokens.CompareAgencies(a.Agency, b.Agency),
            a.Year is { } first && b.Year is { } second ? Math.Abs(first - second) : null);
    }

    /// <summary>The evidence of the names: the better of their words and their acronyms.</summary>
    public double NameSimilarity => Math.Max(SameName ? 1 : WordSimilarity, AcronymSimilarity);

    /// <summary>
    /// A logistic score: alike names make a duplicate, a different regency or province or two units of one kind
    /// almost rule it out (a replication is its own record), the rest tips the balance. Weights were set by hand
    /// on half of the labelled pairs (tests/Jippnas.UnitTests/Data/duplicate-pairs.json) and checked on the other.
    /// </summary>
    public double Probability()
    {
        var z = -5.5 + 7.0 * NameSimilarity
            + (SameAcronym ? 0.5 : 0) + (DifferentAcronym ? -2.0 : 0) - 1.5 * DifferentWords
            + Place switch
            {
                PlaceRelation.SameRegencyCity => 1.5,
                PlaceRelation.SameProvince => 0.5,
                PlaceRelation.DifferentRegencyCity or PlaceRelation.DifferentProvince => -8.0,
                _ => 0,
            }
            + Agency switch
            {
                AgencyRelation.Same => 0.5,
                AgencyRelation.Different => -5.0,
                _ => 0,
            }
            + YearGap switch
            {
                <= 1 => 0.3,
                >= 3 => -1.5,
                _ => 0,
            };
        return Math.Round(1 / (1 + Math.Exp(-z)), 3);
    }

    public List<DuplicateReason> Reasons()
    {
        var reasons = new List<DuplicateReason>();
        if (SameName)
        {
            reasons.Add(new(DuplicateReasonKind.SameName));
        }
        else if (WordSimilarity >= 0.5)
        {
            reasons.Add(new(DuplicateReasonKind.SimilarName, Math.Round(WordSimilarity, 2)));
        }

        (bool, DuplicateReasonKind)[] facts =
        [
            (SameAcronym, DuplicateReasonKind.SameAcronym), (AcronymInName, DuplicateReasonKind.AcronymInName),
            (AcronymMatchesName, DuplicateReasonKind.AcronymMatchesName), (Place == PlaceRelation.SameRegencyCity, DuplicateReasonKind.SameRegencyCity),
            (Place == PlaceRelation.SameProvince, DuplicateReasonKind.SameProvince), (Agency == AgencyRelation.Same, DuplicateReasonKind.SameAgency),
            (Place == PlaceRelation.DifferentRegencyCity, DuplicateReasonKind.DifferentRegencyCity),
            (Place == PlaceRelation.DifferentProvince, DuplicateReasonKind.DifferentProvince),
            (Agency == AgencyRelation.Different, DuplicateReasonKind.DifferentAgency), (DifferentAcronym, DuplicateReasonKind.DifferentAcronym),
        ];
        reasons.AddRange(facts.Where(f => f.Item1).Select(f => new DuplicateReason(f.Item2)));
        if (DifferentWords > 0)
        {
            reasons.Add(new(DuplicateReasonKind.DifferentNameWords, DifferentWords));
        }

        if (YearGap is { } gap && gap is <= 1 or >= 3)
        {
            reasons.Add(new(gap <= 1 ? DuplicateReasonKind.CloseYears : DuplicateReasonKind.DistantYears, gap));
        }

        return reasons;
    }

    // An extra word on one side (a tagline, the region) weighs less than a word in place of another.
    private static double Similarity(double coverA, double coverB) => 0.75 * Math.Max(coverA, coverB) + 0.25 * Math.Min(coverA, coverB);
}
