using KPops.Format.Model;

namespace KPops.Format.Ranking;

/// <summary>
/// Applies the cut line and fills the special seats: the top <see cref="Announcement.CutLine"/> survive, each
/// seat in turn takes its trainees from those below, and everyone else is eliminated.
/// </summary>
internal static class CutAndSeats
{
    public static List<RankedTrainee> Place(
        Announcement announcement,
        List<(ScoredTrainee Entry, string? TieBrokenBy)> order,
        SourceScorer scorer,
        ISeasonCounts counts)
    {
        var cut = Math.Min(announcement.CutLine ?? order.Count, order.Count);
        var below = order.Skip(cut).ToList();
        var seated = new List<(string Trainee, string Seat)>();
        foreach (var seat in announcement.SpecialSeats)
        {
            var taken = seated.Select(s => s.Trainee).ToHashSet(StringComparer.Ordinal);
            var candidates = below.Where(b => !taken.Contains(b.Entry.Trainee)).Select(b => b.Entry.Trainee).ToList();
            var chosen = seat.Kind == SpecialSeatKind.HighestBelowCut
                ? HighestBelowCut(seat, candidates, scorer)
                : EvaluationPick(seat, candidates, counts);
            seated.AddRange(chosen.Take(seat.Count).Select(trainee => (trainee, seat.Label)));
        }

        var ranking = new List<RankedTrainee>(order.Count);
        foreach (var (entry, tieBrokenBy) in order.Take(cut))
        {
            ranking.Add(Ranked(ranking.Count + 1, entry, tieBrokenBy, SeatStatus.Survived, seat: null));
        }

        var byTrainee = order.ToDictionary(o => o.Entry.Trainee, StringComparer.Ordinal);
        foreach (var (trainee, seat) in seated)
        {
            var (entry, tieBrokenBy) = byTrainee[trainee];
            ranking.Add(Ranked(ranking.Count + 1, entry, tieBrokenBy, SeatStatus.SpecialSeat, seat));
        }

        var seatedIds = seated.Select(s => s.Trainee).ToHashSet(StringComparer.Ordinal);
        foreach (var (entry, tieBrokenBy) in below.Where(b => !seatedIds.Contains(b.Entry.Trainee)))
        {
            ranking.Add(Ranked(ranking.Count + 1, entry, tieBrokenBy, SeatStatus.Eliminated, seat: null));
        }

        return ranking;
    }

    /// <summary>The best by the seat's own sources (Produce X 101's "X": highest accumulated votes), ties by id.</summary>
    private static IEnumerable<string> HighestBelowCut(SpecialSeat seat, List<string> candidates, SourceScorer scorer)
    {
        var totals = scorer.Total(seat.Sources);
        return candidates
            .OrderByDescending(t => totals[t])
            .ThenBy(t => t, StringComparer.Ordinal);
    }

    /// <summary>Those below the cut with a result in the seat's evaluation, in ranking order.</summary>
    private static IEnumerable<string> EvaluationPick(SpecialSeat seat, List<string> candidates, ISeasonCounts counts)
    {
        var picked = counts.Results
            .Where(r => r.Evaluation == seat.Evaluation)
            .Select(r => r.Trainee)
            .ToHashSet(StringComparer.Ordinal);
        return candidates.Where(picked.Contains);
    }

    private static RankedTrainee Ranked(int rank, ScoredTrainee entry, string? tieBrokenBy, SeatStatus status, string? seat) => new()
    {
        Rank = rank,
        Trainee = entry.Trainee,
        Score = entry.Score,
        Breakdown = entry.Breakdown,
        Status = status,
        Seat = seat,
        TieBrokenBy = tieBrokenBy,
    };
}
