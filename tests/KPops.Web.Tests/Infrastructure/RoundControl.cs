using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Web.Tests.Infrastructure;

/// <summary>
/// Opens a round for voting now, in-process, the way a producer does through <c>POST /api/rounds/{id}/open</c> and
/// <c>/extend</c>: preset seasons are scheduled in the past (2019 for Produce X 101), so a round opened today also
/// needs its closing time moved into the future before it takes ballots.
/// </summary>
public static class RoundControl
{
    /// <summary>Appends <c>RoundOpened</c> and a <c>RoundExtended</c> to now + <paramref name="openFor"/> (default one day).</summary>
    public static async Task OpenRoundNowAsync(this KPopsWebServer server, string roundId, TimeSpan? openFor = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        BallotPipeline pipeline = server.Voting.Pipeline ?? throw new InvalidOperationException("The server has no season, so no pipeline.");
        var round = (ushort)pipeline.Season.RoundIndex(roundId);
        var now = DateTimeOffset.UtcNow;
        await AppendAsync(pipeline, new RoundOpened(round, now.ToUnixTimeMilliseconds()));
        long closesAt = (now + (openFor ?? TimeSpan.FromDays(1))).ToUnixTimeMilliseconds();
        await AppendAsync(pipeline, new RoundExtended(round, now.ToUnixTimeMilliseconds(), closesAt, "browser test"));
    }

    private static async Task AppendAsync(BallotPipeline pipeline, LogEntry entry)
    {
        EntryOutcome outcome = await pipeline.AppendAsync(entry);
        if (outcome.Status != SubmitStatus.Accepted)
        {
            throw new InvalidOperationException($"The log refused {entry.Kind}: {outcome.Status} {outcome.Problem}");
        }
    }
}
