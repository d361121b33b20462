using System.CommandLine;
using KPops.Cli.Commands;

namespace KPops.Cli;

/// <summary>The <c>kpops</c> command tree, runnable in-process with any output writers (tests capture them).</summary>
internal static class KpopsCli
{
    public static RootCommand Create() =>
        new("KPops: run a K-pop survival audition season with a vote count anyone can check.")
        {
            PresetsCommand.Create(),
            SeasonCommand.Create(),
            SimulateCommand.Create(),
            ServeCommand.Create(),
            DemoCommand.Create(),
            StaffCommand.Create(),
            Bench.BenchCommand.Create(),
            AuditCommand.Create(),
            WitnessCommand.Create(),
        };

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            // Commands report their own failures (see CommandAction); anything else must not print a stack trace either.
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return Create().Parse(args).Invoke(configuration);
        }
#pragma warning disable CA1031 // Parsing and validation run outside CommandAction; their failures must not print a stack trace either.
        catch (Exception e)
#pragma warning restore CA1031
        {
            configuration.Error.WriteLine($"kpops: internal error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.InternalError;
        }
    }
}
