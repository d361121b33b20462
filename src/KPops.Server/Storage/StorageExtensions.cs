using KPops.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KPops.Server.Storage;

public static class StorageExtensions
{
    /// <summary>The connection string name that switches storage from SQLite to PostgreSQL.</summary>
    public const string PostgresConnectionName = "Postgres";

    /// <summary>
    /// Registers <see cref="KPopsDbContext"/> on PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, and
    /// otherwise on SQLite in the data directory (<c>kpops.db</c>); migrations are applied at start-up.
    /// </summary>
    public static IServiceCollection AddKPopsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        string? postgres = configuration.GetConnectionString(PostgresConnectionName);
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            services.AddDbContext<KPopsDbContext, PostgresKPopsDbContext>(options => options.UseNpgsql(postgres));
        }
        else
        {
            services.AddDbContext<KPopsDbContext, SqliteKPopsDbContext>((provider, options) =>
                options.UseSqlite($"Data Source={provider.GetRequiredService<DataDirectory>().PathOf("kpops.db")}"));
        }

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
