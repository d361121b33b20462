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
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>The Prometheus scrape endpoint, <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
