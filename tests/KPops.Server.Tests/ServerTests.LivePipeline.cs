using KPops.Format;
using KPops.Log;
using KPops.Voting;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Server.Tests;

/// <summary>
/// The pipeline additions the live counts and announcements stand on: consistent reads on the sequencer and entries
/// built at their own turn, whose failures stay with their caller.
/// </summary>
public sealed class LivePipelineTests : IAsyncLifetime
{
    private const string Origin = "live.kpops.localhost/log";

    private readonly MemoryLogStorage _storage = new();
    private BallotPipeline? _pipeline;

    private BallotPipeline Pipeline => _pipeline!;

    public ValueTask InitializeAsync()
    {
        _pipeline = BallotPipeline.Open(_storage, NoteSigner.Generate(Origin), Origin, Presets.Load("produce-x-101"));
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Read_sees_exactly_the_committed_log()
    {
        var outcome = await Pipeline.AppendAsync(new EvaluationResultRecorded(0, 3, "groupWin", 3000));

        var (results, logSize) = await Pipeline.ReadAsync(state => (state.Tallies.Snapshot().Results.Count, Pipeline.LogSize));

        Assert.Equal(SubmitStatus.Accepted, outcome.Status);
        Assert.Equal((1, outcome.Index + 1), (results, logSize));
    }

    [Fact]
    public async Task Failing_read_or_builder_fails_only_its_caller()
    {
        var read = Pipeline.ReadAsync<int>(_ => throw new InvalidDataException("reader bug"));
        var built = await Pipeline.AppendAsync((VotingState _, out string? refusal) => throw new InvalidDataException("builder bug"));
        var refused = await Pipeline.AppendAsync((VotingState _, out string? refusal) =>
        {
            refusal = "not now";
            return null;
        });
        var appended = await Pipeline.AppendAsync((VotingState state, out string? refusal) =>
        {
            refusal = null;
            return new EvaluationResultRecorded(0, (ushort)state.Tallies.Results.Count, "groupWin", 3000);
        });

        await Assert.ThrowsAsync<InvalidDataException>(() => read);
        Assert.Equal((SubmitStatus.Rejected, "builder bug"), (built.Status, built.Problem));
        Assert.Equal((SubmitStatus.Rejected, "not now"), (refused.Status, refused.Problem));
        Assert.Equal(SubmitStatus.Accepted, appended.Status);
        Assert.Null(Pipeline.Fault);
    }

    [Fact]
    public async Task Read_after_shutdown_is_refused()
    {
        await Pipeline.DisposeAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Pipeline.ReadAsync(state => state.Tallies.BallotsCounted));
    }

    public async ValueTask DisposeAsync()
    {
        if (_pipeline is not null)
        {
            await _pipeline.DisposeAsync();
        }

        _storage.Dispose();
    }
}
