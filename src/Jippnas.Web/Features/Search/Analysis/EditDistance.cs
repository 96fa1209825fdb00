namespace Jippnas.Web.Features.Search.Analysis;

/// <summary>Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps).</summary>
public static class EditDistance
{
    /// <summary>The distance when it is at most <paramref name="max"/>, otherwise any value above it (computed no further).</summary>
    public static int Bounded(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var width = b.Length + 1;
        Span<int> previous2 = stackalloc int[width];
        Span<int> previous = stackalloc int[width];
        Span<int> row = stackalloc int[width];
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            row[0] = i;
            var best = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, row[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                row[j] = value;
                best = Math.Min(best, value);
            }

            if (best > max)
            {
                return max + 1;
            }

            var spare = previous2;
            previous2 = previous;
            previous = row;
            row = spare;
        }

        return previous[b.Length];
    }
}
