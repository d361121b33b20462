using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KPops.Server.Storage;

/// <summary>
/// Everything the server stores that is not the vote log: seasons, staff (Identity), fans, one-time codes,
/// partner keys and partner batches (idempotency). The model is provider-neutral; <see cref="SqliteKPopsDbContext"/> and
/// <see cref="PostgresKPopsDbContext"/> exist only so that each provider has its own migrations.
/// </summary>
public abstract class KPopsDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<SeasonRecord> Seasons => Set<SeasonRecord>();

    public DbSet<FanAccount> Fans => Set<FanAccount>();

    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();

    public DbSet<PartnerKey> PartnerKeys => Set<PartnerKey>();

    public DbSet<PartnerBatch> PartnerBatches => Set<PartnerBatch>();

    public DbSet<KPops.Server.Integrity.StoredAlert> IntegrityAlerts => Set<KPops.Server.Integrity.StoredAlert>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<SeasonRecord>(season =>
        {
            season.ToTable("Seasons");
            season.Property(s => s.Id).HasMaxLength(100);
            season.Property(s => s.LoadedBy).HasMaxLength(450);
        });

        builder.Entity<FanAccount>(fan =>
        {
            fan.ToTable("Fans");
            fan.Property(f => f.Address).HasMaxLength(320);
            // One account per verified address or number: the database enforces it, not only the code.
            fan.HasIndex(f => new { f.Kind, f.Address }).IsUnique();
        });

        builder.Entity<OneTimeCode>(code =>
        {
            code.ToTable("OneTimeCodes");
            code.Property(c => c.Address).HasMaxLength(320);
            code.Property(c => c.CodeHash).HasMaxLength(32);
            code.HasIndex(c => new { c.Kind, c.Address });
        });

        builder.Entity<PartnerKey>(key =>
        {
            key.ToTable("PartnerKeys");
            key.Property(k => k.Id).HasMaxLength(64);
            key.Property(k => k.PartnerName).HasMaxLength(200);
            key.Property(k => k.ProtectedSecret).HasMaxLength(1024);
            key.Property(k => k.CreatedBy).HasMaxLength(450);
        });

        builder.Entity<PartnerBatch>(batch =>
        {
            batch.ToTable("PartnerBatches");
            // Idempotency keys are the partner's own: two keys may use the same string without meeting.
            batch.HasKey(b => new { b.KeyId, b.IdempotencyKey });
            batch.Property(b => b.KeyId).HasMaxLength(64);
            batch.Property(b => b.IdempotencyKey).HasMaxLength(200);
            batch.Property(b => b.RequestHash).HasMaxLength(32);
            batch.HasIndex(b => b.CreatedAtUnixMs);
        });
    }
}

/// <summary>The SQLite flavour of <see cref="KPopsDbContext"/>; its migrations are in <c>Storage/Migrations/Sqlite</c>.</summary>
public sealed class SqliteKPopsDbContext(DbContextOptions<SqliteKPopsDbContext> options) : KPopsDbContext(options);

/// <summary>The PostgreSQL flavour of <see cref="KPopsDbContext"/>; its migrations are in <c>Storage/Migrations/Postgres</c>.</summary>
public sealed class PostgresKPopsDbContext(DbContextOptions<PostgresKPopsDbContext> options) : KPopsDbContext(options);
