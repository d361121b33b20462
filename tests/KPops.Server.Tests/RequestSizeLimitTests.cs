using System.Net;
using System.Text;
using KPops.Server.Partners;
using KPops.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace KPops.Server.Tests;

/// <summary>
/// The server-wide body limit (<c>KPops:MaxRequestBodyBytes</c>, Kestrel's <c>MaxRequestBodySize</c>) and an endpoint's
/// own limit, on a real Kestrel listener on loopback (the in-memory test server does not enforce body limits).
/// </summary>
public sealed class RequestSizeLimitTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kpops-size-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private WebApplication? _app;
    private HttpClient? _client;

    public async ValueTask InitializeAsync()
    {
        var builder = KPopsServer.CreateBuilder(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string?>
        {
            ["KPops:DataDirectory"] = _data,
            ["KPops:MaxRequestBodyBytes"] = "2048",
        });
        builder.Logging.ClearProviders();
        _app = KPopsServer.Build(builder);
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    [Fact]
    public async Task Body_beyond_the_server_limit_is_413_payload_too_large()
    {
        string email = new string('a', 3000) + "@example.com";

        using var response = await _client!.PostAsync("/api/fans/codes", Json.Content($$"""{"email":"{{email}}"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (string?)(await Json.ProblemAsync(response))["code"]);
    }

    [Fact]
    public async Task Partner_batch_endpoint_has_its_own_larger_limit()
    {
        // Chunked, so only the transport limit could stop it: the partner endpoint's (4 MiB) replaces the server's 2 KiB,
        // and the request goes on to the signature check (an unknown key here).
        byte[] body = Encoding.UTF8.GetBytes("{\"ballots\":[],\"padding\":\"" + new string('x', 3000) + "\"}");
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/partner/rounds/final/ballots") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add(PartnerSignature.KeyIdHeader, "pk_00000000000000000000");
        request.Headers.Add(PartnerSignature.TimestampHeader, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(PartnerSignature.IdempotencyKeyHeader, "size-test");
        request.Headers.Add(PartnerSignature.SignatureHeader, new string('0', 64));

        using var response = await _client!.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("signature_invalid", (string?)(await Json.ProblemAsync(response))["code"]);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
