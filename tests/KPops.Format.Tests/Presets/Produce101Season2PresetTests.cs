using KPops.Format.Model;
using KPops.Format.Ranking;
using Xunit;

namespace KPops.Format.Tests;

public class Produce101Season2PresetTests
{
    private readonly Season _season = Presets.Load("produce-101-s2");

    [Fact]
    public void Ballots_go_from_eleven_picks_to_two_to_one_once_a_day_in_Seoul()
    {
        Assert.Equal("Asia/Seoul", _season.TimeZone);
        Assert.Equal([11, 11, 2, 1, 1], _season.Rounds.Select(r => r.Ballot.MaxPicks));
        Assert.All(_season.Rounds, r => Assert.Equal(1, r.Ballot.MinPicks));
        Assert.All(_season.Rounds, r => Assert.True(r.Ballot.Distinct));
        Assert.All(_season.Rounds.Take(4), r => Assert.Equal((PeriodKind.Day, 1), (r.Ballot.Period, r.Ballot.BallotsPerPeriod)));
    }

    [Fact]
    public void The_finale_adds_the_live_SMS_vote_to_the_online_pre_vote()
    {
        var finale = _season.Announcements.Single(a => a.IsFinale);
        var sms = _season.Rounds.Single(r => r.Id == "final-sms");

        Assert.Equal(["sms"], sms.Ballot.Channels.Select(c => c.Id));
        Assert.Equal(PeriodKind.Round, sms.Ballot.Period);
        Assert.Equal([("online", (string?)null), ("live", "sms")], finale.Sources.Select(s => (s.Label, s.Channel)));
    }

    [Fact]
    public void Ninety_eight_trainees_are_ranked_then_cut_to_60_35_20_and_a_debut_line_up_of_11()
    {
        var results = RankingEngine.RankAll(_season, PresetCounts.Steady(_season));

        Assert.Equal(101, _season.Trainees.Count);
        Assert.Equal([98, 60, 35, 20], results.Select(r => r.Ranking.Count));
        Assert.Equal([60, 35, 20, 11], results.Select(r => r.Survivors.Count()));
        Assert.DoesNotContain(results[0].Ranking, r => r.Trainee is "t099" or "t100" or "t101");
        Assert.Equal(_season.Trainees.Take(11).Select(t => t.Id), results[^1].Survivors);
    }

    [Fact]
    public void Group_battle_winners_earn_3000_benefit_votes_in_the_first_elimination()
    {
        var counts = PresetCounts.Steady(_season);
        counts.AddResult(new EvaluationResult("group-battle", "t050", "groupWin", 3000));

        var first = RankingEngine.Rank(_season, "ranking-1", counts, new Dictionary<string, AnnouncementResult>());
        var t050 = first.Ranking.Single(r => r.Trainee == "t050");

        Assert.Equal(100_000 - (100 * 49) + 3000, t050.Score);
        Assert.Equal(3000, t050.Breakdown.Single(b => b.Label == "benefits").Points);
        // 3,000 votes lift it past the 29 trainees 100 votes apart above it, level with t020, which the
        // last-resort id order puts first.
        Assert.Equal(21, t050.Rank);
    }

    [Fact]
    public void A_position_winner_s_100000_benefit_overtakes_a_trainee_with_more_votes()
    {
        var counts = PresetCounts.Steady(_season);
        counts.Add("online-2", "t005", 500_000); // the second period's top vote-getter
        counts.Add("online-2", "t009", 420_000);
        var withoutBenefit = RankAll(counts)["ranking-2"];

        counts.AddResult(new EvaluationResult("position", "t009", "positionFirst", 100_000));
        counts.AddResult(new EvaluationResult("position", "t009", "songFirst", 10_000));
        var withBenefit = RankAll(counts)["ranking-2"];

        Assert.Equal(["t005", "t009"], withoutBenefit.Ranking.Take(2).Select(r => r.Trainee));
        Assert.Equal(["t009", "t005"], withBenefit.Ranking.Take(2).Select(r => r.Trainee));
        var winner = withBenefit.Ranking[0];
        Assert.Equal(100_000 - 800 + 420_000 + 110_000, winner.Score);
        Assert.Equal(110_000, winner.Breakdown.Single(b => b.Label == "benefits").Counted);
    }

    private Dictionary<string, AnnouncementResult> RankAll(InMemorySeasonCounts counts) =>
        PresetCounts.ById(RankingEngine.RankAll(_season, counts));
}
