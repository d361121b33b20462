namespace KPops.Audit.Forensics;

/// <summary>Fits counts to whole multiples of one quantum.</summary>
internal static class QuantumFit
{
    /// <summary>
    /// Refines <paramref name="quantum"/> by least squares over the multipliers it implies; true when every
    /// value then lies within <paramref name="tolerance"/> of its multiple.
    /// </summary>
    public static bool TryFit(ReadOnlySpan<double> values, ref double quantum, double tolerance, out double worstResidual)
    {
        worstResidual = double.PositiveInfinity;
        for (int iteration = 0; iteration < 4; iteration++)
        {
            double numerator = 0;
            double denominator = 0;
            foreach (double v in values)
            {
                double m = Math.Round(v / quantum);
                if (m < 1)
                {
                    return false;
                }

                numerator += v * m;
                denominator += m * m;
            }

            quantum = numerator / denominator;
        }

        worstResidual = WorstResidual(values, quantum);
        return worstResidual <= tolerance;
    }

    public static double WorstResidual(ReadOnlySpan<double> values, double quantum)
    {
        double worst = 0;
        foreach (double v in values)
        {
            worst = Math.Max(worst, Math.Abs(v - (Math.Round(v / quantum) * quantum)));
        }

        return worst;
    }

    /// <summary>
    /// The chance that <paramref name="count"/> honest whole-number counts all land within the tolerance of
    /// a multiple of <paramref name="quantum"/>: each does so with chance (2·tolerance + 1) / quantum.
    /// </summary>
    public static double ChanceAllFit(int count, double quantum, double tolerance) =>
        Math.Pow(Math.Min(1, ((2 * tolerance) + 1) / quantum), count);
}
