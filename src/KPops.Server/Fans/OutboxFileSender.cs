using System.Text.Json;
using KPops.Server.Hosting;

namespace KPops.Server.Fans;

/// <summary>
/// The development sender: appends each message as one JSON line to <c>&lt;data&gt;/outbox.log</c> instead of sending
/// it, so a developer (or a test) can read the code. The file holds live codes: it belongs to the server's OS user.
/// </summary>
public sealed class OutboxFileSender(DataDirectory data) : IOneTimeCodeSender
{
    public const string FileName = "outbox.log";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Concurrent requests must not interleave their lines.
    private readonly Lock _append = new();

    public string Path => data.PathOf(FileName);

    public Task SendAsync(OneTimeCodeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = JsonSerializer.Serialize(new
        {
            to = message.Address,
            kind = message.Kind.ToString().ToLowerInvariant(),
            code = message.Code,
            expiresAt = message.ExpiresAt,
            text = $"Your KPops code is {message.Code}. It expires in {FanSignIn.CodeLifetime.TotalMinutes:0} minutes.",
        }, Json);
        // A line of a few hundred bytes: written synchronously under the lock rather than awaited while holding it.
        lock (_append)
        {
            File.AppendAllText(Path, line + "\n");
        }

        return Task.CompletedTask;
    }
}
