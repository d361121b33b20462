using System.Net;
using System.Net.Http.Json;
using KPops.Server.Fans;
using KPops.Server.Storage;
using KPops.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KPops.Server.Tests;

/// <summary>Choosing, configuring and using the SMS code sender, against a loopback fake SMS gateway.</summary>
public sealed class SmsCodeSenderTests : IAsyncDisposable
{
    private const string Token = "gateway-secret-0123456789";

    private readonly string _data = Path.Combine(Path.GetTempPath(), "kpops-sms-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<WebApplication> _apps = [];

    [Fact]
    public async Task Sms_gateway_without_a_bearer_token_stops_the_server_at_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { ["KPops:Sms:GatewayUrl"] = "https://sms.example/send" }));

        Assert.Contains("KPops:Sms:BearerToken", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sms_gateway_over_plain_http_to_another_host_stops_the_server_at_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new()
        {
            ["KPops:Sms:GatewayUrl"] = "http://sms.example/send",
            ["KPops:Sms:BearerToken"] = Token,
        }));

        Assert.Contains("KPops:Sms:GatewayUrl", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Phone_codes_go_to_sms_and_email_codes_to_smtp_when_both_are_configured()
    {
        var app = await StartAsync(new()
        {
            ["KPops:Sms:GatewayUrl"] = "https://sms.example/send",
            ["KPops:Sms:BearerToken"] = Token,
            ["KPops:Smtp:Host"] = "smtp.kpops.example",
            ["KPops:Smtp:From"] = "no-reply@kpops.example",
        });
        var routing = Assert.IsType<SmsRouting>(app.Services.GetRequiredService<IOneTimeCodeSender>());

        Assert.IsType<SmsCodeSender>(routing.SenderFor(ContactKind.Phone));
        Assert.IsType<SmtpCodeSender>(routing.SenderFor(ContactKind.Email));
    }

    [Fact]
    public async Task With_sms_but_no_smtp_email_codes_go_to_the_outbox()
    {
        var app = await StartAsync(new() { ["KPops:Sms:GatewayUrl"] = "https://sms.example/send", ["KPops:Sms:BearerToken"] = Token });
        var routing = Assert.IsType<SmsRouting>(app.Services.GetRequiredService<IOneTimeCodeSender>());

        Assert.IsType<SmsCodeSender>(routing.SenderFor(ContactKind.Phone));
        Assert.IsType<OutboxFileSender>(routing.SenderFor(ContactKind.Email));
    }

    [Fact]
    public async Task Without_sms_or_smtp_codes_go_to_the_outbox()
    {
        var app = await StartAsync([]);

        Assert.IsType<OutboxFileSender>(app.Services.GetRequiredService<IOneTimeCodeSender>());
    }

    [Fact]
    public async Task Phone_sign_up_texts_the_code_through_the_gateway_and_email_sign_up_still_uses_the_outbox()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = await FakeSmsGateway.StartAsync();
        var app = await StartAsync(new() { ["KPops:Sms:GatewayUrl"] = gateway.Url, ["KPops:Sms:BearerToken"] = Token, ["KPops:Sms:From"] = "KPOPS" });
        using var client = ServerFixture.CreateClient(app);

        using var phone = await client.PostAsJsonAsync("/api/fans/codes", new { phone = "+82 10-1234-5678" }, ct);
        using var email = await client.PostAsJsonAsync("/api/fans/codes", new { email = "fan@sms-tests.kpops.localhost" }, ct);

        Assert.Equal(HttpStatusCode.Accepted, phone.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, email.StatusCode);
        var (authorization, body) = Assert.Single(gateway.Received);
        Assert.Equal($"Bearer {Token}", authorization);
        Assert.Equal("+821012345678", (string?)body["to"]);
        Assert.Equal("KPOPS", (string?)body["from"]);
        Assert.Matches(@"Your code is \d{6}\.", (string?)body["text"]);
        Assert.Contains("fan@sms-tests.kpops.localhost", await File.ReadAllTextAsync(Path.Combine(_data, OutboxFileSender.FileName), ct), StringComparison.Ordinal);
        Assert.DoesNotContain("+821012345678", await File.ReadAllTextAsync(Path.Combine(_data, OutboxFileSender.FileName), ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_refusal_fails_the_send()
    {
        await using var gateway = await FakeSmsGateway.StartAsync();
        gateway.AnswerStatus = 503;
        using var http = new HttpClient();
        var sender = new SmsCodeSender(http, Options.Create(new SmsOptions { GatewayUrl = gateway.Url, BearerToken = Token }));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => sender.SendAsync(
            new OneTimeCodeMessage(ContactKind.Phone, "+821012345678", "042917", DateTimeOffset.UtcNow.AddMinutes(10)), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
    }

    [Fact]
    public void Sms_sender_refuses_email_codes()
    {
        var message = new OneTimeCodeMessage(ContactKind.Email, "fan@example.com", "042917", DateTimeOffset.UtcNow.AddMinutes(10));

        Assert.Throws<NotSupportedException>(() => SmsCodeSender.Compose(new SmsOptions { GatewayUrl = "https://sms.example", BearerToken = Token }, message));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private async Task<WebApplication> StartAsync(Dictionary<string, string?> settings)
    {
        settings["KPops:DataDirectory"] = _data;
        var app = await ServerFixture.StartAsync(settings);
        _apps.Add(app);
        return app;
    }
}
