using KPops.Log;
using KPops.Voting.Pipeline;
using KPops.Voting.Recount;

namespace KPops.Voting.Tests.Pipeline;

/// <summary>A log the pipeline wrote to disk verifies and recounts from a fresh process's point of view.</summary>
public sealed class PipelineFileLogTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kpops-pipeline-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_log_written_by_the_pipeline_verifies_from_fresh_storage_and_from_exported_tiles()
    {
        using var signer = NoteSigner.Generate(PipelineHarness.Origin);
        var dataDirectory = Path.Combine(_directory, "data");
        var ballots = new List<BallotOutcome>();
        long votesForT01;
        Exception? lastError;
        using (var storage = FileLogStorage.Open(dataDirectory))
        {
            var pipeline = BallotPipeline.Open(storage, signer, PipelineHarness.Origin, PipelineHarness.Season, PipelineHarness.TestOptions(maxBatchSize: 100));
            for (var batch = 0; batch < 4; batch++)
            {
                var submitted = Enumerable.Range(0, 150)
                    .Select(i => TestBallots.Make(pipeline.Season, "r1", $"fan-{batch}-{i}", PipelineHarness.VotingTime, [i % 3 == 0 ? "t01" : "t02"]))
                    .ToArray();
                var outcomes = new BallotOutcome[submitted.Length];
                await pipeline.SubmitManyAsync(submitted, outcomes);
                ballots.AddRange(outcomes);
            }

            votesForT01 = pipeline.Tallies.Votes("r1", "t01");
            lastError = pipeline.Fault ?? pipeline.LastStorageError;
            await pipeline.DisposeAsync();
        }

        Assert.True(ballots.All(o => o.Status == SubmitStatus.Accepted), lastError?.ToString());
        var verifier = NoteVerifier.Parse(signer.Verifier.KeyText);

        // A fresh, read-only storage instance: verify the whole tree and recount it.
        using (var readOnly = FileLogStorage.OpenReadOnly(dataDirectory))
        {
            var client = new TileLogClient(new StorageTileSource(readOnly));
            var head = await client.ReadCheckpointAsync(verifier, PipelineHarness.Origin, Cancel);
            Assert.Equal(ballots[^1].Index + 1, head.Size);
            await client.VerifyTreeAsync(head, Cancel);
            var history = new MemoryEntryHistory();
            await foreach (var entry in client.ReadEntriesAsync(head, cancellationToken: Cancel))
            {
                history.Append(entry.Data.ToArray());
            }

            var recount = Recounter.Recount(history);
            Assert.Equal(0, recount.FindingCount);
            Assert.Equal(votesForT01, recount.Tallies!.Votes("r1", "t01"));
            Assert.Equal(600, recount.Tallies.BallotsCounted);

            // The same tiles, exported as static files, verify too.
            var exported = Path.Combine(_directory, "tiles");
            await FileTileExporter.ExportAsync(new StorageTileSource(readOnly), exported, Cancel);
            var mirror = new TileLogClient(new DirectoryTileSource(exported));
            var mirrored = await mirror.ReadCheckpointAsync(verifier, PipelineHarness.Origin, Cancel);
            await mirror.VerifyTreeAsync(mirrored, Cancel);
            Assert.Equal(head.Size, mirrored.Size);
        }
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
