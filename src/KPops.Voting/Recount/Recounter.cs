using System.Globalization;
using KPops.Format.Model;
using KPops.Format.Ranking;
using KPops.Voting.Entries;

namespace KPops.Voting.Recount;

/// <summary>Computes an announcement's ranking; <see cref="RankingEngine.Rank"/> unless a test says otherwise.</summary>
public delegate AnnouncementResult AnnouncementRanker(
    Season season, string announcementId, ISeasonCounts counts, IReadOnlyDictionary<string, AnnouncementResult> earlier);

/// <summary>
/// Recounts a vote log from nothing but its entries: rebuilds the season from the SeasonDefined chunks,
/// replays every entry with <see cref="LogReplayer"/> (the code start-up recovery runs), and at each
/// AnnouncementPublished entry recomputes the ranking from the counts at that point of the log and compares
/// it with what was published. Earlier announcements are taken as published, because later rounds' pools
/// were drawn from them.
/// </summary>
public static class Recounter
{
    /// <summary>Recounts entries 0 to <paramref name="end"/> (exclusive; default: the whole log).</summary>
    public static RecountReport Recount(IEntryHistory log, long? end = null, AnnouncementRanker? ranker = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ranker ??= RankingEngine.Rank;
        var stop = Math.Min(end ?? log.Count, log.Count);
        var checks = new List<AnnouncementCheck>();
        using var replayer = new LogReplayer(log);
        while (replayer.NextIndex < stop && log.TryRead(replayer.NextIndex, out var entry))
        {
            if (replayer.State is { } state
                && EntryHeader.Check(entry.Span, out var kind) == EntryError.None
                && kind == EntryKind.AnnouncementPublished
                && LogEntryCodec.TryDecode(entry.Span, out var decoded, out _)
                && state.Validate(decoded, replayer.NextIndex) is null)
            {
                checks.Add(Check(state, (AnnouncementPublished)decoded, replayer.NextIndex, ranker));
            }

            replayer.Apply(entry.Span);
        }

        return new RecountReport(
            replayer.State?.Season.Season,
            replayer.NextIndex,
            replayer.State?.Tallies,
            checks,
            replayer.Findings,
            replayer.FindingCount)
        {
            EmbargoedRounds = replayer.State is { } final ? EmbargoedRounds(final) : [],
        };
    }

    private static List<string> EmbargoedRounds(VotingState state)
    {
        var rounds = new List<string>();
        for (var r = 0; r < state.Season.RoundCount; r++)
        {
            if (state.Embargo.IsEmbargoed(r))
            {
                rounds.Add(state.Season.Round(r).Id);
            }
        }

        return rounds;
    }

    private static AnnouncementCheck Check(VotingState state, AnnouncementPublished entry, long index, AnnouncementRanker ranker)
    {
        var published = PublishedRankings.ToResult(state.Season, entry);
        AnnouncementResult recounted;
        try
        {
            recounted = ranker(state.Season.Season, published.Announcement, state.Tallies, state.Published);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            return new AnnouncementCheck(published.Announcement, index, published, null, [$"cannot recompute: {exception.Message}"]);
        }

        return new AnnouncementCheck(published.Announcement, index, published, recounted, Compare(published, recounted));
    }

    /// <summary>Row by row: trainee, rank, score, status and seat must all agree.</summary>
    public static IReadOnlyList<string> Compare(AnnouncementResult published, AnnouncementResult recounted)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(recounted);
        var differences = new List<string>();
        if (published.Ranking.Count != recounted.Ranking.Count)
        {
            differences.Add(Invariant($"published {published.Ranking.Count} trainees, the recount ranks {recounted.Ranking.Count}"));
        }

        var rows = Math.Min(published.Ranking.Count, recounted.Ranking.Count);
        for (var i = 0; i < rows; i++)
        {
            var p = published.Ranking[i];
            var r = recounted.Ranking[i];
            if (p.Trainee != r.Trainee || p.Rank != r.Rank || p.Score != r.Score || p.Status != r.Status || p.Seat != r.Seat)
            {
                differences.Add(Invariant(
                    $"row {i + 1}: published {Describe(p)}, recounted {Describe(r)}"));
            }
        }

        return differences;
    }

    private static string Describe(RankedTrainee row) =>
        Invariant($"#{row.Rank} {row.Trainee} {row.Score} {row.Status}{(row.Seat is null ? string.Empty : " " + row.Seat)}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
