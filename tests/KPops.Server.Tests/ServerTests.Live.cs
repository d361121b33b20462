using KPops.Server.Live;
using KPops.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Tests;

/// <summary>The live counts feed on the shared server: what it takes and how producers receive it (values are covered by EmbargoTests).</summary>
public abstract partial class ServerTests<TFixture>
{
    [Fact]
    public async Task Live_count_feed_snapshots_every_round_and_tells_in_process_subscribers()
    {
        await EnsureLogSeasonAsync();
        var feed = Fixture.App.Services.GetRequiredService<LiveCountFeed>();
        var raised = new List<LiveCountsSnapshot>();
        void Record(LiveCountsSnapshot snapshot)
        {
            lock (raised)
            {
                raised.Add(snapshot);
            }
        }

        feed.Updated += Record;
        try
        {
            var snapshot = await feed.RefreshAsync(TestContext.Current.CancellationToken);

            Assert.NotNull(snapshot);
            Assert.Equal(["online-1", "online-2", "revival", "online-3", "final-online", "final-sms"], snapshot.Rounds.Select(round => round.RoundId));
            Assert.Equal(101, snapshot.Rounds[0].Trainees.Count);
            Assert.NotNull(feed.Current);
            lock (raised)
            {
                Assert.Contains(snapshot, raised);
            }
        }
        finally
        {
            feed.Updated -= Record;
        }
    }

    [Fact]
    public async Task Producer_receives_counts_through_the_hub_within_seconds()
    {
        var ct = TestContext.Current.CancellationToken;
        await EnsureLogSeasonAsync();
        await using var connection = LiveHubClient.Create(Fixture.App, LiveHubClient.TokenOf(As(Role.Producer)));
        var received = LiveHubClient.WaitForAsync(connection, _ => true);

        await connection.StartAsync(ct);
        var snapshot = await received.WaitAsync(TimeSpan.FromSeconds(15), ct);

        Assert.Equal(6, snapshot.Rounds.Count);
        Assert.True(snapshot.At > DateTimeOffset.UtcNow.AddMinutes(-1));
    }
}
