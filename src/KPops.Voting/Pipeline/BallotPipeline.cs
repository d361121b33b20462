using System.Diagnostics;
using System.Threading.Channels;
using KPops.Format;
using KPops.Log;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;
using KPops.Voting.Tallies;
using Season = KPops.Format.Model.Season;

namespace KPops.Voting.Pipeline;

/// <summary>
/// Ballot ingestion: a bounded queue, a batcher that closes a batch at <see cref="BallotPipelineOptions.MaxBatchSize"/>
/// ballots or <see cref="BallotPipelineOptions.MaxBatchAge"/>, and one sequencer thread that per batch checks every
/// ballot against the live state, writes the accepted ones to the log as one durable, signed commit, applies them to
/// the state only after that commit, and answers each with its receipt. Non-ballot entries go through the same queue,
/// so the log's order is the one order of events. A full queue answers <c>rate-limited</c> at once; an append that
/// fails acknowledges nothing of its batch (<c>storage-unavailable</c>), and the sequencer re-opens the log and catches
/// its state up from it before it takes more; while the storage keeps failing, every ballot is answered
/// <c>storage-unavailable</c> at once and the log is re-opened in the background until it works again
/// (<see cref="IsStorageFailing"/>). See docs/pipeline.md.
/// <para>The pipeline does not own the storage or the signer: dispose them after disposing the pipeline.</para>
/// </summary>
public sealed partial class BallotPipeline : IAsyncDisposable
{
    private readonly ILogStorage _storage;
    private readonly NoteSigner _signer;
    private readonly BallotPipelineOptions _options;
    private readonly Channel<PipelineRequest> _queue;
    private readonly RequestPool<BallotRequest> _singles = new(pool => new BallotRequest(pool));
    private readonly RequestPool<BulkRequest> _bulks = new(pool => new BulkRequest(pool));
    private readonly LogReplayer _replayer;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile TransparencyLog _log;
    private long _queued;
    private int _disposed;
    private volatile bool _closed;
    private volatile Exception? _fault;

    private BallotPipeline(ILogStorage storage, NoteSigner signer, string origin, BallotPipelineOptions options, TransparencyLog log)
    {
        _storage = storage;
        _signer = signer;
        Origin = origin;
        _options = options;
        _log = log;
        _replayer = new LogReplayer(new LogHistory(() => _log), options.ExpectedBallots);
        // Unbounded underneath: the bound is the ballot count in _queued, which SubmitManyAsync needs anyway.
        _queue = Channel.CreateUnbounded<PipelineRequest>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
        _maxBatch = options.MaxBatchSize;
        _maxAgeTicks = (long)(options.MaxBatchAge.TotalSeconds * Stopwatch.Frequency);
        _singleAgeTicks = Math.Min(_maxAgeTicks, (long)(options.SingleBallotBatchAge.TotalSeconds * Stopwatch.Frequency));
        _pending = new PendingBallot[options.MaxBatchSize];
        _conflicts = new BatchConflicts(options.MaxBatchSize);
        _batch = new EntryBatch(options.MaxBatchSize * (BallotCodec.FixedSize + 8));
    }

    public string Origin { get; }

    /// <summary>The season the log defines.</summary>
    public CompiledSeason Season => State.Season;

    /// <summary>
    /// Live counts: every ballot in the committed log, nothing else (updated by the sequencer after each commit).
    /// Safe to read from any thread.
    /// </summary>
    public SeasonTallies Tallies => State.Tallies;

    /// <summary>The latest signed checkpoint.</summary>
    public SignedCheckpoint Checkpoint => _log.Checkpoint;

    /// <summary>Entries in the committed log.</summary>
    public long LogSize => _log.Size;

    /// <summary>How long start-up took to replay the log into the live state, and how many entries it read.</summary>
    public ReplayStatistics StartupReplay { get; private set; }

    /// <summary>Entries the replay refused (undecodable, or rejected by the rules); 0 for a log this pipeline wrote.</summary>
    public long ReplayFindingCount => _replayer.FindingCount;

