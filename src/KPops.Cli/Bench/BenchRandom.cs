using KPops.Voting.Entries;

namespace KPops.Cli.Bench;

/// <summary>
/// The benchmarks' deterministic randomness (SplitMix64): the same seed gives the same ballots on every run and
/// machine, without allocating. Also turns voter numbers into uniformly random-looking pseudonyms.
/// </summary>
internal struct BenchRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong Next() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Voter number <paramref name="voter"/>'s pseudonym: the same voter every time it is asked.</summary>
    public static VoterPseudonym Pseudonym(long voter) => new(Mix((ulong)voter), Mix((ulong)voter ^ 0x5DEECE66DUL));

    // SplitMix64's finalizer.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>Zipf popularity (s = 1) over <c>n</c> items: item k is drawn with weight 1 / (k + 1).</summary>
internal sealed class ZipfDistribution
{
    private readonly double[] _cumulative;

    public ZipfDistribution(int n)
    {
        _cumulative = new double[n];
        var total = 0.0;
        for (var k = 0; k < n; k++)
        {
            total += 1.0 / (k + 1);
            _cumulative[k] = total;
        }

        for (var k = 0; k < n; k++)
        {
            _cumulative[k] /= total;
        }
    }

    /// <summary>The item a uniform draw <paramref name="u"/> in [0, 1) falls on.</summary>
    public int Sample(double u)
    {
        var index = Array.BinarySearch(_cumulative, u);
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }
}
