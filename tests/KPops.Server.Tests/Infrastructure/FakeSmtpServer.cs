using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KPops.Server.Tests.Infrastructure;

/// <summary>
/// The smallest SMTP server MailKit will talk to (RFC 5321 without extensions): accepts one connection on loopback and
/// keeps the message data it was given, so a test can check what was actually sent.
/// </summary>
internal sealed class FakeSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task<string> _received;

    public FakeSmtpServer()
    {
        _listener.Start();
        _received = ServeOneAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The DATA of the one message received.</summary>
    public Task<string> Received => _received;

    public void Dispose() => _listener.Dispose();

    private async Task<string> ServeOneAsync()
    {
        using var client = await _listener.AcceptTcpClientAsync();
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        var data = new StringBuilder();
        await writer.WriteLineAsync("220 fake ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            string verb = line.Split(' ', 2)[0].ToUpperInvariant();
            if (verb == "DATA")
            {
                await writer.WriteLineAsync("354 go ahead");
                while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                {
                    data.AppendLine(dataLine);
                }

                await writer.WriteLineAsync("250 queued");
            }
            else if (verb == "QUIT")
            {
                await writer.WriteLineAsync("221 bye");
                break;
            }
            else
            {
                await writer.WriteLineAsync(verb is "EHLO" or "HELO" ? "250 fake" : "250 ok");
            }
        }

        return data.ToString();
    }
}