    /// <summary>Bytes held by the quota and idempotency tables.</summary>
    public long QuotaResidentBytes => State.QuotaResidentBytes;

    /// <summary>Set when the pipeline stopped for good (a bug: failing storage never stops it); it then refuses everything.</summary>
    public Exception? Fault => _fault;

    /// <summary>The last failure of a log append or re-open (still going on while <see cref="IsStorageFailing"/>); for operators.</summary>
    public Exception? LastStorageError { get; private set; }

    /// <summary>
    /// Called on the sequencer after each durable commit of ballots, with how many it appended (after their voters
    /// have been answered), e.g. to record batch sizes. It must be quick and must not throw: it runs between commits.
    /// </summary>
    public event Action<int>? BatchCommitted;

    /// <summary>Ballots waiting in the queue.</summary>
    public long QueuedBallots => Volatile.Read(ref _queued);

    /// <summary>Completes when the sequencer has stopped (after <see cref="DisposeAsync"/>, or on a fault).</summary>
    public Task Stopped => _stopped.Task;

    private VotingState State => _replayer.State!;

    /// <summary>
    /// Opens the log on <paramref name="storage"/> (recovering it), writes <paramref name="season"/>'s definition
    /// first if the log is new, replays every entry into the live state, and starts the sequencer. For an existing
    /// log, <paramref name="season"/> may be null; if given it must be the season the log defines.
    /// </summary>
    public static BallotPipeline Open(ILogStorage storage, NoteSigner signer, string origin, Season? season = null, BallotPipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(signer);
        options ??= new BallotPipelineOptions();
        options.Validate();
        var log = TransparencyLog.Open(storage, signer, origin);
        try
        {
            if (log.Size == 0)
            {
                DefineSeason(log, season ?? throw new ArgumentNullException(nameof(season), "A new log needs the season it counts."));
            }
        }
        catch
        {
            log.Dispose();
            throw;
        }

        var pipeline = new BallotPipeline(storage, signer, origin, options, log);
        try
        {
            pipeline.ReplayAtStartup(season);
        }
        catch
        {
            pipeline.DisposeResources();
            throw;
        }

        pipeline.StartSequencer();
        return pipeline;
    }

    /// <summary>
    /// Queues one ballot. The result is its receipt once the ballot is durable, its rejection reason as soon as the
    /// sequencer has checked it, or <c>rate-limited</c> at once when the queue is full. Allocation-free in steady state;
    /// await the result exactly once.
    /// </summary>
    public ValueTask<BallotOutcome> SubmitAsync(in Ballot ballot)
    {
        if (DoorRefusal is { } refusal)
        {
            return ValueTask.FromResult(BallotOutcome.Of(refusal));
        }

        if (Interlocked.Increment(ref _queued) > _options.QueueCapacity)
        {
            Interlocked.Decrement(ref _queued);
            return ValueTask.FromResult(BallotOutcome.Of(SubmitStatus.RateLimited));
        }

        var request = _singles.Rent();
        request.QueuedAt = Stopwatch.GetTimestamp();
        var result = request.Start(ballot);
        Enqueue(request, 1);
        return result;
    }

    /// <summary>
    /// Queues many ballots at once (a partner's batch, a benchmark's chunk); completes when every ballot's outcome is
    /// in <paramref name="outcomes"/> (same positions). Ballots that do not fit in the queue are answered
    /// <c>rate-limited</c> at once. Neither buffer may be touched until the returned task completes. Allocation-free
    /// in steady state; await the result exactly once.
    /// </summary>
    public ValueTask SubmitManyAsync(ReadOnlyMemory<Ballot> ballots, Memory<BallotOutcome> outcomes)
    {
        if (outcomes.Length < ballots.Length)
        {
            throw new ArgumentException("Provide one outcome slot per ballot.", nameof(outcomes));
        }

        if (ballots.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }

        var closed = DoorRefusal;
        var admitted = closed is null ? Admit(ballots.Length) : 0;
        var span = outcomes.Span;
        if (admitted < ballots.Length)
        {
            span[admitted..ballots.Length].Fill(BallotOutcome.Of(closed ?? SubmitStatus.RateLimited));
        }

        if (admitted == 0)
        {
            return ValueTask.CompletedTask;
        }

        var request = _bulks.Rent();
        request.QueuedAt = Stopwatch.GetTimestamp();
        var result = request.Start(ballots[..admitted], outcomes[..admitted]);
        Enqueue(request, admitted);
        return result;
    }

