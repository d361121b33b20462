using KPops.Server.Staff;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace KPops.Server.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>OpenTelemetry metrics — KPops' ballot meters plus ASP.NET Core's and Kestrel's own — for Prometheus.</summary>
    public static IServiceCollection AddKPopsTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<KPopsMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(KPopsMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            // No scrape cache (the exporter's default keeps a scrape for 300 ms, a guard for open endpoints): the endpoint
            // is producers' only.
            .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>
    /// The Prometheus scrape endpoint, <c>/metrics</c>, for producers only: the ballot meters count ballots (accepted,
    /// batch sizes, receipts), so before an announcement they would tell anyone a round's turnout — counts are embargoed.
    /// A scraper signs in as a producer (bearer token).
    /// </summary>
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(StaffPolicies.Producer);
        return app;
    }
}
