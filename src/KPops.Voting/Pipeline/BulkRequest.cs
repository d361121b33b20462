using System.Threading.Tasks.Sources;
using KPops.Voting.Entries;

namespace KPops.Voting.Pipeline;

/// <summary>
/// Many ballots submitted at once (a partner's batch, a benchmark's chunk) with one awaitable that completes
/// when every ballot has its outcome written into the caller's buffer. Pooled like <see cref="BallotRequest"/>.
/// </summary>
internal sealed class BulkRequest : PipelineRequest, IValueTaskSource
{
    private readonly RequestPool<BulkRequest> _pool;
    private ManualResetValueTaskSourceCore<bool> _core;
    private ReadOnlyMemory<Ballot> _ballots;
    private Memory<BallotOutcome> _outcomes;
    private int _remaining;

    public BulkRequest(RequestPool<BulkRequest> pool)
    {
        _pool = pool;
        _core.RunContinuationsAsynchronously = false;
    }

    public override int BallotCount => _ballots.Length;

    public ValueTask Start(ReadOnlyMemory<Ballot> ballots, Memory<BallotOutcome> outcomes)
    {
        _ballots = ballots;
        _outcomes = outcomes;
        _remaining = ballots.Length;
        return new ValueTask(this, _core.Version);
    }

    public override ref readonly Ballot BallotAt(int index) => ref _ballots.Span[index];

    public override bool SetOutcome(int index, in BallotOutcome outcome)
    {
        _outcomes.Span[index] = outcome;
        return --_remaining == 0;
    }

    public override void Complete() => _core.SetResult(true);

    public void GetResult(short token)
    {
        _core.GetResult(token);
        _core.Reset();
        _ballots = default;
        _outcomes = default;
        _pool.Return(this);
    }

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