    /// <summary>
    /// Appends a non-ballot entry (round opened/closed/extended, evaluation result, grade, quarantine, published
    /// announcement) after every ballot queued before it. The outcome is rejected with the problem when the entry does
    /// not fit the state at its turn (e.g. closing a closed round).
    /// </summary>
    public Task<EntryOutcome> AppendAsync(Entries.LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var request = new EntryRequest(entry) { QueuedAt = Stopwatch.GetTimestamp() };
        return EnqueueEntry(request);
    }

    /// <summary>
    /// Appends the entry <paramref name="build"/> makes from the live state at the entry's turn, after every ballot
    /// queued before it: for entries that must agree with the state they land on (a published ranking, a result
    /// that may be recorded once). Rejected with the builder's refusal when it makes none. The builder runs on the
    /// sequencer: keep it short.
    /// </summary>
    public Task<EntryOutcome> AppendAsync(EntryBuilder build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var request = new EntryRequest(build) { QueuedAt = Stopwatch.GetTimestamp() };
        return EnqueueEntry(request);
    }

    /// <summary>Queues a non-ballot entry, or answers it at once while storage is failing or the pipeline is not running.</summary>
    private Task<EntryOutcome> EnqueueEntry(EntryRequest request)
    {
        var refusal = DoorRefusal;
        if (refusal == SubmitStatus.StorageUnavailable)
        {
            return Task.FromResult(new EntryOutcome(SubmitStatus.StorageUnavailable, -1, null, StorageFailingProblem));
        }

        if (refusal is not null || !_queue.Writer.TryWrite(request))
        {
            return Task.FromResult(new EntryOutcome(SubmitStatus.Unavailable, -1, null, "the pipeline is not running"));
        }

        return request.Task;
    }

    /// <summary>
    /// Runs <paramref name="read"/> on the sequencer between two commits, against the state of exactly the committed
    /// log (every entry and ballot committed before it; ballots still queued are not counted yet), and returns its
    /// result: the way to take a consistent snapshot (<see cref="Tallies.SeasonTallies.Snapshot"/>, round windows,
    /// published rankings). The read must be quick and must not change the state; it does not end the batch being
    /// built. Fails with <see cref="InvalidOperationException"/> when the pipeline is not running, or with the read's
    /// own exception.
    /// </summary>
    public Task<T> ReadAsync<T>(Func<VotingState, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var request = new StateReadRequest<T>(read) { QueuedAt = Stopwatch.GetTimestamp() };
        if (_closed || _fault is not null || !_queue.Writer.TryWrite(request))
        {
            return Task.FromException<T>(new InvalidOperationException("The ballot pipeline is not running."));
        }

        return request.Task;
    }

    /// <summary>
    /// Materializes the receipt of a ballot that is in the log: its leaf hash and its inclusion proof against the
    /// checkpoint its outcome carries. Reads about log2(size) hashes from storage; call it from any thread.
    /// </summary>
    public BallotReceipt Receipt(in BallotOutcome outcome)
    {
        if (!outcome.IsInLog || outcome.Checkpoint is null)
        {
            throw new ArgumentException($"A '{outcome.Code}' outcome has no receipt.", nameof(outcome));
        }

        var log = _log;
        var checkpoint = outcome.Checkpoint;
        return new BallotReceipt(outcome.Index, log.LeafHash(outcome.Index), checkpoint, log.InclusionProof(outcome.Index, checkpoint.Size));
    }

