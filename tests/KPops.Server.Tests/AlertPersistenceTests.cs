using KPops.Server.Integrity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KPops.Server.Tests;

/// <summary>Saving integrity alert changes: a save that does not finish keeps its changes for the next one.</summary>
public sealed class AlertPersistenceTests
{
    [Fact]
    public async Task Changes_of_a_cancelled_save_are_written_by_the_next_save()
    {
        var ct = TestContext.Current.CancellationToken;
        var archive = new RecordingArchive();
        var alerts = new AlertStore(Options.Create(new IntegrityOptions()), TimeProvider.System, archive);
        using var persistence = new AlertPersistence(alerts, archive, TimeProvider.System, NullLogger<AlertPersistence>.Instance);
        alerts.Report("network-burst", "203.0.113.0/24", 0, "a burst", []);

        // The server stops while the database write is under way.
        archive.HangUntilCancelled = true;
        using var stopping = new CancellationTokenSource();
        var save = persistence.SaveAsync(stopping.Token);
        await archive.Started.Task.WaitAsync(ct);
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => save);

        archive.HangUntilCancelled = false;
        await persistence.SaveAsync(ct);

        var saved = Assert.Single(archive.Saved);
        Assert.Equal("network-burst", saved.Detector);
    }

    private sealed class RecordingArchive : IAlertArchive
    {
        public bool HangUntilCancelled { get; set; }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<AlertSnapshot> Saved { get; } = [];

        public IReadOnlyList<AlertSnapshot> Load() => [];

        public async Task SaveAsync(IReadOnlyList<AlertSnapshot> changed, IReadOnlyList<string> forgotten, CancellationToken cancellationToken)
        {
            if (HangUntilCancelled)
            {
                Started.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            Saved.AddRange(changed);
        }
    }
}
