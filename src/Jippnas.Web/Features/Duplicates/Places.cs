namespace Jippnas.Web.Features.Duplicates;

/// <summary>How two records' places relate.</summary>
internal static class Places
{
    public static PlaceRelation Compare(PlaceFacts a, PlaceFacts b)
    {
        if (a.Regency is not null && b.Regency is not null)
        {
            return a.Regency == b.Regency ? PlaceRelation.SameRegencyCity : Apart(a, b);
        }

        if (a.Regency is not null && b.Candidates.Length > 0 && !b.Candidates.Contains(a.Regency)
            || b.Regency is not null && a.Candidates.Length > 0 && !a.Candidates.Contains(b.Regency))
        {
            return Apart(a, b);
        }

        if (a.Province is null || b.Province is null)
        {
            return PlaceRelation.Unknown;
        }

        return a.Province == b.Province ? PlaceRelation.SameProvince : PlaceRelation.DifferentProvince;
    }

    private static PlaceRelation Apart(PlaceFacts a, PlaceFacts b) =>
        a.Province is not null && b.Province is not null && a.Province != b.Province ? PlaceRelation.DifferentProvince : PlaceRelation.DifferentRegencyCity;
}
