using System.Globalization;

namespace KPops.Audit.Forensics;

/// <summary>
/// (b) The same gap between consecutive ranks, again and again: in Produce X 101's final, 29,978 votes
/// separated five pairs of consecutive trainees. Honest gaps this large almost never repeat exactly.
/// </summary>
internal static class RepeatedGapTest
{
    public static TallyFinding? Run(double[] values, ForensicsThresholds thresholds)
    {
        var gaps = new List<long>(values.Length);
        for (int i = 1; i < values.Length; i++)
        {
            long gap = (long)Math.Round(values[i - 1] - values[i]);
            if (gap >= thresholds.MinimumCoincidenceValue)
            {
                gaps.Add(gap);
            }
        }

        var coincidences = new CoincidenceCount(thresholds.CoincidenceWindow);
        for (int i = 0; i < gaps.Count; i++)
        {
            for (int j = i + 1; j < gaps.Count; j++)
            {
                coincidences.Observe(gaps[i], gaps[j]);
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

        var repeated = gaps.GroupBy(g => g).Where(g => g.Count() > 1).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).ToList();
        string list = string.Join(", ", repeated.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key:N0} votes ({g.Count()} times)")));
        string explanation = $"Consecutive ranks are separated by the same number of votes more often than chance allows: {list}. In honest counting, gaps between neighbours vary freely; identical gaps are what counts computed from a formula produce (Produce X 101's final showed 29,978 five times).";
        return new TallyFinding(ForensicCodes.RepeatedGap, explanation, chance, FindingSeverity.Warning);
    }
}
