using KPops.Voting.Entries;

namespace KPops.Voting.Pipeline;

/// <summary>
/// A non-ballot entry (round open/close/extend, evaluation results, grades, quarantines, announcements) queued
/// behind the ballots before it, so that the log's order is the order things happened. Rare: allocates freely.
/// </summary>
internal sealed class EntryRequest : PipelineRequest
{
    private readonly TaskCompletionSource<EntryOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Entries.LogEntry? _entry;
    private readonly EntryBuilder? _builder;
    private EntryOutcome? _outcome;

    public EntryRequest(Entries.LogEntry entry) => _entry = entry;

    public EntryRequest(EntryBuilder builder) => _builder = builder;

    /// <summary>The entry to append at this turn (built now if the request carries a builder), or null and why not.</summary>
    public Entries.LogEntry? Build(VotingState state, out string? refusal)
    {
        refusal = null;
        if (_builder is null)
        {
            return _entry;
        }

        try
        {
            var built = _builder(state, out refusal);
            refusal ??= built is null ? "the builder made no entry" : null;
            return built;
        }
#pragma warning disable CA1031 // The caller's builder failed: refuse its entry, keep the sequencer running.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            refusal = exception.Message;
            return null;
        }
    }

    public Task<EntryOutcome> Task => _completion.Task;

    public override int BallotCount => 0;

    public override ref readonly Ballot BallotAt(int index) => throw new InvalidOperationException("An entry request holds no ballots.");

    public override bool SetOutcome(int index, in BallotOutcome outcome) => throw new InvalidOperationException("An entry request holds no ballots.");

    public void SetOutcome(EntryOutcome outcome) => _outcome = outcome;

    public override void Complete() => _completion.SetResult(_outcome ?? new EntryOutcome(SubmitStatus.Unavailable, -1, null, null));
}

/// <summary>
/// The answer to a non-ballot entry: <see cref="SubmitStatus.Accepted"/> with its index and the checkpoint that
/// covers it; <see cref="SubmitStatus.Rejected"/> with <see cref="Problem"/> (the entry does not fit the current
/// state, e.g. closing a closed round); or a storage/pipeline failure.
/// </summary>
public sealed record EntryOutcome(SubmitStatus Status, long Index, KPops.Log.SignedCheckpoint? Checkpoint, string? Problem);
