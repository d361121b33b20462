using KPops.Voting.Entries;

namespace KPops.Cli.Bench;

/// <summary>
/// Deterministic ballots for the benchmark: each from a new voter, except a share that repeat an earlier voter
/// (and must be rejected); one pick among the trainees, Zipf-skewed (s = 1). Generates into caller buffers
/// without allocating.
/// </summary>
internal sealed class SyntheticBallots
{
    private readonly double[] _cumulative;
    private readonly double _repeatShare;
    private readonly long _serverTimeMs;
    private ulong _random;
    private long _voters;

    public SyntheticBallots(int trainees, double repeatShare, long serverTimeMs, ulong seed = 20260101)
    {
        _repeatShare = repeatShare;
        _serverTimeMs = serverTimeMs;
        _random = seed;
        _cumulative = new double[trainees];
        var total = 0.0;
        for (var k = 0; k < trainees; k++)
        {
            total += 1.0 / (k + 1);
            _cumulative[k] = total;
        }

        for (var k = 0; k < trainees; k++)
        {
            _cumulative[k] /= total;
        }
    }

    /// <summary>Repeats generated so far: ballots the pipeline must reject.</summary>
    public long Repeats { get; private set; }

    public void Fill(Span<Ballot> destination)
    {
        Span<ushort> pick = stackalloc ushort[1];
        for (var i = 0; i < destination.Length; i++)
        {
            long voter;
            uint nonce = 0;
            if (_voters > 0 && NextDouble() < _repeatShare)
            {
                voter = (long)(Next() % (ulong)_voters);
                nonce = 1;
                Repeats++;
            }
            else
            {
                voter = _voters++;
            }

            pick[0] = Zipf(NextDouble());
            destination[i] = new Ballot(pick)
            {
                Round = 0,
                Voter = new VoterPseudonym(Mix((ulong)voter), Mix((ulong)voter ^ 0x5DEECE66DUL)),
                Period = 0,
                Nonce = nonce,
                ServerTimeMs = _serverTimeMs,
            };
        }
    }

    private ushort Zipf(double u)
    {
        var index = Array.BinarySearch(_cumulative, u);
        return (ushort)Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }

    private double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    private ulong Next() => Mix(_random += 0x9E3779B97F4A7C15UL);

    // SplitMix64's finalizer: also turns voter numbers into uniformly random-looking pseudonyms.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
