using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KPops.Server.Witnesses;

public static class WitnessExtensions
{
    /// <summary>Witness options (validated at start), the published cosignatures, and the background submitter.</summary>
    public static IServiceCollection AddKPopsWitnesses(this IServiceCollection services)
    {
        services.AddOptions<WitnessOptions>().BindConfiguration(WitnessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<WitnessOptions>, WitnessOptionsValidator>();
        services.AddSingleton<CheckpointCosignatures>();
        services.AddHostedService<WitnessSubmitter>();
        return services;
    }
}
