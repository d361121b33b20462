using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Web.Tests.Infrastructure;

/// <summary>
/// Puts ballots straight into the server's ballot pipeline, as the ballot endpoint would after sign-in, so a test can
/// make counts move quickly without driving a fan's browser for every vote.
/// </summary>
public static class BallotInjector
{
    /// <summary>
    /// Casts a ballot for <paramref name="traineeIds"/> in <paramref name="roundId"/> as the account
    /// <paramref name="voterAccountId"/> (any string: it is pseudonymized as for a signed-in fan), stamped with the
    /// server's clock, and returns the pipeline's outcome (accepted or the refusal).
    /// </summary>
    public static async Task<BallotOutcome> CastAsync(
        this KPopsWebServer server, string roundId, string voterAccountId, IReadOnlyList<string> traineeIds, string? segment = null, uint nonce = 0)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(traineeIds);
        BallotPipeline pipeline = server.Voting.Pipeline ?? throw new InvalidOperationException("The server has no season, so no pipeline.");
        var season = pipeline.Season;
        ushort[] picks = [.. traineeIds.Select(id => (ushort)season.TraineeIndex(id))];
        var ballot = new Ballot(picks)
        {
            Round = (ushort)season.RoundIndex(roundId),
            Voter = server.Voting.Pseudonyms.Of(voterAccountId),
            Nonce = nonce,
            Segment = segment is null ? (ushort)0 : (ushort)season.SegmentIndex(segment),
        };
        return await pipeline.SubmitAsync(season.Stamp(ballot, TimeProvider.System));
    }
}
