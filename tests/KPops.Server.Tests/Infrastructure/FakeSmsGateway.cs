using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KPops.Server.Tests.Infrastructure;

/// <summary>
/// An HTTP SMS gateway on a loopback port (Kestrel): keeps each request's bearer token and JSON body and answers
/// <see cref="AnswerStatus"/>, so a test can check what the SMS sender actually sent.
/// </summary>
internal sealed class FakeSmsGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeSmsGateway(WebApplication app) => _app = app;

    public ConcurrentQueue<(string? Authorization, JsonObject Body)> Received { get; } = new();

    public int AnswerStatus { get; set; } = StatusCodes.Status202Accepted;

    public string Url => _app.Urls.First().TrimEnd('/') + "/sms";

    public static async Task<FakeSmsGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakeSmsGateway(app);
        app.MapPost("/sms", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            gateway.Received.Enqueue((request.Headers.Authorization.ToString(), body));
            return Results.StatusCode(gateway.AnswerStatus);
        });
        await app.StartAsync();
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
