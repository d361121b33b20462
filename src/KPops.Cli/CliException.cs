namespace KPops.Cli;

/// <summary>A failure to report to the user as one plain message and an exit code, without a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
