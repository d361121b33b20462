using System.Globalization;

namespace KPops.Audit.Forensics;

/// <summary>
/// (d) Counts that equal the sum of two other counts exactly. One such coincidence happens; several, where
/// near misses are rare, suggest counts were assembled from one another.
/// </summary>
internal static class SumOfOthersTest
{
    public static TallyFinding? Run(double[] values, ForensicsThresholds thresholds)
    {
        var sorted = values.Select(v => (long)Math.Round(v)).Where(v => v >= thresholds.MinimumCoincidenceValue).ToArray();
        Array.Sort(sorted);
        var coincidences = new CoincidenceCount(thresholds.CoincidenceWindow / 5);
        string? example = null;
        for (int i = 0; i < sorted.Length; i++)
        {
            for (int j = i + 1; j < sorted.Length; j++)
            {
                long sum = sorted[i] + sorted[j];
                // Only counts above both addends can be their sum (all counts are positive); the window
                // grows with the sum, so start at the smallest count that can be within it.
                int from = LowerBound(sorted, (long)Math.Floor(sum / (1 + (thresholds.CoincidenceWindow / 5))) - 2, j + 1);
                for (int k = from; k < sorted.Length && !coincidences.IsBeyond(sorted[k], sum); k++)
                {
                    if (coincidences.Observe(sorted[k], sum))
                    {
                        example ??= string.Create(CultureInfo.InvariantCulture, $"{sorted[k]:N0} = {sorted[j]:N0} + {sorted[i]:N0}");
                    }
                }
            }
        }

        if (coincidences.Exact == 0)
        {
            return null;
        }

        double chance = coincidences.Chance();
        if (chance > thresholds.Alpha)
        {
            return null;
        }

        string explanation = $"{coincidences.Exact} counts equal the exact sum of two other counts (e.g. {example}), far more often than the near misses in the same table make likely. Honest counts do not add up to each other; copied or assembled figures do.";
        return new TallyFinding(ForensicCodes.SumOfOthers, explanation, chance, FindingSeverity.Warning);
    }

    private static int LowerBound(long[] sorted, long value, int from)
    {
        int lo = from;
        int hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
