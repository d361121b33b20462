namespace KPops.Audit.Forensics;

/// <summary>P(X ≥ k) for a Poisson variable, summed from the tail so that tiny probabilities stay exact.</summary>
internal static class PoissonTail
{
    public static double AtLeast(long k, double mean)
    {
        if (k <= 0)
        {
            return 1;
        }

        if (mean <= 0)
        {
            return 0;
        }

        if (k < mean)
        {
            // The tail holds most of the mass; 1 - CDF is accurate here.
            double cdf = 0;
            for (long i = 0; i < k; i++)
            {
                cdf += Math.Exp(LogPmf(i, mean));
            }

            return Math.Clamp(1 - cdf, 0, 1);
        }

        double sum = 0;
        for (long i = k; ; i++)
        {
            double term = Math.Exp(LogPmf(i, mean));
            sum += term;
            if (term < sum * 1e-15 || term == 0)
            {
                return Math.Min(1, sum);
            }
        }
    }

    private static double LogPmf(long i, double mean)
    {
        double logFactorial = 0;
        for (long j = 2; j <= i; j++)
        {
            logFactorial += Math.Log(j);
        }

        return (i * Math.Log(mean)) - mean - logFactorial;
    }
}
