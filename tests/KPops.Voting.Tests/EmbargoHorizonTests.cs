using KPops.Format;
using KPops.Format.Model;

namespace KPops.Voting.Tests;

/// <summary>Produce X 101: ranking-1 counts online-1, ranking-2 counts online-2 and seats one trainee by the revival vote.</summary>
public sealed class EmbargoHorizonTests
{
    private static readonly Season Season = Presets.Load("produce-x-101");

    private static int Round(string id) => Season.Rounds.Select(r => r.Id).ToList().IndexOf(id);

    private static int Announcement(string id) => Season.Announcements.Select(a => a.Id).ToList().IndexOf(id);

    [Fact]
    public void Horizon_is_the_first_ballot_of_a_round_whose_announcement_is_not_published()
    {
        var horizon = new EmbargoHorizon(Season);
        Assert.Equal(EmbargoHorizon.None, horizon.Index);

        horizon.NoteBallot(Round("online-1"), 5);
        horizon.NoteBallot(Round("online-1"), 7);
        horizon.NoteBallot(Round("online-2"), 10);

        Assert.Equal(5, horizon.Index);
    }

    [Fact]
    public void Closing_a_counted_round_keeps_its_ballots_embargoed_until_the_announcement()
    {
        var horizon = new EmbargoHorizon(Season);
        horizon.NoteBallot(Round("online-1"), 5);
        horizon.NoteBallot(Round("online-2"), 10);

        horizon.RoundClosed(Round("online-1"));
        Assert.Equal(5, horizon.Index);

        horizon.AnnouncementPublished(Announcement("ranking-1"));
        Assert.Equal(10, horizon.Index);
        Assert.False(horizon.IsEmbargoed(Round("online-1")));
    }

    [Fact]
    public void A_round_only_a_special_seat_counts_waits_for_that_announcement()
    {
        var horizon = new EmbargoHorizon(Season);
        horizon.NoteBallot(Round("revival"), 3);

        horizon.RoundClosed(Round("revival"));
        horizon.AnnouncementPublished(Announcement("ranking-1"));
        Assert.Equal(3, horizon.Index);

        horizon.AnnouncementPublished(Announcement("ranking-2"));
        Assert.Equal(EmbargoHorizon.None, horizon.Index);
    }

    [Fact]
    public void Cumulative_special_seats_do_not_hold_back_a_round_whose_ranking_is_published()
    {
        var horizon = new EmbargoHorizon(Season);
        horizon.NoteBallot(Round("online-1"), 1);

        horizon.AnnouncementPublished(Announcement("ranking-1"));

        Assert.Equal(EmbargoHorizon.None, horizon.Index);
        Assert.True(horizon.IsEmbargoed(Round("final-online")));
    }

    [Fact]
    public void Ballots_of_a_released_round_never_move_the_horizon_back()
    {
        var horizon = new EmbargoHorizon(Season);
        horizon.AnnouncementPublished(Announcement("ranking-1"));

        horizon.NoteBallot(Round("online-1"), 2);
        horizon.NoteBallot(Round("online-3"), 9);

        Assert.Equal(9, horizon.Index);
    }
}
