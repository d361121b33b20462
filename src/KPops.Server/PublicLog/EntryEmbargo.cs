using KPops.Log;
using KPops.Server.Voting;
using KPops.Voting;

namespace KPops.Server.PublicLog;

/// <summary>
/// Holds back entry bundles that hold a ballot still under embargo (see <see cref="EmbargoHorizon"/>): anyone could
/// otherwise tally a round from the log before its announcement. Hash tiles and the checkpoint stay public, so
/// receipts and witnesses keep verifying; the entries follow once the round's announcements are published.
/// </summary>
public static class EntryEmbargo
{
    /// <summary>
    /// The number of leading log entries the public may read: the first ballot still under embargo, or the committed
    /// log size when none is. Read on the sequencer between commits, so the two agree; 0 (nothing) when the log has
    /// no running pipeline, so a failure never releases entries.
    /// </summary>
    public static async Task<long> ReleasedEntriesAsync(VotingHost voting)
    {
        ArgumentNullException.ThrowIfNull(voting);
        var pipeline = voting.Pipeline;
        if (pipeline is null)
        {
            return 0;
        }

        try
        {
            return await pipeline.ReadAsync(state => Math.Min(state.Embargo.Index, pipeline.LogSize));
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    /// <summary>Whether every entry of <paramref name="bundle"/> lies below <paramref name="releasedEntries"/>.</summary>
    public static bool IsReleased(TilePath bundle, long releasedEntries) =>
        bundle.StartLeaf <= releasedEntries - bundle.Width;
}
