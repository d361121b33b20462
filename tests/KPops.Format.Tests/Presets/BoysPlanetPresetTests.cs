using KPops.Format.Model;
using KPops.Format.Ranking;
using Xunit;

namespace KPops.Format.Tests;

public class BoysPlanetPresetTests
{
    private readonly Season _season = Presets.Load("boys-planet");

    [Fact]
    public void Forty_nine_K_and_forty_nine_G_trainees_vote_in_Korea_and_global_segments()
    {
        Assert.Equal(49, _season.Trainees.Count(t => t.Group == "k"));
        Assert.Equal(49, _season.Trainees.Count(t => t.Group == "g"));
        Assert.Equal(["korea", "global"], _season.Segments.Select(s => s.Id));
    }

    [Fact]
    public void Ballots_pick_nine_then_six_with_both_groups_represented_and_one_in_the_finale()
    {
        Assert.Equal([9, 6, 6, 1, 1], _season.Rounds.Select(r => r.Ballot.MaxPicks));
        foreach (var round in _season.Rounds.Take(3))
        {
            Assert.Equal([("k", 1), ("g", 1)], round.Ballot.GroupConstraints.Select(c => (c.Group, c.Min)));
        }
    }

    [Fact]
    public void Cuts_go_98_to_52_to_28_to_18_to_a_debut_line_up_of_9()
    {
        var results = RankingEngine.RankAll(_season, PresetCounts.Steady(_season, "korea"));

        Assert.Equal([98, 52, 28, 18], results.Select(r => r.Ranking.Count));
        Assert.Equal([52, 28, 18, 9], results.Select(r => r.Survivors.Count()));
    }

    [Fact]
    public void Half_the_score_is_the_Korean_share_and_half_the_global_share()
    {
        var counts = new InMemorySeasonCounts();
        // k02 is strong only in Korea; g04 and k10 split their votes. Korea cast 1,000 votes, the world 400.
        counts.Add("vote-1", "k02", "korea", Channel.Default, 800);
        counts.Add("vote-1", "g04", "korea", Channel.Default, 100);
        counts.Add("vote-1", "g04", "global", Channel.Default, 300);
        counts.Add("vote-1", "k10", "korea", Channel.Default, 100);
        counts.Add("vote-1", "k10", "global", Channel.Default, 100);

        var ranking = RankingEngine.Rank(_season, "ranking-1", counts, new Dictionary<string, AnnouncementResult>()).Ranking;

        Assert.Equal(["g04", "k02", "k10"], ranking.Take(3).Select(r => r.Trainee));
        Assert.Equal([42.5m, 40m, 17.5m], ranking.Take(3).Select(r => r.Score));
        var g04 = ranking[0].Breakdown;
        Assert.Equal([("korea", 100m, 5m), ("global", 300m, 37.5m)], g04.Select(b => (b.Label, b.Counted, b.Points)));
        Assert.Equal(0m, ranking[3].Score);
    }

    [Fact]
    public void Global_trainees_keep_their_own_spelling()
    {
        var zhangHao = _season.Trainees.Single(t => t.Hangul == "장하오");

        Assert.Equal(("g", "CN", "Zhang Hao"), (zhangHao.Group, zhangHao.Nationality, Romanizer.DisplayRomanized(zhangHao)));
    }
}
