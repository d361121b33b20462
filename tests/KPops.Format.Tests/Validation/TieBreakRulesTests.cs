using KPops.Format.Model;
using Xunit;
using static KPops.Format.Tests.TestSeason;

namespace KPops.Format.Tests.Validation;

public sealed class TieBreakRulesTests
{
    [Fact]
    public void Source_tie_break_must_name_a_source_of_the_announcement() =>
        ValidationAssert.Errors(WithAnnouncement(a => a with { TieBreak = [new TieBreak { Kind = TieBreakKind.Source, Ref = "televote" }] }),
            "announcements[0].tieBreak[0].ref: no source labelled \"televote\" in this announcement");

    [Fact]
    public void Source_tie_break_on_an_existing_label_is_valid() =>
        ValidationAssert.Errors(WithAnnouncement(a => a with { TieBreak = [new TieBreak { Kind = TieBreakKind.Source, Ref = "online" }] }));

    [Fact]
    public void Previous_rank_tie_break_must_name_a_known_announcement() =>
        ValidationAssert.Errors(WithAnnouncement(a => a with { TieBreak = [new TieBreak { Kind = TieBreakKind.PreviousRank, Ref = "ep0" }] }),
            "announcements[0].tieBreak[0].ref: unknown announcement \"ep0\"");

    [Fact]
    public void Previous_rank_tie_break_must_name_an_earlier_announcement()
    {
        var season = Valid();
        var ep1 = season.Announcements[0] with { TieBreak = [new TieBreak { Kind = TieBreakKind.PreviousRank, Ref = "ep2" }] };
        var ep2 = Announcement("ep2", Votes("online", "r1")) with
        {
            TieBreak = [new TieBreak { Kind = TieBreakKind.PreviousRank, Ref = "ep1" }],
        };

        ValidationAssert.Errors(season with { Announcements = [ep1, ep2] },
            "announcements[0].tieBreak[0].ref: must name an earlier announcement; \"ep2\" is not before this one");
    }
}
