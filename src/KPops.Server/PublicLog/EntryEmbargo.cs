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
    /// How far the public may read: the first ballot still under embargo (or the committed size when none is), and the
    /// committed size itself. Read on the sequencer between commits, so the two agree; nothing (0, 0) when the log has
    /// no running pipeline, so a failure never releases entries.
    /// </summary>
    public static async Task<EntryRelease> ReadAsync(VotingHost voting)
    {
        ArgumentNullException.ThrowIfNull(voting);
        var pipeline = voting.Pipeline;
        if (pipeline is null)
        {
            return default;
        }

        try
        {
            return await pipeline.ReadAsync(state =>
            {
                long committed = pipeline.LogSize;
                return new EntryRelease(Math.Min(state.Embargo.Index, committed), committed);
            });
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }
}

/// <summary>The public may read entries [0, <paramref name="Released"/>) of the <paramref name="Committed"/> ones.</summary>
public readonly record struct EntryRelease(long Released, long Committed)
{
    /// <summary>Whether every entry of <paramref name="bundle"/> is committed.</summary>
    public bool Holds(TilePath bundle) => bundle.StartLeaf <= Committed - bundle.Width;

    /// <summary>Whether every entry of <paramref name="bundle"/> lies below the embargo horizon.</summary>
    public bool Releases(TilePath bundle) => bundle.StartLeaf <= Released - bundle.Width;
}
