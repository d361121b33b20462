using KPops.Format.Ranking;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Voting;

/// <summary>Converts between the ranking engine's results and <see cref="AnnouncementPublished"/> entries.</summary>
public static class PublishedRankings
{
    /// <summary>The entry that publishes <paramref name="result"/>: rank, score, status and seat of each trainee.</summary>
    public static AnnouncementPublished ToEntry(CompiledSeason season, AnnouncementResult result)
    {
        ArgumentNullException.ThrowIfNull(season);
        ArgumentNullException.ThrowIfNull(result);
        var rows = new PublishedRank[result.Ranking.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = result.Ranking[i];
            rows[i] = new PublishedRank((ushort)season.TraineeIndex(row.Trainee), checked((ushort)row.Rank), row.Score, row.Status, row.Seat);
        }

        return new AnnouncementPublished((ushort)season.AnnouncementIndex(result.Announcement), rows);
    }

    /// <summary>
    /// The published ranking as the ranking model sees it (without breakdowns, which the log does not carry):
    /// what later announcements and rounds draw on. The entry must have been checked against the season.
    /// </summary>
    public static AnnouncementResult ToResult(CompiledSeason season, AnnouncementPublished entry)
    {
        ArgumentNullException.ThrowIfNull(season);
        ArgumentNullException.ThrowIfNull(entry);
        var ranking = new RankedTrainee[entry.Ranking.Count];
        for (var i = 0; i < ranking.Length; i++)
        {
            var row = entry.Ranking[i];
            ranking[i] = new RankedTrainee
            {
                Rank = row.Rank,
                Trainee = season.TraineeId(row.Trainee),
                Score = row.Score,
                Breakdown = [],
                Status = row.Status,
                Seat = row.Seat,
            };
        }

        return new AnnouncementResult(season.Season.Announcements[entry.Announcement].Id, ranking);
    }
}
