namespace KPops.Cli;

/// <summary>The exit codes of every kpops command (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Invalid input: a season file with errors, an unknown preset, a bad option value.</summary>
    public const int Failure = 1;

    /// <summary>A file named on the command line does not exist or cannot be read.</summary>
    public const int FileNotFound = 2;

    /// <summary>A bug in kpops itself; the message says what failed.</summary>
    public const int InternalError = 70;
}
