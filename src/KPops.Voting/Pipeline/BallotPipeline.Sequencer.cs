using System.Diagnostics;
using KPops.Log;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Voting.Pipeline;

/// <summary>The sequencer thread: everything here runs on it alone, so none of it needs locks.</summary>
public sealed partial class BallotPipeline
{
    /// <summary>
    /// How many ballots ahead the sequencer prefetches quota slots: with millions of voters each lookup is a cache
    /// miss, and asking early lets about this many misses overlap instead of waiting for each in turn.
    /// </summary>
    private const int PrefetchDistance = 32;

    private readonly int _maxBatch;
    private readonly long _maxAgeTicks;
    private readonly long _singleAgeTicks;
    private readonly PendingBallot[] _pending;
    private readonly BatchConflicts _conflicts;
    private readonly EntryBatch _batch;
    private readonly CompletionDispatcher _dispatcher = new();
    private readonly List<PipelineRequest> _finished = [];
    private List<PendingBallot> _carried = [];
    private List<PendingBallot> _carriedNext = [];
    private int _pendingCount;
    private PipelineRequest? _current;
    private int _currentOffset;

    private void StartSequencer()
    {
        var thread = new Thread(RunSequencer) { IsBackground = true, Name = "kpops-sequencer" };
        thread.Start();
    }

