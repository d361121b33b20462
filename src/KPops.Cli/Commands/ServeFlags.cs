using System.CommandLine;
using KPops.Server;
using KPops.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace KPops.Cli.Commands;

/// <summary>
/// The flags every server command shares. Each one overrides the same setting from appsettings.json or the
/// environment (docs/server.md lists them all).
/// </summary>
internal sealed class ServeFlags
{
    public Option<string?> Urls { get; } = new("--urls")
    {
        Description = "Addresses to listen on, separated by ';' (e.g. http://127.0.0.1:8080). Default: http://localhost:5000.",
    };

    public Option<DirectoryInfo?> Data { get; } = new("--data")
    {
        Description = "Data directory (database, vote log, keys). Default: KPops:DataDirectory, or ./kpops-data.",
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "A PostgreSQL connection string; without it the server stores its data in SQLite in the data directory.",
    };

    public void AddTo(Command command, bool listens = true)
    {
        if (listens)
        {
            command.Options.Add(Urls);
        }

        command.Options.Add(Data);
        command.Options.Add(Postgres);
    }

    /// <summary>The server builder with these flags applied over the configuration.</summary>
    public WebApplicationBuilder CreateBuilder(ParseResult parseResult, DirectoryInfo? defaultData = null)
    {
        var settings = new Dictionary<string, string?>();
        DirectoryInfo? data = parseResult.GetValue(Data) ?? defaultData;
        if (data is not null)
        {
            settings[$"{ServerOptions.Section}:{nameof(ServerOptions.DataDirectory)}"] = data.FullName;
        }

        if (parseResult.GetValue(Postgres) is { Length: > 0 } postgres)
        {
            settings[$"ConnectionStrings:{StorageExtensions.PostgresConnectionName}"] = postgres;
        }

        string? urls = parseResult.GetValue(Urls);
        return KPopsServer.CreateBuilder(urls is null ? [] : ["--urls", urls], settings);
    }

    /// <summary>Runs <paramref name="body"/>, turning a configuration or start-up failure into a plain message.</summary>
    public static int Run(Func<Task<int>> body)
    {
        try
        {
            return body().GetAwaiter().GetResult();
        }
        catch (OptionsValidationException e)
        {
            throw new CliException($"invalid configuration: {string.Join(" ", e.Failures)}");
        }
        catch (InvalidOperationException e) when (e.Source?.StartsWith("KPops", StringComparison.Ordinal) == true)
        {
            throw new CliException(e.Message);
        }
        catch (IOException e)
        {
            throw new CliException($"cannot start: {e.Message}");
        }
    }
}
