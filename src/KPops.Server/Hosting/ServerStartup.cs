using KPops.Server.PublicLog;
using KPops.Server.Staff;
using KPops.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KPops.Server.Hosting;

/// <summary>
/// What must be true before the server takes a request: the database schema is current (migrations applied),
/// the staff roles exist, and the vote log is open and recovered (the ballot pipeline starts right after). Runs before Kestrel starts listening; if any
/// step fails, the server does not start.
/// </summary>
internal sealed class ServerStartup(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PrepareDatabaseAsync(services, cancellationToken);
        services.GetRequiredService<LogHost>();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies pending migrations and creates the staff roles (idempotent).</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<KPopsDbContext>().Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<StaffAccounts>().EnsureRolesAsync();
    }
}