    private void RunSequencer()
    {
        try
        {
            while (_fault is null && FillBatch(out var entry))
            {
                // Rejections and duplicates were decided against committed state: answer them before the slow part.
                _dispatcher.Dispatch(_finished);
                if (_pendingCount > 0)
                {
                    CommitBallots();
                }

                if (entry is not null && _fault is null)
                {
                    CommitEntry(entry);
                }
            }
        }
#pragma warning disable CA1031 // A bug must not leave callers waiting forever: fault the pipeline and answer everyone.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _fault = exception;
        }
        finally
        {
            AnswerRemaining();
            _stopped.TrySetResult();
        }
    }

    /// <summary>
    /// Builds the next batch: first the ballots held back from the previous one, then queued requests, until the
    /// batch holds <see cref="BallotPipelineOptions.MaxBatchSize"/> ballots, or the queue is empty and the batch's
    /// oldest ballot has waited <see cref="BallotPipelineOptions.MaxBatchAge"/> (<see cref="BallotPipelineOptions.SingleBallotBatchAge"/>
    /// when the batch holds a single ballot's request), or a non-ballot entry comes next
    /// (returned in <paramref name="entry"/> when no ballots precede it). False when the queue is closed and drained.
    /// </summary>
    private bool FillBatch(out EntryRequest? entry)
    {
        entry = null;
        _pendingCount = 0;
        _batch.Clear();
        _conflicts.Clear();
        var considered = 0;
        // A request cut by the previous batch's size limit continues here: its ballots are as old as it is.
        var oldest = _current?.QueuedAt ?? long.MaxValue;
        var maxAge = _current is null ? _maxAgeTicks : AgeLimit(_current);
        (_carried, _carriedNext) = (_carriedNext, _carried);
        foreach (var held in _carried)
        {
            oldest = Math.Min(oldest, held.Request.QueuedAt);
            maxAge = Math.Min(maxAge, AgeLimit(held.Request));
            Consider(held.Request, held.Slot);
            considered++;
        }

        _carried.Clear();
        while (true)
        {
            if (_current is null)
            {
                if (!_queue.Reader.TryRead(out var next))
                {
                    var holding = considered > 0 || _carriedNext.Count > 0;
                    if (!holding)
                    {
                        _dispatcher.Dispatch(_finished);
                        if (!WaitForWork(Timeout.InfiniteTimeSpan))
                        {
                            return false;
                        }

                        continue;
                    }

                    _dispatcher.Dispatch(_finished);
                    var left = oldest + maxAge - Stopwatch.GetTimestamp();
                    if (left <= 0 || !WaitForWork(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency)))
                    {
                        return true;
                    }

                    continue;
                }

                _current = next;
                _currentOffset = 0;
                oldest = Math.Min(oldest, next.QueuedAt);
                maxAge = Math.Min(maxAge, AgeLimit(next));
            }

            if (_current is StateReadRequest read)
            {
                // The state holds only committed entries here (pending ballots are applied after their commit), and a
                // read changes nothing: run it now, without ending the batch.
                read.Run(State);
                _finished.Add(read);
                _current = null;
                continue;
            }

            if (_current is EntryRequest request)
            {
                if (_pendingCount > 0 || _carriedNext.Count > 0)
                {
                    // Ballots queued before the entry are committed first; the entry starts the next round.
                    return true;
                }

                entry = request;
                _current = null;
                return true;
            }

            var count = _current.BallotCount;
            var start = _currentOffset;
            var limit = _maxBatch * 2;
            while (_currentOffset < count && _pendingCount < _maxBatch && considered < limit)
            {
                if (_currentOffset + PrefetchDistance < count)
                {
                    State.Prefetch(_current.BallotAt(_currentOffset + PrefetchDistance));
                }

                Consider(_current, _currentOffset++);
                considered++;
            }

            Interlocked.Add(ref _queued, start - _currentOffset);
            if (_currentOffset == count)
            {
                // No current request means offset 0: AnswerRemaining starts each request it drains from there.
                _current = null;
                _currentOffset = 0;
            }

            if (_pendingCount >= _maxBatch || considered >= limit)
            {
                return true;
            }
        }
    }

    private long AgeLimit(PipelineRequest request) => request is BallotRequest ? _singleAgeTicks : _maxAgeTicks;

    /// <summary>Checks one ballot against committed state: rejected and duplicate ones are answered, accepted ones encoded.</summary>
    private void Consider(PipelineRequest request, int slot)
    {
        ref readonly var ballot = ref request.BallotAt(slot);
        var check = State.Check(ballot, out var original);
        switch (check)
        {
            case BallotCheck.Accepted:
                if (!_conflicts.TryAdd(ballot))
                {
                    // Same voter, round, period and channel as a ballot pending in this batch: decide it next batch.
                    _carriedNext.Add(new PendingBallot(request, slot));
                    return;
                }

                var span = _batch.GetEntrySpan(BallotCodec.MaxSize);
                BallotCodec.TryWrite(ballot, span, out var written);
                _batch.CommitEntry(written);
                _pending[_pendingCount++] = new PendingBallot(request, slot);
                return;
            case BallotCheck.DuplicateBallot:
                // The original is committed (state only holds committed ballots), so the current checkpoint covers it.
                Finish(request, slot, new BallotOutcome(SubmitStatus.Duplicate, check, original, _log.Checkpoint));
                return;
            default:
                Finish(request, slot, BallotOutcome.Rejected(check));
                return;
        }
    }

    /// <summary>
    /// One durable commit for the batch's accepted ballots. Crash meaning of each step:
    /// before AppendBatch returns, nothing of the batch is acknowledged — a crash leaves at most an uncommitted tail
    /// that the log's recovery truncates (or, if the checkpoint was already replaced, a committed batch whose ballots
    /// were never answered: a resubmission gets <c>duplicate-ballot</c> with the original receipt). After it returns,
    /// the batch is in the log for good; the state is then caught up from those very bytes, and only then are the
    /// receipts handed out.
    /// </summary>
    private void CommitBallots()
    {
        var first = _log.Size;
        AppendResult result;
        try
        {
            result = _log.AppendBatch(_batch);
        }
#pragma warning disable CA1031 // Whatever failed, the batch is unacknowledged and the log must be recovered.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LastStorageError = exception;
            for (var i = 0; i < _pendingCount; i++)
            {
                Finish(_pending[i].Request, _pending[i].Slot, BallotOutcome.Of(SubmitStatus.StorageUnavailable));
            }

            _pendingCount = 0;
            _dispatcher.Dispatch(_finished);
            Recover();
            return;
        }

        _storageFailures = 0;
        ApplyCheckedBallots(first);
        var checkpoint = result.Checkpoint;
        for (var i = 0; i < _pendingCount; i++)
        {
            var outcome = new BallotOutcome(SubmitStatus.Accepted, BallotCheck.Accepted, first + i, checkpoint);
            if (_options.EagerReceipts)
            {
                outcome = outcome with { Receipt = Receipt(outcome) };
            }

            Finish(_pending[i].Request, _pending[i].Slot, outcome);
        }

        var committed = _pendingCount;
        _pendingCount = 0;
        _dispatcher.Dispatch(_finished);
        BatchCommitted?.Invoke(committed);
    }

    private void CommitEntry(EntryRequest request)
    {
        var first = _log.Size;
        var entry = request.Build(State, out var problem);
        problem ??= entry is null ? "no entry" : State.Validate(entry, first);
        if (entry is null || problem is not null)
        {
            request.SetOutcome(new EntryOutcome(SubmitStatus.Rejected, -1, null, problem));
            _finished.Add(request);
            _dispatcher.Dispatch(_finished);
            return;
        }

        _batch.Clear();
        _batch.Add(entry.ToBytes());
        try
        {
            var result = _log.AppendBatch(_batch);
            _storageFailures = 0;
            ApplyCommitted(first, 1);
            request.SetOutcome(new EntryOutcome(SubmitStatus.Accepted, first, result.Checkpoint, null));
        }
#pragma warning disable CA1031 // As for ballots: unacknowledged, recover the log.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            request.SetOutcome(new EntryOutcome(SubmitStatus.StorageUnavailable, -1, null, exception.Message));
            _finished.Add(request);
            _dispatcher.Dispatch(_finished);
            Recover();
            return;
        }

        _finished.Add(request);
        _dispatcher.Dispatch(_finished);
    }

    /// <summary>Applies the batch just committed, from its encoded bytes, through the replayer.</summary>
    private void ApplyCommitted(long first, int count)
    {
        if (_replayer.NextIndex != first)
        {
            // The state lags the log (cannot happen unless a recovery was interrupted): replay from the log instead.
            CatchUp();
            return;
        }

        var reader = new EntryBundleReader(_batch.Encoded);
        for (var i = 0; i < count; i++)
        {
            reader.TryReadNext(out var entry);
            _replayer.Apply(entry);
        }
    }

    /// <summary>
    /// Applies the batch of ballots just committed. Each was checked against this very state when it joined the
    /// batch and no two share a quota key, so they are recorded without a second lookup of the rules; the replay
    /// and recount path (<see cref="LogReplayer.Apply"/>) must and does reach the same state from the log's bytes.
    /// </summary>
    private void ApplyCheckedBallots(long first)
    {
        if (_replayer.NextIndex != first)
        {
            CatchUp();
            return;
        }

        for (var i = 0; i < _pendingCount; i++)
        {
            if (i + PrefetchDistance < _pendingCount)
            {
                State.Prefetch(_pending[i + PrefetchDistance].Request.BallotAt(_pending[i + PrefetchDistance].Slot));
            }

            _replayer.ApplyChecked(_pending[i].Request.BallotAt(_pending[i].Slot));
        }
    }

    private bool WaitForWork(TimeSpan timeout)
    {
        var wait = _queue.Reader.WaitToReadAsync();
        if (wait.IsCompleted)
        {
            return wait.Result;
        }

        var task = wait.AsTask();
        return timeout == Timeout.InfiniteTimeSpan ? task.GetAwaiter().GetResult() : task.Wait(timeout) && task.Result;
    }

    private void Finish(PipelineRequest request, int slot, in BallotOutcome outcome)
    {
        if (request.SetOutcome(slot, outcome))
        {
            _finished.Add(request);
        }
    }

    /// <summary>On shutdown or fault: every ballot still held or queued is answered, none is left waiting.</summary>
    private void AnswerRemaining()
    {
        var status = _fault is null ? SubmitStatus.Unavailable : SubmitStatus.StorageUnavailable;
        _closed = true;
        _queue.Writer.TryComplete();
        for (var i = 0; i < _pendingCount; i++)
        {
            Finish(_pending[i].Request, _pending[i].Slot, BallotOutcome.Of(status));
        }

        _pendingCount = 0;
        RefuseWaiting(status, "the pipeline stopped", runReads: false);
    }

    private readonly record struct PendingBallot(PipelineRequest Request, int Slot);
}
