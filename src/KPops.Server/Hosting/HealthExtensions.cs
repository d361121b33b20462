namespace KPops.Server.Hosting;

public static class HealthExtensions
{
    /// <summary><c>/health</c>: 200 "Healthy" when the database answers, 503 otherwise.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health").WithTags("Health").WithName("Health").WithSummary("Liveness and database reachability");
        return app;
    }
}
