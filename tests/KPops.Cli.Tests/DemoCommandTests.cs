using System.Diagnostics;
using System.Text;
using KPops.Audit;
using KPops.Log;
using Xunit;

namespace KPops.Cli.Tests;

/// <summary>
/// <c>kpops demo</c> as a visitor meets it: the real program in a child process on a free loopback port and a
/// temporary data directory, checked over HTTP, then stopped the way Ctrl+C or a service manager stops it.
/// </summary>
public sealed class DemoCommandTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _data = Path.Combine(Path.GetTempPath(), "kpops-demo-test-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Demo_with_traffic_serves_a_growing_verifiable_log_and_stops_cleanly_on_sigterm()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var demo = DemoProcess.Start(_data, "--traffic", "400");
        DemoBanner banner = await demo.ReadBannerAsync(StartTimeout, cancellation);
        using var http = new HttpClient { BaseAddress = banner.Root };
        var verifier = NoteVerifier.Parse(banner.VerifierKey);

        Checkpoint first = LogVerifier.VerifyCheckpoint(await http.GetByteArrayAsync("/log/checkpoint", cancellation), verifier);
        Checkpoint later = first;
        var waited = Stopwatch.StartNew();
        while (later.Size < first.Size + 200 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(250, cancellation);
            later = LogVerifier.VerifyCheckpoint(await http.GetByteArrayAsync("/log/checkpoint", cancellation), verifier);
        }

        Assert.True(later.Size >= first.Size + 200, $"the log did not grow: {first.Size} then {later.Size}");
        var client = new TileLogClient(new HttpTileSource(http, new Uri(banner.Root, "/log/")));
        await client.VerifyTreeAsync(later, cancellation);
        await client.VerifyConsistencyAsync(first, later, cancellation);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/scalar", cancellation)).StatusCode);

        int exitCode = await demo.StopAsync(cancellation);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("Exception", demo.Error, StringComparison.Ordinal);
        Assert.Contains("refused as intended", demo.Error + demo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_opens_the_first_round_and_says_how_to_vote()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var demo = DemoProcess.Start(_data, "--preset", "boys-planet");
        DemoBanner banner = await demo.ReadBannerAsync(StartTimeout, cancellation);

        await demo.StopAsync(cancellation);

        Assert.Contains("Voting:           round ", banner.Text, StringComparison.Ordinal);
        Assert.Contains(" is open until ", banner.Text, StringComparison.Ordinal);
        Assert.Contains("POST /api/fans/codes", banner.Text, StringComparison.Ordinal);
        Assert.Contains("producer@demo.kpops.localhost", banner.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("100001")]
    public void Traffic_outside_its_range_is_refused_with_a_message(string traffic)
    {
        var run = CliRun.Invoke("demo", "--traffic", traffic, "--data", _data);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("--traffic must be between 0 and 100000", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_data));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    /// <summary>What the demo printed before "Press Ctrl+C to stop.".</summary>
    private sealed record DemoBanner(string Text, Uri Root, string VerifierKey);

    /// <summary>The kpops program built next to the tests, running <c>demo</c> on 127.0.0.1 with a port the OS picks.</summary>
    private sealed class DemoProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _error = new();
        private readonly TaskCompletionSource<string> _banner = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private DemoProcess(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) =>
            {
                lock (_output)
                {
                    _output.AppendLine(e.Data);
                    if (e.Data?.StartsWith("Press Ctrl+C", StringComparison.Ordinal) == true)
                    {
                        _banner.TrySetResult(_output.ToString());
                    }
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                lock (_error)
                {
                    _error.AppendLine(e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public string Error
        {
            get
            {
                lock (_error)
                {
                    return _error.ToString();
                }
            }
        }

        public static DemoProcess Start(string data, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetTempPath(),
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kpops.dll"));
            foreach (string argument in (string[])["demo", "--urls", "http://127.0.0.1:0", "--data", data, .. arguments])
            {
                start.ArgumentList.Add(argument);
            }

            return new DemoProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        }

        public async Task<DemoBanner> ReadBannerAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            Task finished = await Task.WhenAny(_banner.Task, _process.WaitForExitAsync(cancellationToken), Task.Delay(timeout, cancellationToken));
            if (finished != _banner.Task)
            {
                throw new InvalidOperationException($"the demo did not start:\n{Output}\n{Error}");
            }

            string text = await _banner.Task;
            string Line(string prefix) => text.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..].Trim();
            return new DemoBanner(text, new Uri(Line("Listening on")), Line("Log verifier key:"));
        }

        /// <summary>Sends SIGTERM, as a service manager (or Ctrl+C's SIGINT) would, and waits for the exit code.</summary>
        public async Task<int> StopAsync(CancellationToken cancellationToken)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(cancellationToken);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }
}
