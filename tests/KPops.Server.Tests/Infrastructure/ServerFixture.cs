using System.Net.Http.Headers;
using System.Net.Http.Json;
using KPops.Server.Staff;
using KPops.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KPops.Server.Tests.Infrastructure;

/// <summary>
/// One running server (in-memory test host) on a fresh data directory and database, with one signed-in account
/// per <see cref="Role"/>. Subclasses choose the database.
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    public const string Password = "correct-horse-battery";
    public const string ThrowingPath = "/test/throw";

    private readonly Dictionary<Role, HttpClient> _clients = [];
    private WebApplication? _app;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "kpops-server-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public WebApplication App => _app ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>Why this fixture's tests cannot run here, or null.</summary>
    public virtual string? SkipReason => null;

    public static string EmailOf(Role role) => $"{role.ToString().ToLowerInvariant()}@tests.kpops.localhost";

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        // Many tests ask for codes from the one test client address: the per-address limit has its own test.
        var settings = new Dictionary<string, string?> { ["KPops:DataDirectory"] = DataDirectory, ["KPops:FanCodeRequestsPerMinute"] = "10000" };
        foreach (var (key, value) in await DatabaseSettingsAsync())
        {
            settings[key] = value;
        }

        PrepareDataDirectory();
        _app = await StartAsync(settings);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
            await accounts.CreateAsync(EmailOf(Role.Producer), StaffRoles.Producer, Password);
            await accounts.CreateAsync(EmailOf(Role.Mentor), StaffRoles.Mentor, Password);
            await accounts.CreateAsync(EmailOf(Role.Auditor), StaffRoles.Auditor, Password);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var fan = new StaffUser { UserName = EmailOf(Role.Fan), Email = EmailOf(Role.Fan), EmailConfirmed = true };
            var created = await users.CreateAsync(fan, Password);
            Assert.True(created.Succeeded);
        }

        _clients[Role.Anonymous] = CreateClient();
        foreach (Role role in new[] { Role.Fan, Role.Mentor, Role.Producer, Role.Auditor })
        {
            _clients[role] = await BearerClientAsync(EmailOf(role), Password);
        }

        _clients[Role.Voter] = await FanCodes.VoterClientAsync(App, DataDirectory);
    }

    /// <summary>Starts a server with <paramref name="settings"/> (tests that need their own use this too).</summary>
    public static async Task<WebApplication> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = KPopsServer.CreateBuilder([], settings);
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = KPopsServer.Build(builder);
        app.MapGet(ThrowingPath, string () => throw new InvalidOperationException("secret connection string Password=hunter2"));
        await app.StartAsync();
        return app;
    }

    /// <summary>The client that sends requests as <paramref name="role"/> (a bearer token; none for anonymous).</summary>
    public HttpClient As(Role role) => _clients[role];

    /// <summary>A client without credentials that keeps cookies (for cookie sessions).</summary>
    public HttpClient CreateClient() => CreateClient(App);

    public Task<HttpClient> BearerClientAsync(string email, string password) => BearerClientAsync(App, email, password);

    public static HttpClient CreateClient(WebApplication app)
    {
        var server = app.GetTestServer();
        return new(new CookieContainerHandler { InnerHandler = server.CreateHandler() }) { BaseAddress = server.BaseAddress };
    }

    /// <summary>A client signed in to <paramref name="app"/> with a bearer token.</summary>
    public static async Task<HttpClient> BearerClientAsync(WebApplication app, string email, string password)
    {
        var client = CreateClient(app);
        var response = await client.PostAsJsonAsync("/api/staff/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    protected abstract Task<IReadOnlyDictionary<string, string?>> DatabaseSettingsAsync();

    /// <summary>Runs before the server starts, e.g. to put an existing log in the data directory.</summary>
    protected virtual void PrepareDataDirectory()
    {
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}

public sealed class SqliteServerFixture : ServerFixture
{
    protected override Task<IReadOnlyDictionary<string, string?>> DatabaseSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());
}

public sealed class PostgresServerFixture(PostgresInstance postgres) : ServerFixture
{
    public override string? SkipReason => postgres.SkipReason;

    protected override async Task<IReadOnlyDictionary<string, string?>> DatabaseSettingsAsync() =>
        new Dictionary<string, string?> { [$"ConnectionStrings:{StorageExtensions.PostgresConnectionName}"] = await postgres.CreateDatabaseAsync() };
}
