using KPops.Log;

namespace KPops.Voting.Pipeline;

/// <summary>
/// The pipeline's log as an <see cref="IEntryHistory"/>, for quarantines that take back ballots counted earlier.
/// Reads go through whichever <see cref="TransparencyLog"/> instance is current (it is replaced on recovery).
/// </summary>
internal sealed class LogHistory(Func<TransparencyLog> log) : IEntryHistory
{
    public long Count => log().Size;

    public bool TryRead(long index, out ReadOnlyMemory<byte> entry)
    {
        var current = log();
        if (index < 0 || index >= current.Size)
        {
            entry = default;
            return false;
        }

        entry = current.ReadEntry(index);
        return true;
    }
}
