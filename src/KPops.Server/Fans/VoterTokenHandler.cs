using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KPops.Server.Fans;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;voter token&gt;</c> as the fan it was issued to. The principal carries the
/// fan account id as its name identifier and no role, so staff policies never admit it.
/// </summary>
public sealed class VoterTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, VoterTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "VoterToken";

    public const string FanClaim = "kpops:fan";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (tokens.Read(header["Bearer ".Length..].Trim()) is not { } fanId)
        {
            // Quite likely a staff bearer token: another scheme's business, not a failure of this one.
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, fanId.ToString("D")), new Claim(FanClaim, fanId.ToString("D"))], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
