using System.Diagnostics;
using KPops.Log;

namespace KPops.Voting.Pipeline;

/// <summary>
/// What the sequencer does when the log's storage fails (a write, an fsync, a full disk): it never acknowledges the
/// failed batch, never makes anyone wait for the disk to come back, and never gives up on it. See docs/pipeline.md.
/// </summary>
public sealed partial class BallotPipeline
{
    private const string StorageFailingProblem = "the vote log's storage is failing; retry";

    /// <summary>Set while the storage is failing: submissions are answered <c>storage-unavailable</c> without queuing.</summary>
    private volatile bool _storageFailing;

    /// <summary>Failed appends and failed re-opens since the last successful commit; sets the probe backoff.</summary>
    private int _storageFailures;

    /// <summary><see cref="Stopwatch"/> timestamp of the next re-open attempt while the storage is failing.</summary>
    private long _nextProbeAt;

    /// <summary>
    /// True while the log's storage is failing: every ballot and entry is answered <c>storage-unavailable</c> at once
    /// while the sequencer keeps re-opening the log in the background; false again as soon as a re-open works.
    /// </summary>
    public bool IsStorageFailing => _storageFailing;

    /// <summary>
    /// How long a client refused with <c>storage-unavailable</c> should wait before it retries: the time until the
    /// sequencer's next attempt to re-open the log (at least one second, the resolution of <c>Retry-After</c>).
    /// </summary>
    public TimeSpan StorageRetryAfter
    {
        get
        {
            var left = Volatile.Read(ref _nextProbeAt) - Stopwatch.GetTimestamp();
            var wait = left > 0 ? TimeSpan.FromSeconds((double)left / Stopwatch.Frequency) : TimeSpan.Zero;
            return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
        }
    }

    /// <summary>
    /// Why a submission is refused before it is queued, or null when it may be queued: the pipeline is closed or
    /// broken (<c>unavailable</c>), or only its disk is failing (<c>storage-unavailable</c>).
    /// </summary>
    private SubmitStatus? DoorRefusal =>
        _closed || _fault is not null ? SubmitStatus.Unavailable
        : _storageFailing ? SubmitStatus.StorageUnavailable
        : null;

    /// <summary>
    /// After a failed append, whose batch has been answered <c>storage-unavailable</c>. The first failure after a good
    /// commit may be a glitch: re-open the log up to <see cref="BallotPipelineOptions.RecoveryAttempts"/> times,
    /// <see cref="BallotPipelineOptions.RecoveryDelay"/> apart, while the ballots behind it wait. Otherwise the storage
    /// is failing: <see cref="RideOutStorageFailure"/> until a re-open works. Re-opening recovers the log — it truncates
    /// whatever the failed batch left past the durable checkpoint and checks the stored tree against that checkpoint —
    /// and the state is then caught up with whatever the log holds (the failed batch too, if its checkpoint did get
    /// written). So whatever the storage did, the state is exactly the committed log and nothing uncommitted is served.
    /// </summary>
    private void Recover()
    {
        if (++_storageFailures == 1)
        {
            for (var attempt = 1; attempt <= _options.RecoveryAttempts; attempt++)
            {
                if (TryReopen())
                {
                    return;
                }

                if (attempt < _options.RecoveryAttempts)
                {
                    Thread.Sleep(_options.RecoveryDelay);
                }
            }
        }

        RideOutStorageFailure();
    }

    /// <summary>
    /// The storage keeps failing: answer every held, queued and arriving ballot and entry <c>storage-unavailable</c> at
    /// once (reads of the committed state still run), and re-open the log with a backoff doubling from
    /// <see cref="BallotPipelineOptions.RecoveryDelay"/> to <see cref="BallotPipelineOptions.MaxRecoveryDelay"/>, for as
    /// long as it takes. A re-open that works resumes normal service; its first batch then tells whether the disk
    /// writes again (if not, the next failure comes straight back here with a longer backoff). Returns early only when
    /// the pipeline is shutting down.
    /// </summary>
    private void RideOutStorageFailure()
    {
        _storageFailing = true;
        Volatile.Write(ref _nextProbeAt, Stopwatch.GetTimestamp() + ProbeBackoffTicks());
        while (true)
        {
            RefuseWaiting(SubmitStatus.StorageUnavailable, StorageFailingProblem, runReads: true);
            var left = Volatile.Read(ref _nextProbeAt) - Stopwatch.GetTimestamp();
            if (left > 0)
            {
                if (!WaitForWork(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency)) && _queue.Reader.Completion.IsCompleted)
                {
                    return;
                }

                continue;
            }

            if (TryReopen())
            {
                _storageFailing = false;
                return;
            }

            _storageFailures++;
            Volatile.Write(ref _nextProbeAt, Stopwatch.GetTimestamp() + ProbeBackoffTicks());
        }
    }

    /// <summary><see cref="BallotPipelineOptions.RecoveryDelay"/> doubled per failure so far, capped; at least 1 ms.</summary>
    private long ProbeBackoffTicks()
    {
        var initial = Math.Max(_options.RecoveryDelay.TotalSeconds, 0.001);
        var cap = Math.Max(_options.MaxRecoveryDelay.TotalSeconds, initial);
        var seconds = Math.Min(cap, initial * Math.Pow(2, Math.Min(_storageFailures - 1, 30)));
        return (long)(seconds * Stopwatch.Frequency);
    }

    /// <summary>Re-opens the log on the same storage and catches the state up with it; false (and the error kept) if that fails.</summary>
    private bool TryReopen()
    {
        try
        {
            var reopened = TransparencyLog.Open(_storage, _signer, Origin);
            var old = _log;
            _log = reopened;
            old.Dispose();
            CatchUp();
            return true;
        }
#pragma warning disable CA1031 // Whatever the storage throws, the log stays as last committed and is re-opened again later.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LastStorageError = exception;
            return false;
        }
    }

    /// <summary>
    /// Answers every ballot held for the next batch and every queued request with <paramref name="status"/> (entries
    /// with <paramref name="problem"/>); state reads run when <paramref name="runReads"/>, else they are refused.
    /// </summary>
    private void RefuseWaiting(SubmitStatus status, string problem, bool runReads)
    {
        foreach (var held in _carriedNext)
        {
            Finish(held.Request, held.Slot, BallotOutcome.Of(status));
        }

        _carriedNext.Clear();
        while (_current is not null || _queue.Reader.TryRead(out _current))
        {
            if (_current is EntryRequest entry)
            {
                entry.SetOutcome(new EntryOutcome(status, -1, null, problem));
                _finished.Add(entry);
            }
            else if (_current is StateReadRequest read)
            {
                if (runReads)
                {
                    // The state is exactly the committed log here: nothing of the failed batch was applied.
                    read.Run(State);
                }
                else
                {
                    read.Refuse();
                }

                _finished.Add(read);
            }
            else
            {
                for (var i = _currentOffset; i < _current.BallotCount; i++)
                {
                    Finish(_current, i, BallotOutcome.Of(status));
                }
            }

            Interlocked.Add(ref _queued, _currentOffset - _current.BallotCount);
            _current = null;
            _currentOffset = 0;
        }

        _dispatcher.Dispatch(_finished);
    }
}
