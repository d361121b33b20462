using KPops.Server.Integrity.Detectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KPops.Server.Integrity;

public static class IntegrityExtensions
{
    /// <summary>
    /// The anti-abuse features: <see cref="IntegrityOptions"/> (<c>KPops:Integrity</c>, validated at start), the
    /// detectors' queue and monitor, the alert store (kept in the database by <see cref="AlertPersistence"/>), proof of work and the CAPTCHA verifier (a deployment may
    /// register its own <see cref="ICaptchaVerifier"/> before this call).
    /// </summary>
    public static IServiceCollection AddKPopsIntegrity(this IServiceCollection services)
    {
        services.AddOptions<IntegrityOptions>().BindConfiguration(IntegrityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BallotObservations>();
        services.AddSingleton<IAlertArchive, DatabaseAlertArchive>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<IAlertSink>(sp => sp.GetRequiredService<AlertStore>());
        services.AddSingleton<AlertPersistence>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertPersistence>());
        services.AddSingleton<ProofOfWork>();
        services.AddSingleton<IntegrityBallotGate>();
        services.AddSingleton<IntegrityMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<IntegrityMonitor>());
        services.AddHttpClient<HttpCaptchaVerifier>();
        services.TryAddTransient<ICaptchaVerifier>(sp => sp.GetRequiredService<HttpCaptchaVerifier>());
        return services;
    }
}
