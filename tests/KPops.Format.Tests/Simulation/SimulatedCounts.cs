using KPops.Format.Model;
using KPops.Format.Ranking;
using KPops.Format.Simulation;

namespace KPops.Format.Tests.Simulation;

/// <summary>Flattens simulated counts and rankings into comparable lists.</summary>
internal static class SimulatedCounts
{
    public static List<(string Round, string Trainee, string Segment, string Channel, long Votes)> Snapshot(Season season, ISeasonCounts counts)
    {
        var segments = season.Segments.Count == 0 ? [Segment.Default] : season.Segments.Select(s => s.Id).ToList();
        var snapshot = new List<(string, string, string, string, long)>();
        foreach (var round in season.Rounds)
        {
            var channels = round.Ballot.Channels.Count == 0 ? [Channel.Default] : round.Ballot.Channels.Select(c => c.Id).ToList();
            foreach (var trainee in season.Trainees)
            {
                foreach (var segment in segments)
                {
                    foreach (var channel in channels)
                    {
                        snapshot.Add((round.Id, trainee.Id, segment, channel, counts.Votes(round.Id, trainee.Id, segment, channel)));
                    }
                }
            }
        }

        return snapshot;
    }

    public static List<string> Rankings(SimulationResult result) => Rankings(result.Announcements);

    public static List<string> Rankings(IEnumerable<AnnouncementResult> results) =>
        [.. results.SelectMany(a => a.Ranking.Select(r => $"{a.Announcement} {r.Rank} {r.Trainee} {r.Score} {r.Status} {r.Seat}"))];
}
