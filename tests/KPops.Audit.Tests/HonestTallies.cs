using KPops.Audit.Forensics;

namespace KPops.Audit.Tests;

/// <summary>
/// Realistic honest announcements: trainees with log-normal popularity, ballots of 1, 2 or 11 picks, and
/// each trainee's count drawn as the binomial count of ballots that picked them (normal approximation, which
/// is exact enough at these sizes and fast). Sizes span a small early round to a finale.
/// </summary>
internal static class HonestTallies
{
    private static readonly int[] TraineeCounts = [7, 10, 11, 20, 30, 60, 101];
    private static readonly int[] Picks = [1, 2, 11];

    public static PublishedCount[] Draw(Random random)
    {
        int trainees = TraineeCounts[random.Next(TraineeCounts.Length)];
        int picks = Math.Min(Picks[random.Next(Picks.Length)], trainees - 1);
        double ballots = Math.Pow(10, 3 + (random.NextDouble() * 4.5));
        var weights = new double[trainees];
        for (int i = 0; i < trainees; i++)
        {
            weights[i] = Math.Exp(Gaussian(random));
        }

        double sum = weights.Sum();
        var counts = new PublishedCount[trainees];
        for (int i = 0; i < trainees; i++)
        {
            double p = Math.Min(1, weights[i] / sum * picks);
            double mean = ballots * p;
            double sd = Math.Sqrt(mean * (1 - p));
            double count = Math.Max(0, Math.Round(mean + (sd * Gaussian(random))));
            counts[i] = new PublishedCount($"T{i}", (decimal)count);
        }

        return counts;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
