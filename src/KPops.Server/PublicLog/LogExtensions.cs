using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.PublicLog;

public static class LogExtensions
{
    /// <summary>The server's vote log (<see cref="LogHost"/>), opened at start-up.</summary>
    public static IServiceCollection AddKPopsLog(this IServiceCollection services)
    {
        services.AddSingleton<LogHost>();
        return services;
    }
}
