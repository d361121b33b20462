using System.Globalization;

namespace KPops.Audit.Forensics;

/// <summary>
/// (a) Every count a whole multiple of one non-trivial quantum. Produce X 101's final counts were all
/// multiples of 7,494.442 (0.05 % of 14,988,884 votes): the counts had been made from rounded shares.
/// Candidates come from the gaps between consecutive counts (a fabricated table's gaps are multiples of the
/// quantum too) divided by small whole numbers; each is refined by least squares and kept when all counts fit.
/// </summary>
internal static class QuantumTest
{
    private const int GapsTried = 8;
    private const int DivisorsTried = 40;

    // Candidates tried: the Bonferroni factor applied to the chance of a fit.
    private const int CandidateCount = (GapsTried + 1) * DivisorsTried;

    public static TallyFinding? Run(double[] values, ForensicsThresholds thresholds)
    {
        double tolerance = thresholds.RoundingTolerance;
        double best = 0;
        double bestResidual = 0;
        foreach (double seed in Seeds(values))
        {
            for (int k = 1; k <= DivisorsTried; k++)
            {
                double quantum = seed / k;
                if (quantum < thresholds.MinimumQuantum || quantum <= best)
                {
                    break;
                }

                // One value fixes the quantum; the others are the evidence.
                if (CandidateCount * QuantumFit.ChanceAllFit(values.Length - 1, quantum, tolerance) > thresholds.Alpha)
                {
                    break;
                }

                if (QuantumFit.TryFit(values, ref quantum, tolerance, out double residual)
                    && quantum >= thresholds.MinimumQuantum && quantum > best)
                {
                    best = quantum;
                    bestResidual = residual;
                }
            }
        }

        if (best == 0)
        {
            return null;
        }

        double chance = Math.Min(1, CandidateCount * QuantumFit.ChanceAllFit(values.Length - 1, best, tolerance));
        if (chance > thresholds.Alpha)
        {
            return null;
        }

        // Exact multiples of a whole number have an innocent reading: a vote weight (Produce 48's texts
        // counted 7 votes each) or a benefit in round thousands.
        bool wholeNumberWeight = bestResidual < 1e-6 && Math.Abs(best - Math.Round(best)) < 1e-6;
        string q = best.ToString(wholeNumberWeight ? "N0" : "N3", CultureInfo.InvariantCulture);
        string explanation = wholeNumberWeight
            ? $"All {values.Length} counts are exact multiples of {q}. That is expected only if every vote counted {q} times (a vote weight); otherwise the counts were not tallied one vote at a time."
            : $"All {values.Length} counts are whole multiples of {q} (to within {tolerance.ToString("0.#", CultureInfo.InvariantCulture)} vote). Honest tallies almost never share such a factor: counts made by multiplying rounded percentages by a total do (Produce X 101's were all multiples of 7,494.442).";
        return new TallyFinding(ForensicCodes.CommonQuantum, explanation, chance,
            wholeNumberWeight ? FindingSeverity.Notice : FindingSeverity.Warning);
    }

    // The smallest gaps between consecutive counts, and the smallest count: in a fabricated table these are
    // small multiples of the quantum.
    private static List<double> Seeds(double[] values)
    {
        var gaps = new List<double>(values.Length);
        for (int i = 1; i < values.Length; i++)
        {
            double gap = values[i - 1] - values[i];
            if (gap > 0)
            {
                gaps.Add(gap);
            }
        }

        gaps.Sort();
        var seeds = gaps.Distinct().Take(GapsTried).ToList();
        seeds.Add(values[^1]);
        return seeds;
    }
}
