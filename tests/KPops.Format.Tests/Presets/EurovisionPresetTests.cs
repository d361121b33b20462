using KPops.Format.Model;
using KPops.Format.Ranking;
using Xunit;

namespace KPops.Format.Tests;

public class EurovisionPresetTests
{
    private static readonly Dictionary<string, AnnouncementResult> NoEarlier = [];

    private readonly Season _season = Presets.Load("eurovision");

    [Fact]
    public void Each_entry_belongs_to_its_country_s_segment_and_the_rest_of_the_world_votes_as_one_more_country()
    {
        var segments = _season.Segments.Select(s => s.Id).ToHashSet();

        Assert.Equal(26, _season.Trainees.Count);
        Assert.Equal(38, segments.Count);
        Assert.Contains("row", segments);
        Assert.All(_season.Trainees, t => Assert.Equal(t.Id, t.HomeSegment));
        Assert.True(_season.Rounds.Single().Ballot.ExcludeOwnSegment);
    }

    [Fact]
    public void Televote_points_go_12_10_8_down_to_1_to_a_country_s_ten_most_voted_entries()
    {
        var counts = new InMemorySeasonCounts();
        var entries = _season.Trainees.Where(t => t.Id != "gb").Take(11).Select(t => t.Id).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            counts.Add("televote", entries[i], "gb", "phone", 5_000 - (i * 100));
        }

        var televote = Televote(RankingEngine.Rank(_season, "final", counts, NoEarlier));

        Assert.Equal([12, 10, 8, 7, 6, 5, 4, 3, 2, 1, 0], entries.Select(e => televote[e]));
    }

    [Fact]
    public void A_country_gives_no_points_to_its_own_entry_even_if_it_counted_votes_for_it()
    {
        var counts = new InMemorySeasonCounts();
        counts.Add("televote", "se", "se", "phone", 9_000); // cannot happen through ballots; the ranking ignores it anyway
        counts.Add("televote", "fi", "se", "phone", 3_000);
        counts.Add("televote", "no", "se", "phone", 2_000);

        var televote = Televote(RankingEngine.Rank(_season, "final", counts, NoEarlier));

        Assert.Equal((0, 12, 10), (televote["se"], televote["fi"], televote["no"]));
    }

    [Fact]
    public void The_scoreboard_adds_jury_points_to_televote_points_and_breaks_ties_by_televote()
    {
        var counts = new InMemorySeasonCounts();
        counts.AddResult(new EvaluationResult("jury", "it", "points", 12, "fr"));
        counts.AddResult(new EvaluationResult("jury", "it", "points", 10, "de"));
        counts.AddResult(new EvaluationResult("jury", "es", "points", 12, "de"));
        counts.Add("televote", "es", "fr", "phone", 900);
        counts.Add("televote", "it", "fr", "phone", 800);

        var ranking = RankingEngine.Rank(_season, "final", counts, NoEarlier).Ranking;

        // Italy: 22 jury + 10 televote = 32; Spain: 12 jury + 12 televote = 24.
        Assert.Equal([("it", 32m), ("es", 24m)], ranking.Take(2).Select(r => (r.Trainee, r.Score)));

        counts.AddResult(new EvaluationResult("jury", "es", "points", 8, "pt"));
        var tied = RankingEngine.Rank(_season, "final", counts, NoEarlier).Ranking;

        Assert.Equal([("es", 32m), ("it", 32m)], tied.Take(2).Select(r => (r.Trainee, r.Score)));
        Assert.NotNull(tied[0].TieBrokenBy);
        Assert.Equal(SeatStatus.Survived, tied[0].Status);
    }

    private static Dictionary<string, int> Televote(AnnouncementResult result) => result.Ranking.ToDictionary(
        r => r.Trainee, r => (int)r.Breakdown.Single(b => b.Label == "televote").Points);
}
