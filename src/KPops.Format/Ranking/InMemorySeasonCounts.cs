using KPops.Format.Model;

namespace KPops.Format.Ranking;

/// <summary>
/// Counts held in dictionaries: what tests, the simulator and small recounts rank from. Votes are stored as
/// given (already multiplied by any channel weight, as <see cref="ISeasonCounts.Votes"/> reports them).
/// Not thread-safe: fill it, then rank.
/// </summary>
public sealed class InMemorySeasonCounts : ISeasonCounts
{
    private readonly Dictionary<(string Round, string Trainee), Dictionary<(string Segment, string Channel), long>> _votes = [];
    private readonly List<EvaluationResult> _results = [];

    public IReadOnlyList<EvaluationResult> Results => _results;

    /// <summary>Adds <paramref name="votes"/> to the count for one round, trainee, segment and channel.</summary>
    public void Add(string round, string trainee, string segment, string channel, long votes)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(trainee);
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(channel);

        if (!_votes.TryGetValue((round, trainee), out var cells))
        {
            cells = [];
            _votes.Add((round, trainee), cells);
        }

        cells[(segment, channel)] = cells.GetValueOrDefault((segment, channel)) + votes;
    }

    /// <summary>Adds votes in the implicit segment and channel of a season that declares neither.</summary>
    public void Add(string round, string trainee, long votes) => Add(round, trainee, Segment.Default, Channel.Default, votes);

    public void AddResult(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _results.Add(result);
    }

    public long Votes(string round, string trainee, string? segment = null, string? channel = null)
    {
        if (!_votes.TryGetValue((round, trainee), out var cells))
        {
            return 0;
        }

        long total = 0;
        foreach (var ((cellSegment, cellChannel), votes) in cells)
        {
            if ((segment is null || segment == cellSegment) && (channel is null || channel == cellChannel))
            {
                total += votes;
            }
        }

        return total;
    }
}
