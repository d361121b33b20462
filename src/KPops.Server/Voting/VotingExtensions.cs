using System.Security.Claims;
using KPops.Server.Fans;
using KPops.Server.Staff;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Voting;

public static class VotingExtensions
{
    /// <summary>
    /// The one scheme the <see cref="VotingPolicies.Voter"/> policy authenticates: it forwards a voter token
    /// (<c>Bearer kv2.…</c>) to <see cref="VoterTokenHandler"/>, any other bearer token to Identity's bearer scheme, and
    /// everything else to Identity's cookie, so each ballot pays for exactly one scheme.
    /// </summary>
    public const string VoterScheme = "KPops.Voter";

    /// <summary>
    /// The ballot pipeline host (<see cref="VotingHost"/>): a singleton that is also a hosted service, started after
    /// the database is migrated. Register after <c>ServerStartup</c>.
    /// </summary>
    public static IServiceCollection AddKPopsVoting(this IServiceCollection services)
    {
        // Fans vote with voter tokens; signed-in non-staff Identity accounts (bearer or cookie) still may too.
        services.AddAuthentication().AddPolicyScheme(VoterScheme, "Voter token, else Identity bearer, else cookie", options =>
            options.ForwardDefaultSelector = http =>
                VoterTokenHandler.TryGetVoterToken(http.Request, out _) ? VoterTokenHandler.SchemeName
                : http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? IdentityConstants.BearerScheme
                : IdentityConstants.ApplicationScheme);

        // The ballots that matter for speed — voter tokens on the ballot route — bypass authentication middleware
        // altogether (VoterBallotLane). Everything else authenticates as usual: Identity's bearer-then-cookie by default,
        // then the Voter policy's own scheme on its routes (which sets the user the handler sees).
        // Other schemes that try Identity's bearer handler (the console's) may still meet a voter token: let the handler
        // refuse it by its prefix, as it would anyway, without first trying to decrypt it.
        services.PostConfigure<BearerTokenOptions>(IdentityConstants.BearerScheme, options =>
        {
            var received = options.Events.OnMessageReceived;
            options.Events.OnMessageReceived = context =>
            {
                if (VoterTokenHandler.TryGetVoterToken(context.Request, out _))
                {
                    context.Fail("A voter token is not an Identity bearer token.");
                    return Task.CompletedTask;
                }

                return received(context);
            };
        });

        services.AddAuthorizationBuilder().AddPolicy(VotingPolicies.Voter, policy => policy
            .AddAuthenticationSchemes(VoterScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => !HasStaffRole(context.User)));
        // Receipts are written through the API's JSON options: their source-generated contract comes first.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, VotingJsonContext.Default));
        services.AddSingleton<VotingHost>();
        services.AddSingleton<BallotCasting>();
        services.AddHostedService(provider => provider.GetRequiredService<VotingHost>());
        return services;
    }

    // Runs on every ballot: a loop, not LINQ over a method-group delegate.
    private static bool HasStaffRole(ClaimsPrincipal user)
    {
        foreach (string role in StaffRoles.All)
        {
            if (user.IsInRole(role))
            {
                return true;
            }
        }

        return false;
    }
}
