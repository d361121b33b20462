using KPops.Server.Fans;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Voting;

/// <summary>Marks the endpoint <see cref="VoterBallotLane"/> serves: casting a ballot.</summary>
public sealed class VoterBallotLaneMetadata
{
    public static readonly VoterBallotLaneMetadata Instance = new();

    private VoterBallotLaneMetadata()
    {
    }
}

/// <summary>
/// The finale's hot path: a ballot that carries a genuine voter token goes from routing straight to the ballot
/// endpoint's handler (<see cref="BallotCasting"/>, a singleton), past the exception-handler and status-code-page
/// middleware (the handler answers exceptions with the same handlers and always writes a body) and the static-file,
/// localization, authentication, authorization, anti-forgery and rate-limiter middleware. For such a request those would decide exactly this: the
/// voter-token handler would authenticate the fan (<see cref="VoterTokenHandler.PrincipalOf"/>), and
/// the <see cref="VotingPolicies.Voter"/> policy would admit a principal with no staff role; the ballot route has no
/// anti-forgery metadata (JSON, not a form) and no rate-limiter policy (its limits are checked by BallotCasting), and
/// static files and page localization pass API requests on. Authentication and authorization alone were about a tenth
/// of the server's profile samples per ballot. The lane builds no claims principal either (the request stays
/// anonymous to anything else): it hands the ballot path the <see cref="BallotVoter"/> the token names, which is all
/// that path reads — the principal's claims were a tenth of the bytes allocated per ballot. Any other request — no voter token, a forged or expired one, an
/// Identity account — takes the full pipeline, which answers it as before.
/// </summary>
public static class VoterBallotLane
{
    /// <summary>
    /// Place first: after routing (which WebApplication puts at the start of the pipeline) and before the problem-details
    /// middleware — <see cref="BallotCasting"/> answers exceptions with the same handlers, and always writes a body.
    /// </summary>
    public static IApplicationBuilder UseKPopsVoterBallotLane(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var tokens = app.ApplicationServices.GetRequiredService<VoterTokens>();
        // The endpoint's handler, called directly: its route delegate would open a DI scope per ballot to resolve it.
        var casting = app.ApplicationServices.GetRequiredService<BallotCasting>();
        return app.Use((http, next) =>
        {
            if (http.GetEndpoint() is { } endpoint
                && endpoint.Metadata.GetMetadata<VoterBallotLaneMetadata>() is not null
                && VoterTokenHandler.TryGetVoterToken(http.Request, out ReadOnlySpan<char> token)
                && tokens.Read(token) is { } claims)
            {
                http.Features.Set(BallotVoter.Of(claims));
                return casting.CastAsync(http);
            }

            return next(http);
        });
    }
}