    /// <summary>
    /// <see cref="Receipt"/> without its arrays: the ballot's leaf hash into <paramref name="leafHash"/> (32 bytes) and
    /// its inclusion proof, hashes back to back, into <paramref name="proof"/> (room for
    /// <see cref="MerkleProofs.MaxInclusionProofHashes"/> suffices); returns the proof's hash count.
    /// </summary>
    public int ProveInclusion(in BallotOutcome outcome, Span<byte> leafHash, Span<byte> proof)
    {
        if (!outcome.IsInLog || outcome.Checkpoint is null)
        {
            throw new ArgumentException($"A '{outcome.Code}' outcome has no receipt.", nameof(outcome));
        }

        var log = _log;
        log.LeafHash(outcome.Index, leafHash);
        return log.InclusionProof(outcome.Index, outcome.Checkpoint.Size, proof);
    }

    /// <summary>The proof that the log at <paramref name="oldSize"/> is a prefix of the log at <paramref name="newSize"/>.</summary>
    public byte[][] ConsistencyProof(long oldSize, long newSize) => _log.ConsistencyProof(oldSize, newSize);

    /// <summary>Stops taking submissions, lets the sequencer finish everything already queued, then releases the log.</summary>
    public async ValueTask DisposeAsync()
    {
        _closed = true;
        _queue.Writer.TryComplete();
        await _stopped.Task;
        DisposeResources();
    }

    private int Admit(int count)
    {
        while (true)
        {
            var queued = Volatile.Read(ref _queued);
            var room = (int)Math.Min(count, Math.Max(0, _options.QueueCapacity - queued));
            if (room == 0 || Interlocked.CompareExchange(ref _queued, queued + room, queued) == queued)
            {
                return room;
            }
        }
    }

    private void Enqueue(PipelineRequest request, int ballots)
    {
        if (_queue.Writer.TryWrite(request))
        {
            return;
        }

        // Closed between the check and the write: answer here, the sequencer will never see it.
        Interlocked.Add(ref _queued, -ballots);
        for (var i = 0; i < ballots; i++)
        {
            request.SetOutcome(i, BallotOutcome.Of(SubmitStatus.Unavailable));
        }

        request.Complete();
    }

    private static void DefineSeason(TransparencyLog log, Season season)
    {
        using var batch = new EntryBatch();
        foreach (var chunk in SeasonDefinition.ToChunks(season))
        {
            batch.Add(chunk.ToBytes());
        }

        log.AppendBatch(batch);
    }

    private void ReplayAtStartup(Season? season)
    {
        var started = Stopwatch.GetTimestamp();
        var size = _log.Size;
        CatchUp();
        StartupReplay = new ReplayStatistics(size, Stopwatch.GetElapsedTime(started));
        if (_replayer.State is null)
        {
            throw new InvalidDataException(
                $"The log does not define a valid season ({_replayer.FindingCount} findings; first: {FirstFinding()}).");
        }

        if (season is not null && SeasonFile.Serialize(season) != SeasonFile.Serialize(_replayer.State.Season.Season))
        {
            throw new InvalidOperationException($"The log defines season '{_replayer.State.Season.Season.Id}', not the one given.");
        }
    }

    private string FirstFinding() => _replayer.Findings.Count > 0 ? _replayer.Findings[0].Message : "none";

    /// <summary>
    /// Brings the live state up to the committed log through the replayer — the code a recount runs — so the live
    /// counts are a recount of the log by construction.
    /// </summary>
    private void CatchUp()
    {
        var log = _log;
        if (_replayer.NextIndex >= log.Size)
        {
            return;
        }

        foreach (var entry in log.ReadEntries(_replayer.NextIndex, log.Size))
        {
            _replayer.Apply(entry.Data.Span);
        }
    }

    private void DisposeResources()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _batch.Dispose();
        _replayer.Dispose();
        _log.Dispose();
    }
}

/// <summary>What a replay of the log at start-up did.</summary>
public readonly record struct ReplayStatistics(long Entries, TimeSpan Elapsed);
