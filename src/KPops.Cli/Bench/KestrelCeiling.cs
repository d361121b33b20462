using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KPops.Cli.Bench;

/// <summary>What the empty-endpoint ceiling measured: requests/s and latency of a do-nothing JSON POST under wrk.</summary>
internal sealed record CeilingResult(double RequestsPerSecond, double P50Ms, double P99Ms);

/// <summary>
/// The framework ceiling from the shared baselines (<c>kestrel-empty/run.sh</c>: Kestrel + a minimal API that parses a
/// JSON ballot and answers, loaded by wrk with 2 threads), run as it is so the figure is the baselines' own.
/// </summary>
internal static partial class KestrelCeiling
{
    /// <summary>
    /// The baselines directory: <paramref name="given"/>, or the <c>shared/baselines</c> found by walking up from the
    /// current directory and then from the program's own directory (the repository's sibling <c>../shared/baselines</c>).
    /// </summary>
    public static string? FindBaselines(string? given)
    {
        if (given is not null)
        {
            return Directory.Exists(given) ? Path.GetFullPath(given) : null;
        }

        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, "shared", "baselines");
                if (File.Exists(Path.Combine(candidate, "kestrel-empty", "run.sh")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static async Task<CeilingResult> RunAsync(string baselines, int seconds, int connections, TextWriter progress, CancellationToken cancellationToken = default)
    {
        string script = Path.Combine(baselines, "kestrel-empty", "run.sh");
        if (!File.Exists(script))
        {
            throw new CliException($"{script} does not exist (give the baselines directory with --baselines DIR)");
        }

        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(seconds.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(connections.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
        string output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            await progress.WriteLineAsync("  kestrel-empty: " + line.Trim());
        }

        var result = ResultLine().Match(output);
        if (process.ExitCode != 0 || !result.Success)
        {
            throw new CliException($"kestrel-empty/run.sh printed no RESULT line (exit {process.ExitCode}): {(await errors).Trim()}", ExitCodes.InternalError);
        }

        return new CeilingResult(
            double.Parse(result.Groups["rate"].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50%"),
            Percentile(output, "99%"));
    }

    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, @"^\s*" + Regex.Escape(label) + @"\s+(?<value>[0-9.]+)(?<unit>us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }

        double value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"^RESULT name=kestrel-empty requests_per_s=(?<rate>[0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex ResultLine();
}
