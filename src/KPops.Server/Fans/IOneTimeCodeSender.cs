using KPops.Server.Storage;

namespace KPops.Server.Fans;

/// <summary>A one-time code on its way to the address that asked for it.</summary>
public sealed record OneTimeCodeMessage(ContactKind Kind, string Address, string Code, DateTimeOffset ExpiresAt);

/// <summary>
/// Delivers sign-up and sign-in codes to fans. Pluggable: the default (<see cref="OutboxFileSender"/>) writes them to a
/// file for development and tests; a real deployment registers an e-mail or SMS sender in its place.
/// </summary>
public interface IOneTimeCodeSender
{
    Task SendAsync(OneTimeCodeMessage message, CancellationToken cancellationToken);
}
