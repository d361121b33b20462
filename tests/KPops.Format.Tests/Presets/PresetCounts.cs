using KPops.Format.Model;
using KPops.Format.Ranking;
using Xunit;

namespace KPops.Format.Tests;

/// <summary>Builds counts for preset tests: a steady vote pattern over every trainee, plus chosen exceptions.</summary>
internal static class PresetCounts
{
    /// <summary>
    /// In each round, trainee number i of the season (in file order) gets <c>100,000 − 100 × i</c> votes, so lower
    /// numbers always rank higher and every cut keeps a known block.
    /// </summary>
    public static InMemorySeasonCounts Steady(Season season, string segment = Segment.Default)
    {
        var counts = new InMemorySeasonCounts();
        foreach (var round in season.Rounds)
        {
            var channel = round.Ballot.Channels.Count > 0 ? round.Ballot.Channels[0].Id : Channel.Default;
            for (var i = 0; i < season.Trainees.Count; i++)
            {
                counts.Add(round.Id, season.Trainees[i].Id, segment, channel, 100_000 - (100 * i));
            }
        }

        return counts;
    }

    public static Dictionary<string, AnnouncementResult> ById(IEnumerable<AnnouncementResult> results) =>
        results.ToDictionary(r => r.Announcement, StringComparer.Ordinal);
}
