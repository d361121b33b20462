using System.Threading.Tasks.Sources;
using KPops.Voting.Entries;

namespace KPops.Voting.Pipeline;

/// <summary>
/// A single submitted ballot and its awaitable, pooled: renting one, awaiting it and returning it allocate
/// nothing in steady state. The awaiter's <see cref="GetResult"/> returns it to the pool.
/// </summary>
internal sealed class BallotRequest : PipelineRequest, IValueTaskSource<BallotOutcome>
{
    private readonly RequestPool<BallotRequest> _pool;
    private ManualResetValueTaskSourceCore<BallotOutcome> _core;
    private Ballot _ballot;
    private BallotOutcome _outcome;

    public BallotRequest(RequestPool<BallotRequest> pool)
    {
        _pool = pool;
        // Completion already runs on a dispatcher thread, never the sequencer: continuations may run inline.
        _core.RunContinuationsAsynchronously = false;
    }

    public override int BallotCount => 1;

    public ValueTask<BallotOutcome> Start(in Ballot ballot)
    {
        _ballot = ballot;
        return new ValueTask<BallotOutcome>(this, _core.Version);
    }

    public override ref readonly Ballot BallotAt(int index) => ref _ballot;

    public override bool SetOutcome(int index, in BallotOutcome outcome)
    {
        _outcome = outcome;
        return true;
    }

    public override void Complete() => _core.SetResult(_outcome);

    public BallotOutcome GetResult(short token)
    {
        var result = _core.GetResult(token);
        _core.Reset();
        _outcome = default;
        _pool.Return(this);
        return result;
    }

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
