namespace KPops.Format.Simulation;

/// <summary>The few distributions the simulator draws from, on top of a seeded <see cref="Random"/>.</summary>
internal static class SimulationRandom
{
    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double NextGaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A log-normal draw with median 1: heavy-tailed, like the popularity of trainees.</summary>
    public static double NextLogNormal(this Random random, double sigma) => Math.Exp(sigma * random.NextGaussian());

    /// <summary>How many of <paramref name="trials"/> independent chances with probability <paramref name="p"/> come up.</summary>
    /// <remarks>Trials are voting days of one round, a few dozen at most, so counting them one by one is cheap.</remarks>
    public static int NextBinomial(this Random random, int trials, double p)
    {
        var successes = 0;
        for (var i = 0; i < trials; i++)
        {
            if (random.NextDouble() < p)
            {
                successes++;
            }
        }

        return successes;
    }

    /// <summary>
    /// An index drawn with probability proportional to its weight, given the running totals of the weights
    /// (zero-weight entries are never drawn).
    /// </summary>
    public static int NextWeighted(this Random random, ReadOnlySpan<double> cumulative)
    {
        var target = random.NextDouble() * cumulative[^1];
        int low = 0, high = cumulative.Length - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (cumulative[middle] > target)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
