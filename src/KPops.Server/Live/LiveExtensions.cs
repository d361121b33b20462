using KPops.Server.Staff;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Live;

public static class LiveExtensions
{
    /// <summary>
    /// The live counts: SignalR, and <see cref="LiveCountFeed"/> as a singleton (inject it in-process) that is also a
    /// hosted service. Register after <c>AddKPopsVoting</c>. Browsers cannot put a bearer token in a WebSocket request's
    /// headers, so on the hub's path the token may also come as the <c>access_token</c> query parameter (what the
    /// SignalR JavaScript client sends); cookie sessions need nothing.
    /// </summary>
    public static IServiceCollection AddKPopsLiveCounts(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<LiveCountFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveCountFeed>());
        services.PostConfigure<BearerTokenOptions>(IdentityConstants.BearerScheme, options =>
        {
            var previous = options.Events.OnMessageReceived;
            options.Events.OnMessageReceived = async context =>
            {
                await previous(context);
                if (context.Token is null
                    && context.HttpContext.Request.Path.StartsWithSegments(LiveCountsHub.Route, StringComparison.Ordinal)
                    && context.HttpContext.Request.Query["access_token"] is [{ Length: > 0 } token])
                {
                    context.Token = token;
                }
            };
        });
        return services;
    }

    /// <summary>Maps <see cref="LiveCountsHub"/> at <c>/hubs/live</c> behind the producer policy.</summary>
    public static IEndpointRouteBuilder MapLiveCountsHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<LiveCountsHub>(LiveCountsHub.Route).RequireAuthorization(StaffPolicies.Producer);
        return app;
    }
}
