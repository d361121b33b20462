namespace KPops.Server.Storage;

/// <summary>
/// A sign-up or sign-in code sent to an address. Only a hash of the code is stored, so a database leak does not
/// let anyone finish someone else's sign-in; attempts are counted so codes cannot be guessed.
/// </summary>
public sealed class OneTimeCode
{
    public Guid Id { get; set; }

    public ContactKind Kind { get; set; }

    public required string Address { get; set; }

    public required byte[] CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int FailedAttempts { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }
}
