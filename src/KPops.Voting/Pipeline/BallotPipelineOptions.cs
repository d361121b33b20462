namespace KPops.Voting.Pipeline;

/// <summary>
/// How the ballot pipeline trades latency, memory and durability cost. The defaults suit one machine taking
/// a finale's peak; each property's comment is the operator's manual for it.
/// </summary>
public sealed class BallotPipelineOptions
{
    /// <summary>
    /// Ballots that may wait for the sequencer (default 1,048,576). When this many are queued, a new ballot is
    /// answered <c>rate-limited</c> at once instead of waiting: clients retry, nothing blocks forever. Each
    /// queued ballot holds about 100 bytes, so the default caps the queue near 100 MiB. Raise it to absorb
    /// longer bursts (at the cost of longer waits under overload); lower it to shed load sooner.
    /// </summary>
    public int QueueCapacity { get; init; } = 1 << 20;

    /// <summary>
    /// Most ballots written in one durable commit (default 8,192; 4,096–16,384 is the useful range). Every batch
    /// costs one fsync and one Ed25519 signature, so larger batches raise throughput; smaller ones cut the time a
    /// ballot waits for its receipt when the disk is slow.
    /// </summary>
    public int MaxBatchSize { get; init; } = 8192;

    /// <summary>
    /// Longest a ballot waits for its batch to fill before the batch is committed anyway (default 2 ms), counted
    /// from when the batch's first ballot was queued. Under load batches fill by themselves while the previous one
    /// is being made durable; this only matters when traffic is light. Zero commits as soon as the queue is empty.
    /// </summary>
    public TimeSpan MaxBatchAge { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Longest a batch holding single ballots (<see cref="BallotPipeline.SubmitAsync"/>: a voter waiting for a receipt)
    /// waits for more once the queue is empty (default 0: it is committed at once). Such batches still fill under
    /// load — ballots that arrive while one batch is being made durable form the next (group commit) — so waiting
    /// only adds to every voter's wait; and with a fixed crowd of clients that each wait for their receipt before
    /// voting again, it slows the whole stream (measured in docs/benchmarks.md). <see cref="MaxBatchAge"/> still caps it.
    /// </summary>
    public TimeSpan SingleBallotBatchAge { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// When true, every accepted ballot's outcome carries a materialized <see cref="BallotReceipt"/> (leaf hash and
    /// inclusion proof) computed by the sequencer right after the commit. Off by default: the outcome already
    /// holds the index and the signed checkpoint, and <see cref="BallotPipeline.Receipt"/> computes the proof on
    /// demand from the log, so the sequencer spends nothing on receipts nobody asks for. Turning it on costs a
    /// proof computation per ballot in the sequencer — measured at about 0.2–0.5 ms each near the log's right
    /// edge, i.e. two orders of magnitude slower ingestion (docs/benchmarks.md): for tests and small logs only.
    /// </summary>
    public bool EagerReceipts { get; init; }

    /// <summary>
    /// Accepted ballots the season is expected to take (default 0 = grow as needed). Presizes the quota and
    /// idempotency tables so that they never have to grow (and pause the sequencer) during a finale.
    /// </summary>
    public int ExpectedBallots { get; init; }

    /// <summary>
    /// How many times the sequencer re-opens the log right away after an append fails (default 3, with
    /// <see cref="RecoveryDelay"/> between tries) while the ballots queued behind the failed batch wait: enough to ride
    /// out a glitch. If the storage still fails — or fails again before the next good commit — the pipeline stops
    /// making anyone wait: every queued and arriving ballot is answered <c>storage-unavailable</c> at once, and the
    /// log is re-opened in the background (backoff from <see cref="RecoveryDelay"/> to <see cref="MaxRecoveryDelay"/>)
    /// for as long as the storage fails. It never gives up: service resumes by itself when the disk is mended.
    /// </summary>
    public int RecoveryAttempts { get; init; } = 3;

    /// <summary>Pause between re-open attempts after a storage failure, and the first background backoff (default 100 ms).</summary>
    public TimeSpan RecoveryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Longest pause between background re-open attempts while the storage keeps failing (default 2 s; the backoff
    /// doubles from <see cref="RecoveryDelay"/> up to this). Also bounds how long service stays down after the disk is
    /// mended, and is about what clients are told to wait (<c>Retry-After</c>).
    /// </summary>
    public TimeSpan MaxRecoveryDelay { get; init; } = TimeSpan.FromSeconds(2);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 1, nameof(QueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchAge, TimeSpan.Zero, nameof(MaxBatchAge));
        ArgumentOutOfRangeException.ThrowIfLessThan(SingleBallotBatchAge, TimeSpan.Zero, nameof(SingleBallotBatchAge));
        ArgumentOutOfRangeException.ThrowIfNegative(ExpectedBallots, nameof(ExpectedBallots));
        ArgumentOutOfRangeException.ThrowIfLessThan(RecoveryAttempts, 1, nameof(RecoveryAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(RecoveryDelay, TimeSpan.Zero, nameof(RecoveryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecoveryDelay, TimeSpan.Zero, nameof(MaxRecoveryDelay));
    }
}
