using KPops.Format.Simulation;
using KPops.Server.Telemetry;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Cli.Demo;

/// <summary>
/// <c>kpops demo --traffic N</c>: about N ballots a second from simulated fans, straight into the server's ballot
/// pipeline, so that the log, the checkpoint and the live counts move. Every ballot has a voter of its own (a fresh
/// random pseudonym) and picks drawn by <see cref="FanBallotSampler"/> as <c>kpops simulate</c> draws them; a few are
/// refused on purpose — a fan voting a second time the same day (<c>quota-exhausted</c>) and an over-full ballot
/// (<c>too-many-picks</c>) — so rejections show in the metrics too. Bounded: one tick's ballots are in flight at a
/// time, and ticks the pipeline is too slow for are skipped, not queued.
/// </summary>
internal sealed class DemoTraffic
{
    /// <summary>Ticks a second: small batches spread over the second rather than one burst.</summary>
    private const int TicksPerSecond = 10;

    private const double RepeatShare = 0.04;
    private const double OverfullShare = 0.01;
    private const int RecentVoters = 1024;

    private readonly BallotPipeline _pipeline;
    private readonly KPopsMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly FanBallotSampler _sampler;
    private readonly ushort _round;
    private readonly ushort[] _traineeIndex;
    private readonly ushort[] _segmentIndex;
    private readonly int _ballotsPerSecond;
    private readonly Random _random;
    private readonly VoterPseudonym[] _recent = new VoterPseudonym[RecentVoters];
    private long _recentCount;
    private long _accepted;
    private long _intended;
    private long _unexpected;

    public DemoTraffic(BallotPipeline pipeline, KPopsMetrics metrics, TimeProvider time, string roundId, int ballotsPerSecond, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ballotsPerSecond);
        _pipeline = pipeline;
        _metrics = metrics;
        _time = time;
        _ballotsPerSecond = ballotsPerSecond;
        _random = new Random(seed);
        CompiledSeason season = pipeline.Season;
        _round = (ushort)season.RoundIndex(roundId);
        _sampler = new FanBallotSampler(season.Season, roundId, seed: seed);
        _traineeIndex = [.. _sampler.TraineeIds.Select(id => (ushort)season.TraineeIndex(id))];
        _segmentIndex = [.. _sampler.SegmentIds.Select(id => season.TryGetSegment(id, out int s) ? (ushort)s : (ushort)0)];
    }

    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Ballots refused as intended: repeats and over-full ballots.</summary>
    public long IntendedRejections => Interlocked.Read(ref _intended);

    /// <summary>Anything else: refusals the generator did not aim for, or the pipeline unable to take ballots.</summary>
    public long Unexpected => Interlocked.Read(ref _unexpected);

    /// <summary>Sends ballots until <paramref name="stop"/> is cancelled; the ballots in flight then finish.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        int perTickMax = (_ballotsPerSecond / TicksPerSecond) + 1;
        var ballots = new Ballot[perTickMax];
        var outcomes = new BallotOutcome[perTickMax];
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / TicksPerSecond), _time);
        double owed = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                owed += (double)_ballotsPerSecond / TicksPerSecond;
                int count = Math.Min((int)owed, perTickMax);
                owed -= count;
                if (count == 0)
                {
                    continue;
                }

                Fill(ballots.AsSpan(0, count));
                await _pipeline.SubmitManyAsync(ballots.AsMemory(0, count), outcomes.AsMemory(0, count));
                Tally(ballots.AsSpan(0, count), outcomes.AsSpan(0, count));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The demo is stopping.
        }
    }

    private void Fill(Span<Ballot> destination)
    {
        Span<int> drawn = stackalloc int[Math.Max(_sampler.MaxPicks, BallotPicks.Capacity)];
        Span<ushort> picks = stackalloc ushort[BallotPicks.Capacity];
        for (int i = 0; i < destination.Length; i++)
        {
            int count;
            int segment;
            do
            {
                count = _sampler.Next(drawn, out segment);
            }
            while (count == 0);

            for (int p = 0; p < count; p++)
            {
                picks[p] = _traineeIndex[drawn[p]];
            }

            double roll = _random.NextDouble();
            uint nonce = 0;
            VoterPseudonym voter;
            if (roll < RepeatShare && _recentCount > 0)
            {
                // The same fan again on the same day: the once-a-day (or once-a-round) quota refuses it.
                voter = _recent[_random.Next((int)Math.Min(_recentCount, RecentVoters))];
                nonce = 1;
            }
            else
            {
                voter = new VoterPseudonym((ulong)_random.NextInt64(long.MinValue, long.MaxValue), (ulong)_random.NextInt64(long.MinValue, long.MaxValue));
                if (roll < RepeatShare + OverfullShare && _sampler.MaxPicks < BallotPicks.Capacity)
                {
                    // One pick more than the rule allows, as a buggy client might send (the count is checked first).
                    picks[count..(_sampler.MaxPicks + 1)].Fill(picks[0]);
                    count = _sampler.MaxPicks + 1;
                }
            }

            var ballot = new Ballot(picks[..count]) { Round = _round, Voter = voter, Nonce = nonce, Segment = _segmentIndex[segment] };
            destination[i] = _pipeline.Season.Stamp(ballot, _time);
        }
    }

    private void Tally(ReadOnlySpan<Ballot> ballots, ReadOnlySpan<BallotOutcome> outcomes)
    {
        long accepted = 0;
        for (int i = 0; i < outcomes.Length; i++)
        {
            BallotOutcome outcome = outcomes[i];
            if (outcome.Status == SubmitStatus.Accepted)
            {
                accepted++;
                _recent[_recentCount++ % RecentVoters] = ballots[i].Voter;
                continue;
            }

            _metrics.BallotRejected(outcome.Code);
            bool intended = outcome.Status == SubmitStatus.Rejected && outcome.Reason is BallotCheck.QuotaExhausted or BallotCheck.TooManyPicks;
            Interlocked.Increment(ref intended ? ref _intended : ref _unexpected);
        }

        _metrics.BallotsAccepted(accepted);
        Interlocked.Add(ref _accepted, accepted);
    }
}
