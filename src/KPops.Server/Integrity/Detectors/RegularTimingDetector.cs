using KPops.Voting.Entries;

namespace KPops.Server.Integrity.Detectors;

/// <summary>
/// Machine-regular timing: the last <see cref="RegularTimingOptions.MinIntervals"/> intervals between one voter's
/// ballots, or between ballots from one network, vary too little (coefficient of variation at most
/// <see cref="RegularTimingOptions.MaxCoefficientOfVariation"/>). People vote when they think of it — arrivals from a
/// network are close to Poisson (CV ≈ 1) and a loyal daily voter drifts by minutes — while a scheduler fires on the
/// second. Mean intervals under <see cref="RegularTimingOptions.MinMeanIntervalMs"/> are left to the burst detectors.
/// </summary>
internal sealed class RegularTimingDetector(RegularTimingOptions options, int maxKeys, IAlertSink sink) : IBallotDetector
{
    // Voters are followed across days: a daily voter needs MinIntervals days to be judged.
    private const long VoterHorizonMs = 3L * 86_400_000;
    private const long NetworkHorizonMs = 3_600_000;

    private readonly KeyedStates<(ushort, VoterPseudonym), Arrivals> _voters = new(maxKeys, VoterHorizonMs, () => new Arrivals(options.MinIntervals + 1));
    private readonly KeyedStates<(ushort, NetworkPrefix), Arrivals> _networks = new(maxKeys, NetworkHorizonMs, () => new Arrivals(options.MinIntervals + 1));

    public long Untracked => _voters.Untracked + _networks.Untracked;

    public void Observe(in ObservedBallot ballot)
    {
        if (_voters.GetOrAdd((ballot.Round, ballot.Voter), ballot.TimeMs) is { } voter)
        {
            Check(voter, ballot, byVoter: true);
        }

        if (!ballot.Network.IsNone && _networks.GetOrAdd((ballot.Round, ballot.Network), ballot.TimeMs) is { } network)
        {
            Check(network, ballot, byVoter: false);
        }
    }

    // The alert's source and wording are only formatted when there is something to report: every ballot is checked.
    private void Check(Arrivals arrivals, in ObservedBallot ballot, bool byVoter)
    {
        arrivals.Add(ballot);
        if (!arrivals.IsFull)
        {
            return;
        }

        var (mean, deviation) = arrivals.IntervalStatistics();
        var variation = mean > 0 ? deviation / mean : double.PositiveInfinity;
        if (mean < options.MinMeanIntervalMs || variation > options.MaxCoefficientOfVariation)
        {
            arrivals.Hot = false;
            return;
        }

        var (source, whose) = arrivals.Names ??= byVoter
            ? ($"voter {ballot.Voter}", "this voter's")
            : ($"network {ballot.Network}", $"network {ballot.Network}'s");
        var explanation = $"The last {options.MinIntervals} intervals between {whose} ballots average {mean / 1000:0.###} s with a standard deviation of {deviation / 1000:0.###} s (variation {variation:0.####}, threshold {options.MaxCoefficientOfVariation}): machine-regular.";
        sink.Report(DetectorCodes.RegularTiming, source, ballot.Round, explanation, arrivals.Hot ? [ballot] : arrivals.ToArray());
        arrivals.Hot = true;
    }

    /// <summary>The last few ballots of a key, in a ring.</summary>
    private sealed class Arrivals(int capacity) : ITrackedState
    {
        private readonly ObservedBallot[] _ring = new ObservedBallot[capacity];
        private int _next;
        private int _count;

        public long LastSeenMs { get; private set; } = long.MinValue;

        public bool Hot { get; set; }

        /// <summary>The key as alerts name it ("voter …", "network …") and its possessive, formatted at the first report.</summary>
        public (string Source, string Whose)? Names { get; set; }

        public bool IsFull => _count == _ring.Length;

        public void Add(in ObservedBallot ballot)
        {
            LastSeenMs = Math.Max(LastSeenMs, ballot.TimeMs);
            _ring[_next] = ballot;
            _next = (_next + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
        }

        public (double Mean, double Deviation) IntervalStatistics()
        {
            // Welford over the intervals between consecutive ballots, oldest first.
            double mean = 0, squares = 0;
            var oldest = _next % _ring.Length;
            for (var i = 1; i < _count; i++)
            {
                double interval = _ring[(oldest + i) % _ring.Length].TimeMs - _ring[(oldest + i - 1) % _ring.Length].TimeMs;
                var delta = interval - mean;
                mean += delta / i;
                squares += delta * (interval - mean);
            }

            return (mean, Math.Sqrt(squares / Math.Max(1, _count - 1)));
        }

        public ObservedBallot[] ToArray()
        {
            var result = new ObservedBallot[_count];
            for (var i = 0; i < _count; i++)
            {
                result[i] = _ring[(_next - _count + i + _ring.Length) % _ring.Length];
            }

            return result;
        }
    }
}
