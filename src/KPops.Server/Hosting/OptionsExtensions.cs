using KPops.Server.PublicLog;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Hosting;

public static class OptionsExtensions
{
    /// <summary>Binds <see cref="ServerOptions"/> and <see cref="LogOptions"/>, validated when the server starts.</summary>
    public static IServiceCollection AddKPopsOptions(this IServiceCollection services)
    {
        services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LogOptions>().BindConfiguration(LogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DataDirectory>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
