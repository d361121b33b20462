using System.CommandLine;

namespace KPops.Cli;

/// <summary>
/// Runs a command's body with its consoles and turns failures into a message on the error stream and an exit
/// code: a <see cref="CliException"/> says what the user should fix; anything else is reported as an internal
/// error, still without a stack trace.
/// </summary>
internal static class CommandAction
{
    public static void SetCliAction(this Command command, Func<ParseResult, CliConsole, int> body) =>
        command.SetAction(parseResult => Run(parseResult, body));

    private static int Run(ParseResult parseResult, Func<ParseResult, CliConsole, int> body)
    {
        var console = CliConsole.For(parseResult.InvocationConfiguration);
        try
        {
            return body(parseResult, console);
        }
        catch (CliException e)
        {
            console.WriteError(e.Message);
            return e.ExitCode;
        }
#pragma warning disable CA1031 // The last line of defence: the user gets a message, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            console.WriteError($"internal error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.InternalError;
        }
    }
}
