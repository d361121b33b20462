namespace KPops.Server.Partners;

/// <summary>A new partner key: <see cref="Name"/> is the partner (1–100 letters, digits, spaces, <c>.</c>, <c>-</c>, <c>_</c>).</summary>
public sealed record CreatePartnerKeyRequest(string? Name);

/// <summary>A partner key as listed (the secret is never shown again).</summary>
public sealed record PartnerKeyInfo(string KeyId, string PartnerName, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just created: the only answer that holds its <see cref="Secret"/>.</summary>
public sealed record PartnerKeyCreated(string KeyId, string PartnerName, string Secret, DateTimeOffset CreatedAt);
