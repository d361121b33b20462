using KPops.Server.Staff;
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
        services.AddAuthorizationBuilder().AddPolicy(VotingPolicies.Voter, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => !StaffRoles.All.Any(context.User.IsInRole)));
        services.AddSingleton<VotingHost>();
        services.AddHostedService(provider => provider.GetRequiredService<VotingHost>());
        return services;
    }
}
