using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KPops.Server.Storage;

/// <summary>Healthy when the database answers; a server that cannot reach it cannot sign anyone in.</summary>
internal sealed class DatabaseHealthCheck(KPopsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
