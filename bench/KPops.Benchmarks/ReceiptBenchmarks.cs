using BenchmarkDotNet.Attributes;
using KPops.Log;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Benchmarks;

/// <summary>
/// What receipts cost: the pipeline with receipts materialized eagerly by the sequencer versus left compact (index +
/// shared checkpoint), and materializing one compact receipt on demand. Uses <see cref="MemoryLogStorage"/>, since
/// proofs read hashes back; its growth shows up in the allocation column of both submit variants alike.
/// </summary>
[MemoryDiagnoser]
public class ReceiptBenchmarks
{
    private const int Batch = 4096;
    private readonly Ballot[] _ballots = new Ballot[Batch];
    private readonly BallotOutcome[] _outcomes = new BallotOutcome[Batch];
    private NoteSigner _signer = null!;
    private MemoryLogStorage _storage = null!;
    private BallotPipeline _pipeline = null!;
    private long _nextVoter;

    [Params(false, true)]
    public bool EagerReceipts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _signer = NoteSigner.Generate("kpops.bench/receipts");
        _storage = new MemoryLogStorage();
        var options = new BallotPipelineOptions
        {
            MaxBatchSize = Batch,
            MaxBatchAge = TimeSpan.Zero,
            ExpectedBallots = 16_000_000,
            EagerReceipts = EagerReceipts,
        };
        _pipeline = BallotPipeline.Open(_storage, _signer, "kpops.bench/receipts", BenchBallots.Season(), options);
        Pipeline_submit_many().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pipeline.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _storage.Dispose();
        _signer.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public async Task<long> Pipeline_submit_many()
    {
        BenchBallots.Fill(_ballots, _nextVoter);
        _nextVoter += Batch;
        await _pipeline.SubmitManyAsync(_ballots, _outcomes);
        return _outcomes[^1].Index;
    }

    /// <summary>Leaf hash and inclusion proof for one compact receipt, as an API call asking for it would.</summary>
    [Benchmark]
    public int Receipt_on_demand() => _pipeline.Receipt(_outcomes[Batch / 2]).InclusionProof.Count;
}
