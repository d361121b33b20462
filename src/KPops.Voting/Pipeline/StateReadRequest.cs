using KPops.Voting.Entries;

namespace KPops.Voting.Pipeline;

/// <summary>
/// A read of the live state queued like an entry, run by the sequencer between batches, where the state is exactly
/// the committed log and nothing else writes it. Changes nothing, so it never ends a batch. Rare: allocates freely.
/// </summary>
internal abstract class StateReadRequest : PipelineRequest
{
    public override int BallotCount => 0;

    public override ref readonly Ballot BallotAt(int index) => throw new InvalidOperationException("A state read holds no ballots.");

    public override bool SetOutcome(int index, in BallotOutcome outcome) => throw new InvalidOperationException("A state read holds no ballots.");

    /// <summary>Runs the read on the sequencer; a failure of the read fails only its caller, never the pipeline.</summary>
    public abstract void Run(VotingState state);

    /// <summary>Answers a read the pipeline will never run (it stopped).</summary>
    public abstract void Refuse();
}

internal sealed class StateReadRequest<T>(Func<VotingState, T> read) : StateReadRequest
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _value;
    private Exception? _failure;

    public Task<T> Task => _completion.Task;

    public override void Run(VotingState state)
    {
        try
        {
            _value = read(state);
        }
#pragma warning disable CA1031 // The caller's code failed: hand the exception to the caller, keep the sequencer running.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _failure = exception;
        }
    }

    public override void Refuse() => _failure = new InvalidOperationException("The ballot pipeline is not running.");

    public override void Complete()
    {
        if (_failure is not null)
        {
            _completion.SetException(_failure);
        }
        else
        {
            _completion.SetResult(_value!);
        }
    }
}
