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
        var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
        if (db is SqliteKPopsDbContext)
        {
            // Write-ahead logging: a commit is one append and one fsync of the WAL (the default rollback journal
            // fsyncs the journal and the database, then deletes the journal), and readers — the integrity monitor,
            // the fan pages — no longer wait for a writer. Durable still: SQLite's default synchronous=FULL syncs
            // the WAL on every commit. The mode is stored in the database file, so this is a no-op after the first
            // start.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<StaffAccounts>().EnsureRolesAsync();
    }
}
