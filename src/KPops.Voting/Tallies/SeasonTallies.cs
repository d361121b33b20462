using KPops.Format.Model;
using KPops.Format.Ranking;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Voting.Tallies;

/// <summary>
/// Live vote counts in one flat array indexed by round × trainee × segment × channel, each pick weighted by
/// its channel's <c>votesPerPick</c>, plus the evaluation results recorded so far. Written by one thread
/// (the sequencer or a replay); readers on other threads see each 64-bit counter whole, though a ranking
/// taken while ballots arrive mixes counts from slightly different moments — announcements rank closed rounds.
/// </summary>
public sealed class SeasonTallies : ISeasonCounts
{
    private readonly CompiledSeason _season;
    private readonly long[] _votes;
    private readonly int _segments;
    private readonly int _channels;
    private readonly long[] _ballotsByRound;
    private readonly List<EvaluationResult> _results;

    public SeasonTallies(CompiledSeason season)
    {
        ArgumentNullException.ThrowIfNull(season);
        _season = season;
        _segments = season.SegmentCount;
        _channels = season.MaxChannelCount;
        _votes = new long[checked(season.RoundCount * season.TraineeCount * _segments * _channels)];
        _ballotsByRound = new long[season.RoundCount];
        _results = [];
    }

    private SeasonTallies(SeasonTallies source)
    {
        _season = source._season;
        _segments = source._segments;
        _channels = source._channels;
        _votes = (long[])source._votes.Clone();
        _ballotsByRound = (long[])source._ballotsByRound.Clone();
        _results = [.. source._results];
        BallotsCounted = source.BallotsCounted;
    }

    public IReadOnlyList<EvaluationResult> Results => _results;

    /// <summary>Ballots counted (accepted and not quarantined).</summary>
    public long BallotsCounted { get; private set; }

    /// <summary>Ballots counted in one round, by index.</summary>
    public long BallotsCountedIn(int round) => Volatile.Read(ref _ballotsByRound[round]);

    /// <summary>
    /// A frozen copy of every count and result, for ranking or display off the writing thread. Consistent only when
    /// taken on the writing thread (e.g. inside <see cref="Pipeline.BallotPipeline.ReadAsync{T}"/>); anywhere else
    /// the copy may mix counters from slightly different moments. Copies the whole count array: not for the hot path.
    /// </summary>
    public SeasonTallies Snapshot() => new(this);

    /// <summary>Votes in one cell, by indices.</summary>
    public long Votes(int round, int trainee, int segment, int channel) =>
        Volatile.Read(ref _votes[Cell(round, trainee, segment, channel)]);

    public long Votes(string round, string trainee, string? segment = null, string? channel = null)
    {
        var roundIndex = _season.RoundIndex(round);
        var traineeIndex = _season.TraineeIndex(trainee);
        var compiled = _season.Round(roundIndex);
        var channelIndex = -1;
        if (channel is not null)
        {
            channelIndex = compiled.ChannelIndex(channel);
            if (channelIndex < 0)
            {
                // A score source may name a channel that only some of its rounds have.
                return 0;
            }
        }

        var segmentIndex = segment is null ? -1 : _season.SegmentIndex(segment);
        var total = 0L;
        for (var s = 0; s < _segments; s++)
        {
            if (segmentIndex >= 0 && s != segmentIndex)
            {
                continue;
            }

            for (var c = 0; c < compiled.ChannelCount; c++)
            {
                if (channelIndex < 0 || c == channelIndex)
                {
                    total += Votes(roundIndex, traineeIndex, s, c);
                }
            }
        }

        return total;
    }

    /// <summary>Adds (<paramref name="sign"/> = 1) or removes (-1) a ballot's weighted picks.</summary>
    internal void Count(in Ballot ballot, int sign)
    {
        long weight = _season.Round(ballot.Round).VotesPerPick(ballot.Channel) * sign;
        foreach (var trainee in ballot.Picks)
        {
            _votes[Cell(ballot.Round, trainee, ballot.Segment, ballot.Channel)] += weight;
        }

        _ballotsByRound[ballot.Round] += sign;
        BallotsCounted += sign;
    }

    internal void Record(EvaluationResult result) => _results.Add(result);

    private int Cell(int round, int trainee, int segment, int channel) =>
        ((((round * _season.TraineeCount) + trainee) * _segments) + segment) * _channels + channel;
}
