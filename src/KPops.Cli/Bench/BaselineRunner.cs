using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KPops.Cli.Bench;

/// <summary>
/// Runs the shared baselines (shared/baselines/run.sh: PostgreSQL and Redis doing the same workload) and reads
/// their <c>RESULT name=... ballots_per_s=...</c> lines.
/// </summary>
internal static partial class BaselineRunner
{
    /// <summary>run.sh, found by walking up from the current directory (the repo's sibling <c>shared/</c>), or null.</summary>
    public static string? FindScript()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var script = Path.Combine(directory.FullName, "shared", "baselines", "run.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }

        return null;
    }

    /// <summary>Why the baselines cannot run here, or null when PostgreSQL and redis-server are installed.</summary>
    public static string? MissingPrerequisite()
    {
        var postgres = Directory.Exists("/usr/lib/postgresql")
            && Directory.EnumerateDirectories("/usr/lib/postgresql").Any(d => File.Exists(Path.Combine(d, "bin", "initdb")));
        if (!postgres)
        {
            return "PostgreSQL is not installed (apt-get install postgresql)";
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var redis = path.Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "redis-server")));
        return redis ? null : "redis-server is not installed (apt-get install redis-server)";
    }

    /// <summary>Runs one baseline for <paramref name="seconds"/>; returns its ballots per second, or null with the reason.</summary>
    public static double? Run(string script, string baseline, int seconds, TextWriter progress, out string? problem)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(seconds.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(baseline);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        foreach (var line in output.Split('\n'))
        {
            progress.WriteLine(line.TrimEnd());
            var match = ResultLine().Match(line);
            if (match.Success && match.Groups["name"].Value == baseline)
            {
                problem = null;
                return double.Parse(match.Groups["rate"].Value, CultureInfo.InvariantCulture);
            }
        }

        problem = $"{baseline} printed no RESULT line (exit {process.ExitCode}): {errors.Result.Trim()}";
        return null;
    }

    [GeneratedRegex(@"^RESULT name=(?<name>\S+) ballots_per_s=(?<rate>[0-9.]+)")]
    private static partial Regex ResultLine();
}
