namespace KPops.Server.Storage;

/// <summary>
/// An API key of a partner (an SMS gateway, the broadcaster's app) that submits ballots in batches. The key id
/// is public and sent with each request; only a hash of the secret is stored.
/// </summary>
public sealed class PartnerKey
{
    public required string Id { get; set; }

    public required string PartnerName { get; set; }

    public required byte[] SecretHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the key is withdrawn; a revoked key is kept so that old batches still name their sender.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
