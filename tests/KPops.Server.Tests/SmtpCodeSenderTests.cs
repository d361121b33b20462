using KPops.Server.Fans;
using KPops.Server.Storage;
using KPops.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KPops.Server.Tests;

/// <summary>Choosing, configuring and using the SMTP code sender (against a loopback fake SMTP server).</summary>
public sealed class SmtpCodeSenderTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kpops-smtp-tests-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Smtp_host_without_a_sender_address_stops_the_server_at_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ServerFixture.StartAsync(Settings(from: null)));

        Assert.Contains("KPops:Smtp:From", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smtp_host_switches_the_code_sender_from_the_outbox_to_smtp()
    {
        var app = await ServerFixture.StartAsync(Settings(from: "KPops <no-reply@kpops.example>"));
        try
        {
            Assert.IsType<SmtpCodeSender>(app.Services.GetRequiredService<IOneTimeCodeSender>());
        }
        finally
        {
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
        }
    }

    [Fact]
    public void Code_mail_goes_from_the_configured_address_with_the_code_in_subject_and_body()
    {
        var smtp = new SmtpOptions { Host = "smtp.kpops.example", From = "KPops <no-reply@kpops.example>" };
        var message = new OneTimeCodeMessage(ContactKind.Email, "fan@example.com", "042917", DateTimeOffset.UtcNow.AddMinutes(10));

        using var mail = SmtpCodeSender.Compose(smtp, message);

        Assert.Equal("no-reply@kpops.example", mail.From.Mailboxes.Single().Address);
        Assert.Equal("fan@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Contains("042917", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("042917", Assert.IsType<TextPart>(mail.Body).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smtp_sender_delivers_the_code_to_the_smtp_server()
    {
        using var server = new FakeSmtpServer();
        var smtp = new SmtpOptions { Host = "127.0.0.1", Port = server.Port, From = "no-reply@kpops.example" };
        var message = new OneTimeCodeMessage(ContactKind.Email, "fan@example.com", "731905", DateTimeOffset.UtcNow.AddMinutes(10));

        await new SmtpCodeSender(Options.Create(smtp)).SendAsync(message, TestContext.Current.CancellationToken);
        string data = await server.Received.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Contains("To: fan@example.com", data, StringComparison.Ordinal);
        Assert.Contains("731905", data, StringComparison.Ordinal);
    }

    [Fact]
    public void Smtp_sender_refuses_phone_codes()
    {
        var smtp = new SmtpOptions { Host = "smtp.kpops.example", From = "no-reply@kpops.example" };
        var message = new OneTimeCodeMessage(ContactKind.Phone, "+821012345678", "042917", DateTimeOffset.UtcNow.AddMinutes(10));

        Assert.Throws<NotSupportedException>(() => SmtpCodeSender.Compose(smtp, message));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private Dictionary<string, string?> Settings(string? from) => new()
    {
        ["KPops:DataDirectory"] = _data,
        ["KPops:Smtp:Host"] = "smtp.kpops.example",
        ["KPops:Smtp:From"] = from,
    };
}
