using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KPops.Reliability.Tests.Infrastructure;

/// <summary>
/// The real server as a child process (<c>dotnet kpops.dll serve --data DIR --urls http://127.0.0.1:PORT</c>), on
/// loopback and a fresh port, so that it can be killed with SIGKILL — <see cref="Process.Kill()"/> sends SIGKILL on
/// Linux — exactly as a crashed machine would stop it. Its output is kept (the last lines) for failure messages.
/// </summary>
internal sealed class KpopsServerProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private KpopsServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the server printed last (stdout and stderr interleaved).</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts <c>kpops serve</c> and waits until <c>/health</c> answers 200.</summary>
    public static async Task<KpopsServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        foreach (string argument in new[] { RepositoryPaths.KpopsDll, "serve", "--data", dataDirectory, "--urls", baseAddress.AbsoluteUri.TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new KpopsServerProcess(process, baseAddress);
        process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthyAsync(timeout, cancellationToken);
        return server;
    }

    /// <summary>Runs <c>dotnet kpops.dll ARGS</c> to completion (e.g. <c>staff add</c>); throws with its output if it fails.</summary>
    public static async Task RunCliAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken,
        params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(RepositoryPaths.KpopsDll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kpops {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await errors}");
        }
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, no drain — the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode} at start-up:\n{RecentOutput}");
            }

            try
            {
                using var response = await client.GetAsync("health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A health check that took too long: try again.
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"The server did not become healthy within {timeout}:\n{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
