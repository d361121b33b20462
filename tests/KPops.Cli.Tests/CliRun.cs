namespace KPops.Cli.Tests;

/// <summary>What one in-process run of the kpops command printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Invoke(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = KpopsCli.Run(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when anything printed looks like a .NET stack trace.</summary>
    public bool ShowsStackTrace => (Out + Error).Contains("   at ", StringComparison.Ordinal) || (Out + Error).Contains("Exception", StringComparison.Ordinal);
}
