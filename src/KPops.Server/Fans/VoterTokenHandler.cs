using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KPops.Server.Fans;

/// <summary>
/// Authenticates <c>Authorization: Bearer kv2.…</c> (a <see cref="VoterTokens"/> token) as the fan it was issued to.
/// The principal carries the fan account id as its name identifier and no role, so staff policies never admit it.
/// </summary>
public sealed class VoterTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, VoterTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "VoterToken";

    public const string FanClaim = "kpops:fan";

    /// <summary>When the fan's account was verified, in Unix seconds (absent for legacy tokens): see <see cref="VoterTokens"/>.</summary>
    public const string VerifiedAtClaim = "kpops:verified_at";

    private const string Bearer = "Bearer ";

    /// <summary>
    /// The voter token of <c>Authorization: Bearer kv2.…</c> (or legacy <c>kv1.…</c>) as a slice of the header (no copy);
    /// false when the request carries none.
    /// </summary>
    public static bool TryGetVoterToken(HttpRequest request, out ReadOnlySpan<char> token)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? header = request.Headers.Authorization;
        if (header is null || !header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            token = default;
            return false;
        }

        token = header.AsSpan(Bearer.Length).Trim();
        return VoterTokens.LooksLikeVoterToken(token);
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryGetVoterToken(Request, out ReadOnlySpan<char> token))
        {
            // No voter token: a staff bearer token or a cookie is another scheme's business, not a failure of this one.
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (tokens.Read(token) is not { } claims)
        {
            return Task.FromResult(AuthenticateResult.Fail("The voter token is forged, altered or expired."));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(PrincipalOf(claims), SchemeName)));
    }

    /// <summary>The fan a genuine voter token names: the account id as name identifier, no role.</summary>
    public static ClaimsPrincipal PrincipalOf(VoterTokenClaims claims)
    {
        string id = claims.FanId.ToString("D");
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(FanClaim, id)], SchemeName);
        if (claims.VerifiedAt is { } verifiedAt)
        {
            identity.AddClaim(new Claim(VerifiedAtClaim, verifiedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        }

        return new ClaimsPrincipal(identity);
    }
}
