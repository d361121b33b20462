using KPops.Format.Model;
using Xunit;
using static KPops.Format.Tests.TestSeason;

namespace KPops.Format.Tests.Validation;

public sealed class AnnouncementRulesTests
{
    private static Season WithSources(params ScoreSource[] sources) => WithAnnouncement(a => a with { Sources = sources });

    [Fact]
    public void Announcement_needs_a_source() =>
        ValidationAssert.Errors(WithSources(), "announcements[0].sources: must have at least one source");

    [Fact]
    public void Source_labels_must_be_unique() =>
        ValidationAssert.Errors(WithSources(Votes("online", "r1"), Benefits("online", "battle")),
            "announcements[0].sources[1].label: duplicate label \"online\", first used at announcements[0].sources[0]");

    [Fact]
    public void Source_needs_a_label() =>
        ValidationAssert.Errors(WithSources(Votes("", "r1")), "announcements[0].sources[0].label: must not be empty");

    [Fact]
    public void Votes_source_must_name_existing_rounds() =>
        ValidationAssert.Errors(WithSources(Votes("online", "r1", "r9")), "announcements[0].sources[0].rounds[1]: unknown round \"r9\"");

    [Fact]
    public void Votes_source_needs_a_round() =>
        ValidationAssert.Errors(WithSources(Votes("online")), "announcements[0].sources[0].rounds: a votes source needs at least one round");

    [Fact]
    public void Evaluations_source_must_name_existing_evaluations() =>
        ValidationAssert.Errors(WithSources(Benefits("benefits", "battle", "dance")),
            "announcements[0].sources[0].evaluations[1]: unknown evaluation \"dance\"");

    [Fact]
    public void Evaluations_source_needs_an_evaluation() =>
        ValidationAssert.Errors(WithSources(Benefits("benefits")),
            "announcements[0].sources[0].evaluations: an evaluations source needs at least one evaluation");

    [Fact]
    public void Fields_that_a_source_kind_does_not_read_are_rejected() =>
        ValidationAssert.Errors(
            WithSources(
                Votes("online", "r1") with { Evaluations = ["battle"], Points = [12] },
                Benefits("benefits", "battle") with { Rounds = ["r1"], Channel = "web" }),
            "announcements[0].sources[0].evaluations: only used by evaluations sources",
            "announcements[0].sources[0].points: only used by segmentPoints sources",
            "announcements[0].sources[1].rounds: not used by evaluations sources",
            "announcements[0].sources[1].channel: not used by evaluations sources");

    [Fact]
    public void Segment_points_source_needs_points() =>
        ValidationAssert.Errors(WithSources(Votes("televote", "r1") with { Kind = SourceKind.SegmentPoints }),
            "announcements[0].sources[0].points: a segmentPoints source needs points for 1st, 2nd, … place, e.g. [12, 10, 8]");

    [Fact]
    public void Segment_points_cannot_be_negative() =>
        ValidationAssert.Errors(WithSources(Votes("televote", "r1") with { Kind = SourceKind.SegmentPoints, Points = [12, -10] }),
            "announcements[0].sources[0].points[1]: must be ≥ 0");

    [Fact]
    public void Source_weight_cannot_be_negative() =>
        ValidationAssert.Errors(WithSources(Votes("online", "r1") with { Weight = -0.5m }), "announcements[0].sources[0].weight: must be ≥ 0");

    [Fact]
    public void Source_weight_may_be_zero() =>
        ValidationAssert.Errors(WithSources(Votes("online", "r1") with { Weight = 0m }));

    [Fact]
    public void Share_scale_must_be_positive() =>
        ValidationAssert.Errors(WithSources(Votes("online", "r1") with { Conversion = Conversion.Share, Scale = 0m }),
            "announcements[0].sources[0].scale: must be > 0");

    [Fact]
    public void Scale_only_applies_to_shares() =>
        ValidationAssert.Errors(WithSources(Votes("online", "r1") with { Scale = 100m }),
            "announcements[0].sources[0].scale: only applies to the share conversion");

    [Fact]
    public void Source_segment_must_be_declared() =>
        ValidationAssert.Errors(WithSources(Votes("japan", "r1") with { Segment = "jp" }), "announcements[0].sources[0].segment: unknown segment \"jp\"");

    [Fact]
    public void Source_channel_must_be_offered_by_one_of_its_rounds() =>
        ValidationAssert.Errors(WithSources(Votes("sms", "r1") with { Channel = "sms" }),
            "announcements[0].sources[0].channel: no round of this source has a channel \"sms\"");

    [Fact]
    public void A_round_without_channels_offers_the_default_channel() =>
        ValidationAssert.Errors(WithSources(Votes("web", "r1") with { Channel = Channel.Default }));

    [Fact]
    public void Source_cannot_count_a_round_that_closes_after_the_announcement_airs() =>
        ValidationAssert.Errors(WithAnnouncement(a => a with { At = Start.AddDays(3) }),
            "announcements[0].sources[0].rounds[0]: round \"r1\" closes after this announcement airs");

    [Theory]
    [InlineData(0, "announcements[0].cutLine: must be ≥ 1")]
    [InlineData(5, "announcements[0].cutLine: must be ≤ the pool size (4)")]
    public void Cut_line_must_fall_within_the_pool(int cutLine, string error) =>
        ValidationAssert.Errors(WithAnnouncement(a => a with { CutLine = cutLine }), error);

    [Fact]
    public void Cut_line_may_keep_the_whole_pool() =>
        ValidationAssert.Errors(WithAnnouncement(a => a with { CutLine = 4 }));

    [Fact]
    public void Only_one_announcement_is_the_finale()
    {
        var season = Valid();
        var ep1 = season.Announcements[0] with { IsFinale = true };
        var ep2 = Announcement("ep2", Votes("online", "r1")) with { IsFinale = true };

        ValidationAssert.Errors(season with { Announcements = [ep1, ep2] },
            "announcements[1].isFinale: only one announcement can be the finale; announcements[0] is already");
    }

    [Fact]
    public void Announcement_ids_must_be_unique()
    {
        var season = Valid();
        ValidationAssert.Errors(season with { Announcements = [season.Announcements[0], Announcement("ep1", Votes("online", "r1"))] },
            "announcements[1].id: duplicate id \"ep1\", first used at announcements[0]");
    }
}
