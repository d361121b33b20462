using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KPops.Server.Storage;

// `dotnet ef migrations add` builds the model through these; no database is contacted.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKPopsDbContext>
{
    public SqliteKPopsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKPopsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKPopsDbContext>
{
    public PostgresKPopsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKPopsDbContext>().UseNpgsql("Host=localhost;Database=kpops_design_time").Options);
}
