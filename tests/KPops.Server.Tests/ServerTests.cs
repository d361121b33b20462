using KPops.Server.Tests.Infrastructure;

namespace KPops.Server.Tests;

/// <summary>
/// The server's contract, run once per database provider (<see cref="SqliteServerTests"/>,
/// <see cref="PostgresServerTests"/>). The parts live in files named after what they cover.
/// </summary>
public abstract partial class ServerTests<TFixture>
    where TFixture : ServerFixture
{
    protected ServerTests(TFixture fixture)
    {
        Assert.SkipWhen(fixture.SkipReason is not null, fixture.SkipReason ?? "");
        Fixture = fixture;
    }

    protected TFixture Fixture { get; }

    protected HttpClient As(Role role) => Fixture.As(role);
}

public sealed class SqliteServerTests(SqliteServerFixture fixture) : ServerTests<SqliteServerFixture>(fixture), IClassFixture<SqliteServerFixture>;

public sealed class PostgresServerTests(PostgresServerFixture fixture) : ServerTests<PostgresServerFixture>(fixture), IClassFixture<PostgresServerFixture>;
