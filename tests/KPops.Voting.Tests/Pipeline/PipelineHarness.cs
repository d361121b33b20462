using KPops.Format.Model;
using KPops.Log;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Voting.Tests.Pipeline;

/// <summary>
/// A pipeline over an in-memory log wrapped in <see cref="FaultyLogStorage"/>, with the test Planet season:
/// round r1 takes one ballot per voter per day. Batches close as soon as the queue is empty, so each awaited
/// <c>SubmitManyAsync</c> is one batch.
/// </summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    public const string Origin = "kpops.test/pipeline";

    private PipelineHarness(MemoryLogStorage inner, NoteSigner signer, BallotPipelineOptions options)
    {
        Inner = inner;
        Signer = signer;
        Options = options;
    }

    public static Season Season { get; } = TestSeasons.Load(TestSeasons.PlanetJson);

    public static DateTimeOffset VotingTime { get; } = TestSeasons.R1Opens.AddHours(1);

    public MemoryLogStorage Inner { get; }
    public FaultyLogStorage? Faulty { get; private set; }
    public NoteSigner Signer { get; }
    public BallotPipelineOptions Options { get; }
    public BallotPipeline Pipeline { get; private set; } = null!;
    public CompiledSeason Compiled => Pipeline.Season;

    public static PipelineHarness Start(BallotPipelineOptions? options = null)
    {
        var harness = new PipelineHarness(new MemoryLogStorage(), NoteSigner.Generate(Origin), options ?? TestOptions());
        harness.Open();
        return harness;
    }

    public static BallotPipelineOptions TestOptions(int maxBatchSize = 64) => new()
    {
        MaxBatchSize = maxBatchSize,
        MaxBatchAge = TimeSpan.Zero,
        RecoveryDelay = TimeSpan.Zero,
        RecoveryAttempts = 3,
    };

    /// <summary>Opens (or re-opens, after <see cref="StopAsync"/>) a pipeline on the same stored log.</summary>
    public void Open()
    {
        Faulty = new FaultyLogStorage(Inner);
        Pipeline = BallotPipeline.Open(Faulty, Signer, Origin, Season, Options);
    }

    public async Task StopAsync() => await Pipeline.DisposeAsync();

    public Ballot Ballot(string voter, uint nonce = 0, params string[] picks) =>
        TestBallots.Make(Compiled, "r1", voter, VotingTime, picks.Length == 0 ? ["t01"] : picks, nonce);

    public async Task<BallotOutcome[]> SubmitAsync(params Ballot[] ballots)
    {
        var outcomes = new BallotOutcome[ballots.Length];
        await Pipeline.SubmitManyAsync(ballots, outcomes);
        return outcomes;
    }

    /// <summary>Opens the stored log directly (the pipeline must be stopped) to inspect it.</summary>
    public TransparencyLog OpenLog() => TransparencyLog.Open(Inner, Signer, Origin);

    public static MemoryEntryHistory History(TransparencyLog log)
    {
        var history = new MemoryEntryHistory();
        foreach (var entry in log.ReadEntries(0, log.Size))
        {
            history.Append(entry.Data.ToArray());
        }

        return history;
    }

    public async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        Signer.Dispose();
        Inner.Dispose();
    }
}
