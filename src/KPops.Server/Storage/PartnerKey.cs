namespace KPops.Server.Storage;

/// <summary>
/// An API key of a partner (an SMS gateway, the broadcaster's app) that submits ballots in signed batches. The key id
/// is public and sent with each request. The secret must be recoverable to check HMAC signatures, so it is stored
/// encrypted and authenticated with ASP.NET Core Data Protection (keys in the data directory's <c>keys/</c>), never
/// in clear: a database leak alone does not let anyone sign batches.
/// </summary>
public sealed class PartnerKey
{
    public required string Id { get; set; }

    /// <summary>
    /// The partner the key belongs to. Ballots are pseudonymized per partner name, so a partner's new key (rotation)
    /// keeps its subscribers' pseudonyms and quotas.
    /// </summary>
    public required string PartnerName { get; set; }

    /// <summary>The secret, protected by Data Protection (purpose <c>KPops.Partners.Secret.v1</c>).</summary>
    public required byte[] ProtectedSecret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The producer (staff user id) who created the key, for the audit trail.</summary>
    public string? CreatedBy { get; set; }

    /// <summary>Set when the key is withdrawn; a revoked key is kept so that old batches still name their sender.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
