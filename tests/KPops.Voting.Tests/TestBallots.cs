using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Voting.Tests;

/// <summary>Builds ballots by ids, stamped the way the live pipeline stamps them (server time and period).</summary>
internal static class TestBallots
{
    private static readonly VoterPseudonymizer Pseudonyms = new(new byte[32]);

    public static VoterPseudonym Voter(string account) => Pseudonyms.Of(account);

    public static Ballot Make(
        CompiledSeason season,
        string round,
        string voter,
        DateTimeOffset at,
        string[] picks,
        uint nonce = 0,
        string? channel = null,
        string? segment = null)
    {
        var roundIndex = season.RoundIndex(round);
        var pickIndices = picks.Select(p => season.TryGetTrainee(p, out var i) ? (ushort)i : (ushort)9999).ToArray();
        var time = at.ToUnixTimeMilliseconds();
        return new Ballot(pickIndices)
        {
            Round = (ushort)roundIndex,
            Voter = Voter(voter),
            Period = season.PeriodOf(roundIndex, time),
            Nonce = nonce,
            Channel = (byte)(channel is null ? 0 : season.Round(roundIndex).ChannelIndex(channel)),
            Segment = (ushort)(segment is null ? 0 : season.SegmentIndex(segment)),
            ServerTimeMs = time,
        };
    }

    public static byte[] Encode(in Ballot ballot)
    {
        var buffer = new byte[BallotCodec.MaxSize];
        Assert.True(BallotCodec.TryWrite(ballot, buffer, out var written));
        return buffer[..written];
    }

    public static void AssertSame(in Ballot expected, in Ballot actual)
    {
        Assert.Equal(expected.Round, actual.Round);
        Assert.Equal(expected.Voter, actual.Voter);
        Assert.Equal(expected.Period, actual.Period);
        Assert.Equal(expected.Nonce, actual.Nonce);
        Assert.Equal(expected.Channel, actual.Channel);
        Assert.Equal(expected.Segment, actual.Segment);
        Assert.Equal(expected.ServerTimeMs, actual.ServerTimeMs);
        Assert.Equal(expected.Picks.ToArray(), actual.Picks.ToArray());
    }
}
