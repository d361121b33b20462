using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KPops.Cli.Bench;

/// <summary>What one wrk run measured (its summary, latency distribution and the script's <c>KPOPS</c> line).</summary>
internal sealed record WrkResult(
    long Requests,
    double Seconds,
    double P50Ms,
    double P99Ms,
    long Non2xx,
    long SocketErrors,
    long Accepted,
    long Intended,
    long Other,
    long Exhausted,
    string Statuses)
{
    public double RequestsPerSecond => Requests / Math.Max(Seconds, 1e-9);

    /// <summary>Answers with status 200, from wrk's own counters (the script does not need to read bodies).</summary>
    public long Ok => Requests - Non2xx;
}

/// <summary>Runs Debian's <c>wrk</c> with a script and reads its report.</summary>
internal static partial class Wrk
{
    private static readonly string[] SocketErrorKinds = ["connect", "read", "write", "timeout"];

    /// <summary>Why wrk cannot run here, or null.</summary>
    public static string? Missing() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "wrk")))
            ? null
            : "wrk is not installed (apt-get install wrk)";

    public static async Task<WrkResult> RunAsync(
        Uri url, string script, int threads, int connections, TimeSpan duration, IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "-t", threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", ((int)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s",
            "--timeout", "10s",
            "--latency",
            "-s", script,
            url.ToString(),
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
        string output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new CliException($"wrk failed (exit {process.ExitCode}): {(await errors).Trim()} {output.Trim()}", ExitCodes.InternalError);
        }

        return Parse(output);
    }

    internal static WrkResult Parse(string output)
    {
        var summary = Summary().Match(output);
        if (!summary.Success)
        {
            throw new CliException($"wrk printed no summary: {output.Trim()}", ExitCodes.InternalError);
        }

        double seconds = Duration(summary.Groups["time"].Value, summary.Groups["unit"].Value);
        var errors = SocketErrorsLine().Match(output);
        long socketErrors = errors.Success
            ? SocketErrorKinds.Sum(g => long.Parse(errors.Groups[g].Value, CultureInfo.InvariantCulture))
            : 0;
        var non2xx = Non2xxLine().Match(output);
        var kpops = KPopsLine().Match(output);
        long Field(string name) => kpops.Success ? long.Parse(kpops.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkResult(
            long.Parse(summary.Groups["requests"].Value, CultureInfo.InvariantCulture),
            seconds,
            Percentile(output, "50%"),
            Percentile(output, "99%"),
            non2xx.Success ? long.Parse(non2xx.Groups["count"].Value, CultureInfo.InvariantCulture) : 0,
            socketErrors,
            Field("accepted"),
            Field("intended"),
            Field("other"),
            Field("exhausted"),
            kpops.Success ? kpops.Groups["statuses"].Value : "");
    }

    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, @"^\s*" + Regex.Escape(label) + @"\s+(?<value>[0-9.]+)(?<unit>us|ms|s|m)\s*$", RegexOptions.Multiline);
        return match.Success ? Duration(match.Groups["value"].Value, match.Groups["unit"].Value) * 1000 : double.NaN;
    }

    /// <summary>A wrk duration (<c>1.23ms</c>, <c>10.00s</c>, <c>1.00m</c>, <c>870.00us</c>) in seconds.</summary>
    private static double Duration(string value, string unit)
    {
        double number = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => number / 1e6,
            "ms" => number / 1e3,
            "m" => number * 60,
            "h" => number * 3600,
            _ => number,
        };
    }

    [GeneratedRegex(@"(?<requests>\d+) requests in (?<time>[0-9.]+)(?<unit>us|ms|s|m|h),")]
    private static partial Regex Summary();

    [GeneratedRegex(@"Socket errors: connect (?<connect>\d+), read (?<read>\d+), write (?<write>\d+), timeout (?<timeout>\d+)")]
    private static partial Regex SocketErrorsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (?<count>\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"^KPOPS accepted=(?<accepted>\d+) intended=(?<intended>\d+) other=(?<other>\d+) exhausted=(?<exhausted>\d+) statuses=(?<statuses>\S*)", RegexOptions.Multiline)]
    private static partial Regex KPopsLine();
}
