using KPops.Server.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PostgresInstance))]
