using KPops.Voting.Entries;

namespace KPops.Cli.Bench;

/// <summary>
/// Deterministic ballots for the benchmark: each from a new voter, except a share that repeat an earlier voter
/// (and must be rejected); one pick among the trainees, Zipf-skewed (s = 1). Generates into caller buffers
/// without allocating.
/// </summary>
internal sealed class SyntheticBallots
{
    private readonly ZipfDistribution _popularity;
    private readonly double _repeatShare;
    private readonly long _serverTimeMs;
    private BenchRandom _random;
    private long _voters;

    public SyntheticBallots(int trainees, double repeatShare, long serverTimeMs, ulong seed = 20260101)
    {
        _repeatShare = repeatShare;
        _serverTimeMs = serverTimeMs;
        _random = new BenchRandom(seed);
        _popularity = new ZipfDistribution(trainees);
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
            if (_voters > 0 && _random.NextDouble() < _repeatShare)
            {
                voter = (long)(_random.Next() % (ulong)_voters);
                nonce = 1;
                Repeats++;
            }
            else
            {
                voter = _voters++;
            }

            pick[0] = (ushort)_popularity.Sample(_random.NextDouble());
            destination[i] = new Ballot(pick)
            {
                Round = 0,
                Voter = BenchRandom.Pseudonym(voter),
                Period = 0,
                Nonce = nonce,
                ServerTimeMs = _serverTimeMs,
            };
        }
    }
}
