using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Server.Voting;

/// <summary>Turns the ids a voter sends into the pipeline's compact <see cref="Ballot"/> (indices into the season).</summary>
internal static class BallotForm
{
    public static bool TryBuild(CompiledSeason season, string roundId, CastBallotRequest cast, VoterPseudonym voter,
        out Ballot ballot, out string refusal)
    {
        ballot = default;
        if (!season.TryGetRound(roundId, out int round))
        {
            refusal = BallotCheck.UnknownRound.ToCode();
            return false;
        }

        string[] picks = cast.Picks ?? [];
        if (picks.Length > BallotPicks.Capacity)
        {
            refusal = BallotCheck.TooManyPicks.ToCode();
            return false;
        }

        Span<ushort> indices = stackalloc ushort[picks.Length];
        for (int i = 0; i < picks.Length; i++)
        {
            if (picks[i] is null || !season.TryGetTrainee(picks[i], out int trainee))
            {
                refusal = BallotCheck.UnknownTrainee.ToCode();
                return false;
            }

            indices[i] = (ushort)trainee;
        }

        int channel = cast.Channel is null ? 0 : season.Round(round).ChannelIndex(cast.Channel);
        if (channel < 0)
        {
            refusal = BallotCheck.UnknownChannel.ToCode();
            return false;
        }

        int segment = 0;
        if (cast.Segment is not null && !season.TryGetSegment(cast.Segment, out segment))
        {
            refusal = BallotCheck.UnknownSegment.ToCode();
            return false;
        }

        ballot = new Ballot(indices)
        {
            Round = (ushort)round,
            Voter = voter,
            Nonce = cast.Nonce ?? 0,
            Channel = (byte)channel,
            Segment = (ushort)segment,
        };
        refusal = "";
        return true;
    }
}
