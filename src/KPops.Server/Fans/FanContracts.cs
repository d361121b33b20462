namespace KPops.Server.Fans;

/// <summary>Asks for a code: exactly one of an e-mail address or an international phone number (<c>+82 10-…</c>).</summary>
public sealed record FanCodeRequest(string? Email, string? Phone);

/// <summary>Proves the address with the code it received.</summary>
public sealed record FanVerifyRequest(string? Email, string? Phone, string? Code);

/// <summary>
/// A voter token for <c>Authorization: Bearer</c> on the ballot endpoint, valid <see cref="ExpiresIn"/> seconds, and
/// whether this verification created the fan's account.
/// </summary>
public sealed record VoterTokenResponse(string TokenType, string AccessToken, long ExpiresIn, bool Created);
