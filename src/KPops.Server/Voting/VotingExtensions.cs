using KPops.Server.Fans;
using KPops.Server.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Voting;

public static class VotingExtensions
{
    /// <summary>
    /// The ballot pipeline host (<see cref="VotingHost"/>): a singleton that is also a hosted service, started after
    /// the database is migrated. Register after <c>ServerStartup</c>.
    /// </summary>
    public static IServiceCollection AddKPopsVoting(this IServiceCollection services)
    {
        // Fans vote with voter tokens; signed-in non-staff Identity accounts (bearer or cookie) still may too.
        services.AddAuthorizationBuilder().AddPolicy(VotingPolicies.Voter, policy => policy
            .AddAuthenticationSchemes(VoterTokenHandler.SchemeName, IdentityConstants.BearerScheme, IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => !StaffRoles.All.Any(context.User.IsInRole)));
        services.AddSingleton<VotingHost>();
        services.AddHostedService(provider => provider.GetRequiredService<VotingHost>());
        return services;
    }
}
