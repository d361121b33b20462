using KPops.Format.Model;

namespace KPops.Format.Ranking;

/// <summary>
/// Orders scored trainees: score descending, then the announcement's tie-break rules in order, then trainee id
/// (ordinal) so that the order is total and every recount gives the same one. Also names the rule that
/// decided each tie, for the broadcast and the audit.
/// </summary>
internal sealed class TieBreakOrder
{
    /// <summary>The <see cref="RankedTrainee.TieBrokenBy"/> value when only the trainee ids differ.</summary>
    public const string TraineeIdRule = "traineeId";

    private readonly List<(string Name, Func<ScoredTrainee, ScoredTrainee, int> Compare)> _rules = [];

    public TieBreakOrder(IReadOnlyList<TieBreak> rules, IReadOnlyDictionary<string, AnnouncementResult> earlier)
    {
        foreach (var rule in rules)
        {
            _rules.Add(rule.Kind switch
            {
                TieBreakKind.Source => ($"source:{rule.Ref}", BySource(rule.Ref)),
                TieBreakKind.PreviousRank => ($"previousRank:{rule.Ref}", ByPreviousRank(rule.Ref, earlier)),
                _ => throw new ArgumentOutOfRangeException(nameof(rules), rule.Kind, "Unknown tie-break kind."),
            });
        }

        _rules.Add((TraineeIdRule, (a, b) => string.CompareOrdinal(a.Trainee, b.Trainee)));
    }

    /// <summary>The pool in ranking order, each with the rule that separated it from an equal-scored neighbour.</summary>
    public List<(ScoredTrainee Entry, string? TieBrokenBy)> Sort(IEnumerable<ScoredTrainee> entries)
    {
        var sorted = entries.ToList();
        sorted.Sort(Compare);
        var result = new List<(ScoredTrainee, string?)>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            // The neighbour above decides first: that is the comparison that placed this trainee where it is.
            string? decidedBy = null;
            if (i > 0 && sorted[i - 1].Score == sorted[i].Score)
            {
                decidedBy = DecidingRule(sorted[i - 1], sorted[i]);
            }
            else if (i + 1 < sorted.Count && sorted[i + 1].Score == sorted[i].Score)
            {
                decidedBy = DecidingRule(sorted[i], sorted[i + 1]);
            }

            result.Add((sorted[i], decidedBy));
        }

        return result;
    }

    private int Compare(ScoredTrainee a, ScoredTrainee b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        foreach (var (_, compare) in _rules)
        {
            var byRule = compare(a, b);
            if (byRule != 0)
            {
                return byRule;
            }
        }

        return 0;
    }

    private string? DecidingRule(ScoredTrainee a, ScoredTrainee b) =>
        _rules.FirstOrDefault(rule => rule.Compare(a, b) != 0).Name;

    private static Func<ScoredTrainee, ScoredTrainee, int> BySource(string label) =>
        (a, b) => PointsIn(b, label).CompareTo(PointsIn(a, label));

    private static decimal PointsIn(ScoredTrainee entry, string label) =>
        entry.Breakdown.FirstOrDefault(c => c.Label == label)?.Points ?? 0m;

    private static Func<ScoredTrainee, ScoredTrainee, int> ByPreviousRank(string announcement, IReadOnlyDictionary<string, AnnouncementResult> earlier)
    {
        if (!earlier.TryGetValue(announcement, out var previous))
        {
            throw new InvalidOperationException(
                $"A tie-break uses the ranks of announcement \"{announcement}\", which has not been ranked yet.");
        }

        // Someone absent from the earlier ranking (added later) ranks below everyone who was in it.
        var ranks = previous.Ranking.ToDictionary(r => r.Trainee, r => r.Rank, StringComparer.Ordinal);
        return (a, b) => ranks.GetValueOrDefault(a.Trainee, int.MaxValue).CompareTo(ranks.GetValueOrDefault(b.Trainee, int.MaxValue));
    }
}
