namespace KPops.Server.Storage;

/// <summary>How a fan proved who they are.</summary>
public enum ContactKind
{
    Email = 1,
    Phone = 2,
}

/// <summary>
/// A fan ("national producer") account: one per verified e-mail address or phone number, which is what
/// limits a person to one ballot per period. The address is stored normalized (lower-case e-mail, E.164 phone)
/// so that uniqueness cannot be dodged by spelling.
/// </summary>
public sealed class FanAccount
{
    public Guid Id { get; set; }

    public ContactKind Kind { get; set; }

    public required string Address { get; set; }

    public DateTimeOffset VerifiedAt { get; set; }
}
