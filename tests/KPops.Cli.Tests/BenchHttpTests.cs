using KPops.Cli.Bench;
using Xunit;

namespace KPops.Cli.Tests;

/// <summary>The parts of <c>kpops bench http</c> that do not need a machine to themselves: reading wrk's report, bad settings.</summary>
public sealed class BenchHttpTests
{
    private const string WrkReport = """
        Running 10s test @ http://127.0.0.1:40123/
          2 threads and 64 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     3.10ms    2.00ms  40.00ms   90.00%
            Req/Sec    10.00k     1.00k   12.00k    70.00%
          Latency Distribution
             50%  870.00us
             75%    2.10ms
             90%    4.00ms
             99%    1.20s
          200000 requests in 10.00s, 50.00MB read
          Socket errors: connect 0, read 1, write 0, timeout 2
          Non-2xx or 3xx responses: 7
        Requests/sec:  20000.00
        Transfer/sec:      5.00MB
        KPOPS accepted=199000 intended=990 other=10 exhausted=0 statuses=500:10
        """;

    [Fact]
    public void Wrk_report_is_read_with_its_units_errors_and_the_scripts_counts()
    {
        WrkResult result = Wrk.Parse(WrkReport);

        Assert.Equal(200_000, result.Requests);
        Assert.Equal(10.0, result.Seconds, 3);
        Assert.Equal(20_000, result.RequestsPerSecond, 3);
        Assert.Equal(0.87, result.P50Ms, 3);
        Assert.Equal(1200, result.P99Ms, 3);
        Assert.Equal(7, result.Non2xx);
        Assert.Equal(199_993, result.Ok);
        Assert.Equal(3, result.SocketErrors);
        Assert.Equal(199_000, result.Accepted);
        Assert.Equal(990, result.Intended);
        Assert.Equal(10, result.Other);
        Assert.Equal("500:10", result.Statuses);
    }

    [Fact]
    public void Bench_http_without_the_baselines_directory_says_where_to_point_it()
    {
        var run = CliRun.Invoke("bench", "http", "--baselines", Path.Combine(Path.GetTempPath(), "no-such-baselines-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("--baselines DIR", run.Error, StringComparison.Ordinal);
    }
}
