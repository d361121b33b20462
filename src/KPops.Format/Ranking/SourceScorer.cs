using KPops.Format.Model;

namespace KPops.Format.Ranking;

/// <summary>
/// Computes score sources over one announcement's pool: the counted value per trainee, then the conversion
/// (raw or share of the pool's total) and the weight. All arithmetic is decimal, so that the same counts give
/// the same ranking on every machine.
/// </summary>
internal sealed class SourceScorer(Season season, ISeasonCounts counts, IReadOnlyList<string> pool)
{
    private readonly Dictionary<string, string?> _homeSegment = season.Trainees.ToDictionary(t => t.Id, t => t.HomeSegment, StringComparer.Ordinal);

    /// <summary>Each pool member's contribution from <paramref name="source"/>.</summary>
    public Dictionary<string, SourceContribution> Score(ScoreSource source)
    {
        var counted = source.Kind switch
        {
            SourceKind.Votes => CountVotes(source),
            SourceKind.Evaluations => CountEvaluations(source),
            SourceKind.SegmentPoints => CountSegmentPoints(source),
            _ => throw new ArgumentOutOfRangeException(nameof(source), source.Kind, "Unknown source kind."),
        };

        var total = counted.Values.Sum();
        return counted.ToDictionary(
            entry => entry.Key,
            entry =>
            {
                var converted = source.Conversion == Conversion.Share
                    ? total == 0 ? 0m : entry.Value / total * source.Scale
                    : entry.Value;
                return new SourceContribution(source.Label, entry.Value, source.Weight * converted);
            },
            StringComparer.Ordinal);
    }

    /// <summary>Sum of the points of several sources per pool member (a special seat's own score).</summary>
    public Dictionary<string, decimal> Total(IEnumerable<ScoreSource> sources)
    {
        var totals = pool.ToDictionary(t => t, _ => 0m, StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var (trainee, contribution) in Score(source))
            {
                totals[trainee] += contribution.Points;
            }
        }

        return totals;
    }

    private Dictionary<string, decimal> CountVotes(ScoreSource source) =>
        pool.ToDictionary(t => t, t => (decimal)VotesIn(source, t, source.Segment), StringComparer.Ordinal);

    private long VotesIn(ScoreSource source, string trainee, string? segment)
    {
        long votes = 0;
        foreach (var round in source.Rounds)
        {
            votes += counts.Votes(round, trainee, segment, source.Channel);
        }

        return votes;
    }

    private Dictionary<string, decimal> CountEvaluations(ScoreSource source)
    {
        var evaluations = new HashSet<string>(source.Evaluations, StringComparer.Ordinal);
        var totals = pool.ToDictionary(t => t, _ => 0m, StringComparer.Ordinal);
        foreach (var result in counts.Results)
        {
            if (evaluations.Contains(result.Evaluation)
                && (source.Segment is null || source.Segment == result.Segment)
                && totals.ContainsKey(result.Trainee))
            {
                totals[result.Trainee] += result.Value;
            }
        }

        return totals;
    }

    /// <summary>
    /// Eurovision-style points: within each segment (only the source's segment, if it names one) the pool is
    /// ranked by that segment's votes, most first, ties by trainee id; the i-th gets Points[i] if it received
    /// any vote. A segment never ranks its own entry (a country does not vote for its own song).
    /// </summary>
    private Dictionary<string, decimal> CountSegmentPoints(ScoreSource source)
    {
        var totals = pool.ToDictionary(t => t, _ => 0m, StringComparer.Ordinal);
        IEnumerable<string> segments = source.Segment is { } only ? [only]
            : season.Segments.Count == 0 ? [Segment.Default]
            : season.Segments.Select(s => s.Id);
        foreach (var segment in segments)
        {
            var ranked = pool
                .Where(t => _homeSegment.GetValueOrDefault(t) != segment)
                .Select(t => (Trainee: t, Votes: VotesIn(source, t, segment)))
                .Where(entry => entry.Votes > 0)
                .OrderByDescending(entry => entry.Votes)
                .ThenBy(entry => entry.Trainee, StringComparer.Ordinal)
                .Take(source.Points.Count);
            var place = 0;
            foreach (var (trainee, _) in ranked)
            {
                totals[trainee] += source.Points[place++];
            }
        }

        return totals;
    }
}
