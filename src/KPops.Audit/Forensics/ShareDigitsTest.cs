using System.Globalization;

namespace KPops.Audit.Forensics;

/// <summary>
/// (c) Shares with too few significant digits: every count equal to the total times a percentage rounded to
/// a few decimals. Mnet said its staff had "rounded the vote percentages to two decimal places" and
/// multiplied them back into counts; honest counts divided by the total give shares with full precision.
/// </summary>
internal static class ShareDigitsTest
{
    // Shares as fractions with 1 to 6 decimals (i.e. percentages with up to 4 decimals).
    private const int MaxDecimals = 6;

    public static TallyFinding? Run(double[] values, double total, ForensicsThresholds thresholds)
    {
        if (total <= 0)
        {
            return null;
        }

        double tolerance = thresholds.RoundingTolerance;
        for (int decimals = 1; decimals <= MaxDecimals; decimals++)
        {
            double unit = total / Math.Pow(10, decimals);
            double chance = Math.Min(1, MaxDecimals * QuantumFit.ChanceAllFit(values.Length, unit, tolerance));
            if (unit < thresholds.MinimumQuantum || chance > thresholds.Alpha)
            {
                continue;
            }

            if (QuantumFit.WorstResidual(values, unit) <= tolerance)
            {
                string percentDecimals = Math.Max(0, decimals - 2).ToString(CultureInfo.InvariantCulture);
                string explanation = string.Create(CultureInfo.InvariantCulture,
                    $"Every count is the total ({total:N0}) times a share with only {decimals} decimal places (a percentage with {percentDecimals} decimals). Honest counts give shares with all their digits; these counts were computed from rounded percentages.");
                return new TallyFinding(ForensicCodes.FewSignificantDigits, explanation, chance, FindingSeverity.Warning);
            }
        }

        return null;
    }
}
