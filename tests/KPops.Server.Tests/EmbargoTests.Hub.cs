using KPops.Server.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;

namespace KPops.Server.Tests;

/// <summary>SignalR clients of <c>/hubs/live</c> on the in-memory test server (long polling through its handler).</summary>
internal static class LiveHubClient
{
    public static HubConnection Create(WebApplication app, string? bearerToken)
    {
        var server = app.GetTestServer();
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, LiveCountsHub.Route), HttpTransportType.LongPolling, options =>
            {
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult(bearerToken);
            })
            .Build();
    }

    /// <summary>The bearer token a fixture client sends.</summary>
    public static string? TokenOf(HttpClient client) => client.DefaultRequestHeaders.Authorization?.Parameter;

    /// <summary>Completes with the first <c>counts</c> message that satisfies <paramref name="wanted"/>.</summary>
    public static Task<LiveCountsSnapshot> WaitForAsync(HubConnection connection, Func<LiveCountsSnapshot, bool> wanted)
    {
        var received = new TaskCompletionSource<LiveCountsSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<LiveCountsSnapshot>(LiveCountsHub.CountsMethod, snapshot =>
        {
            if (wanted(snapshot))
            {
                received.TrySetResult(snapshot);
            }
        });
        return received.Task;
    }
}
