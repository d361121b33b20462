using System.Diagnostics;
using KPops.Voting.Entries;

namespace KPops.Voting.Pipeline;

/// <summary>
/// One item in the pipeline's queue: a single ballot, a bulk of ballots, or a non-ballot entry. The sequencer
/// records an outcome per ballot, then hands finished requests to <see cref="CompletionDispatcher"/>, which
/// completes their awaitables off the sequencer thread.
/// </summary>
internal abstract class PipelineRequest
{
    /// <summary><see cref="Stopwatch.GetTimestamp"/> when the request was queued: the batch age starts here.</summary>
    public long QueuedAt { get; set; }

    /// <summary>Ballots in the request (0 for a non-ballot entry).</summary>
    public abstract int BallotCount { get; }

    public abstract ref readonly Ballot BallotAt(int index);

    /// <summary>Records ballot <paramref name="index"/>'s answer; true when that was the request's last one.</summary>
    public abstract bool SetOutcome(int index, in BallotOutcome outcome);

    /// <summary>Completes the request's awaitable (runs its continuations); called once, off the sequencer.</summary>
    public abstract void Complete();
}
