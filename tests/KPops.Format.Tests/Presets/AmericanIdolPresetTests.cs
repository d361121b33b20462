using KPops.Format.Model;
using KPops.Format.Ranking;
using Xunit;

namespace KPops.Format.Tests;

public class AmericanIdolPresetTests
{
    private readonly Season _season = Presets.Load("american-idol");

    [Fact]
    public void Fans_vote_by_web_app_and_SMS_up_to_ten_times_per_contestant_per_method_in_each_week_s_window()
    {
        Assert.All(_season.Rounds, round =>
        {
            Assert.Equal(["web", "app", "sms"], round.Ballot.Channels.Select(c => c.Id));
            Assert.False(round.Ballot.Distinct);
            Assert.Equal(10, round.Ballot.MaxVotesPerTrainee);
            Assert.Equal(PeriodKind.Round, round.Ballot.Period);
        });
    }

    [Fact]
    public void Weekly_results_narrow_ten_contestants_to_eight_five_three_and_a_winner()
    {
        var results = RankingEngine.RankAll(_season, PresetCounts.Steady(_season));

        Assert.Equal([10, 8, 5, 3], results.Select(r => r.Ranking.Count));
        Assert.Equal([8, 5, 3, 1], results.Select(r => r.Survivors.Count()));
        Assert.True(_season.Announcements[^1].IsFinale);
    }

    [Fact]
    public void Votes_from_every_method_count_toward_the_week()
    {
        var counts = new InMemorySeasonCounts();
        counts.Add("top-10", "c10", Segment.Default, "web", 40);
        counts.Add("top-10", "c10", Segment.Default, "sms", 40);
        counts.Add("top-10", "c01", Segment.Default, "app", 70);

        var ranking = RankingEngine.Rank(_season, "top-10-results", counts, new Dictionary<string, AnnouncementResult>()).Ranking;

        Assert.Equal([("c10", 80m), ("c01", 70m)], ranking.Take(2).Select(r => (r.Trainee, r.Score)));
    }
}
