using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace KPops.Server.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server for the test run: <c>initdb</c> into a temp directory (as the <c>postgres</c> OS
/// user when the tests run as root, since PostgreSQL refuses to run as root), <c>pg_ctl start</c> on 127.0.0.1
/// with a free port and durability switched off (it is thrown away), stopped and deleted when the run ends.
/// The binaries come from Debian's <c>postgresql</c> package (/usr/lib/postgresql/&lt;version&gt;/bin), which
/// .ci/run installs when missing; without them <see cref="SkipReason"/> says why the PostgreSQL tests are skipped.
/// </summary>
public sealed class PostgresInstance : IAsyncLifetime
{
    private const string Superuser = "postgres";
    private string? _root;
    private string? _binaries;
    private int _port;

    /// <summary>Null when the server runs; otherwise why PostgreSQL tests cannot run.</summary>
    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _binaries = FindBinaries();
        if (_binaries is null)
        {
            // CI installs PostgreSQL (.ci/run), so a missing server there is a broken CI machine, not a reason to skip.
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException("PostgreSQL binaries are missing on CI; .ci/run should have installed the postgresql package.");
            }

            SkipReason = "PostgreSQL binaries (pg_ctl, initdb) are not installed; `apt-get install postgresql` (done by .ci/run) enables these tests.";
            return;
        }

        _root = Path.Combine(Path.GetTempPath(), "kpops-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_root);
        bool asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["-R", Superuser + ":", _root], asPostgres: false);
        }

        string data = Path.Combine(_root, "data");
        await RunAsync(Path.Combine(_binaries, "initdb"),
            ["-D", data, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asRoot);
        _port = FreePort();
        string settings = string.Create(CultureInfo.InvariantCulture,
            $"-p {_port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await RunAsync(Path.Combine(_binaries, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(_root, "server.log"), "-w", "-o", settings, "start"], asRoot);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (SkipReason is not null)
        {
            throw new InvalidOperationException(SkipReason);
        }

        string name = "kpops_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_root is null || _binaries is null)
        {
            return;
        }

        try
        {
            await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"],
                Environment.UserName == "root");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(_root, recursive: true);
        }
    }

    private string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={_port};Username={Superuser};Database={database};Pooling=true");

    private static string? FindBinaries()
    {
        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        return Directory.GetDirectories(debianRoot)
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")) && File.Exists(Path.Combine(bin, "initdb")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out int v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (string prefix in new[] { "-u", Superuser, "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
