using BenchmarkDotNet.Attributes;
using KPops.Log;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Benchmarks;

/// <summary>
/// Batches through the log core and the whole pipeline, reported per ballot (OperationsPerInvoke). Storage keeps
/// no data (<see cref="DiscardingLogStorage"/>), so the figures are the engine's own: hashing, tree integration,
/// signing, checks, encoding, state, completion — and their allocations, which should be 0 B per ballot
/// (one Ed25519 signature and checkpoint per batch amortize to a fraction of a byte).
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Batch = 4096;
    private readonly Ballot[] _ballots = new Ballot[Batch];
    private readonly BallotOutcome[] _outcomes = new BallotOutcome[Batch];
    private NoteSigner _signer = null!;
    private TransparencyLog _log = null!;
    private EntryBatch _batch = null!;
    private BallotPipeline _pipeline = null!;
    private long _nextVoter;

    [GlobalSetup]
    public void Setup()
    {
        _signer = NoteSigner.Generate("kpops.bench/pipeline");
        _log = TransparencyLog.Open(new DiscardingLogStorage(), _signer, "kpops.bench/log");
        _batch = new EntryBatch(Batch * 64);
        var entry = new byte[BallotCodec.MaxSize];
        BallotCodec.TryWrite(BenchBallots.Of(1), entry, out var length);
        for (var i = 0; i < Batch; i++)
        {
            _batch.Add(entry.AsSpan(0, length));
        }

        var options = new BallotPipelineOptions { MaxBatchSize = Batch, MaxBatchAge = TimeSpan.Zero, ExpectedBallots = 64_000_000 };
        _pipeline = BallotPipeline.Open(new DiscardingLogStorage(), _signer, "kpops.bench/pipeline", BenchBallots.Season(), options);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pipeline.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _batch.Dispose();
        _log.Dispose();
        _signer.Dispose();
    }

    /// <summary>Hash, integrate, write, sync and sign a batch of 4,096 ballot entries.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long Log_append_batch() => _log.AppendBatch(_batch).FirstIndex;

    /// <summary>4,096 new voters through queue, batcher, sequencer, log and receipts.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task<long> Pipeline_submit_many()
    {
        BenchBallots.Fill(_ballots, _nextVoter);
        _nextVoter += Batch;
        await _pipeline.SubmitManyAsync(_ballots, _outcomes);
        return _outcomes[^1].Index;
    }
}
