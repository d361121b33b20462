using System.Net.Http.Json;
using KPops.Log;
using KPops.Server.Demo;
using KPops.Server.PublicLog;
using KPops.Server.Staff;
using KPops.Server.Storage;
using KPops.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KPops.Server.Tests;

/// <summary>What happens when a server starts on a data directory: validation, key creation and reuse, demo seeding.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kpops-startup-tests-" + Guid.NewGuid().ToString("N")[..8]);

    private Dictionary<string, string?> Settings(string? origin = null)
    {
        var settings = new Dictionary<string, string?> { ["KPops:DataDirectory"] = _data };
        if (origin is not null)
        {
            settings["KPops:Log:Origin"] = origin;
        }

        return settings;
    }

    [Fact]
    public async Task Invalid_configuration_stops_the_server_at_start_naming_the_setting()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ServerFixture.StartAsync(Settings(origin: "not a valid+origin")));

        Assert.Contains("origin", string.Join(" ", failure.Failures), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task First_start_creates_an_owner_only_signer_key_that_later_starts_reuse()
    {
        string firstKey;
        await using (var first = await ServerFixture.StartAsync(Settings()))
        {
            firstKey = first.Services.GetRequiredService<LogHost>().VerifierKey;
            await first.StopAsync(TestContext.Current.CancellationToken);
        }

        await using var second = await ServerFixture.StartAsync(Settings());
        string keyFile = Path.Combine(_data, LogHost.SignerKeyFileName);

        Assert.Equal(firstKey, second.Services.GetRequiredService<LogHost>().VerifierKey);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        Assert.True(NoteSigner.TryParse(File.ReadAllText(keyFile).Trim(), out _, out _));
    }

    [Fact]
    public async Task The_sqlite_database_uses_write_ahead_logging_with_a_sync_on_every_commit()
    {
        await using var app = await ServerFixture.StartAsync(Settings());
        await using var scope = app.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<KPopsDbContext>().Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);

        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        // 2 = FULL: the WAL is synced at each commit, so an answered request's rows survive a power cut.
        Assert.Equal("2", await PragmaAsync(connection, "synchronous"));
    }

    private static async Task<string?> PragmaAsync(System.Data.Common.DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Changing_the_origin_of_an_existing_log_is_refused()
    {
        await using (var first = await ServerFixture.StartAsync(Settings(origin: "first.example/log")))
        {
            await first.StopAsync(TestContext.Current.CancellationToken);
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerFixture.StartAsync(Settings(origin: "second.example/log")));

        Assert.Contains("first.example/log", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_seed_loads_the_preset_once_and_gives_each_role_a_working_password()
    {
        await using var app = await ServerFixture.StartAsync(Settings());
        await DemoSeed.SeedAsync(app.Services, DemoSeed.DefaultPreset, TestContext.Current.CancellationToken);

        DemoSetup again = await DemoSeed.SeedAsync(app.Services, DemoSeed.DefaultPreset, TestContext.Current.CancellationToken);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KPopsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Equal([DemoSeed.DefaultPreset], await db.Seasons.Select(s => s.Id).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(StaffRoles.All, again.Staff.Select(s => s.Role));
        foreach (StaffCredentials staff in again.Staff)
        {
            var user = await users.FindByEmailAsync(staff.Email);
            Assert.True(await users.CheckPasswordAsync(user!, staff.Password));
            Assert.Equal([staff.Role], await users.GetRolesAsync(user!));
        }
    }

    [Fact]
    public async Task Staff_account_cannot_be_created_twice_or_with_an_unknown_role()
    {
        await using var app = await ServerFixture.StartAsync(Settings());
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var created = await accounts.CreateAsync("pd@example.com", StaffRoles.Producer);

        await Assert.ThrowsAsync<StaffAccountException>(() => accounts.CreateAsync("pd@example.com", StaffRoles.Producer));
        await Assert.ThrowsAsync<StaffAccountException>(() => accounts.CreateAsync("other@example.com", "director"));
        await Assert.ThrowsAsync<StaffAccountException>(() => accounts.CreateAsync("weak@example.com", StaffRoles.Mentor, "short"));
        Assert.Matches("^[a-z2-9]{5}(-[a-z2-9]{5}){3}$", created.Password);
    }

    [Fact]
    public async Task Season_file_over_the_configured_size_is_a_payload_too_large_problem()
    {
        var settings = Settings();
        settings["KPops:MaxSeasonFileBytes"] = "1024";
        await using var app = await ServerFixture.StartAsync(settings);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("pd@example.com", StaffRoles.Producer, ServerFixture.Password);
        }

        using var producer = await ServerFixture.BearerClientAsync(app, "pd@example.com", ServerFixture.Password);
        using var response = await producer.PostAsync("/api/seasons", Json.Content(Json.NewSeason(out _)), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (string?)(await Json.ProblemAsync(response))["code"]);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var app = await ServerFixture.StartAsync(Settings());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("pd@example.com", StaffRoles.Producer, ServerFixture.Password);
        }

        using var client = ServerFixture.CreateClient(app);
        for (int i = 0; i < 5; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/staff/login", new { email = "pd@example.com", password = "wrong-password-" + i }, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await client.PostAsJsonAsync("/api/staff/login", new { email = "pd@example.com", password = ServerFixture.Password }, TestContext.Current.CancellationToken);

        Assert.Equal("locked_out", (string?)(await Json.ProblemAsync(right))["code"]);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
