using System.CommandLine;
using Spectre.Console;

namespace KPops.Cli;

/// <summary>
/// The two Spectre consoles a command writes to. Standard output gets the results — plain text with a fixed
/// width when it is not a terminal, so that piped and captured output is the same on every machine;
/// standard error gets messages and progress.
/// </summary>
internal sealed class CliConsole
{
    /// <summary>Table width when output is not a terminal: wide enough for a ranking's breakdown columns.</summary>
    private const int RedirectedWidth = 200;

    private CliConsole(IAnsiConsole output, IAnsiConsole error, bool errorIsTerminal)
    {
        Out = output;
        Error = error;
        ErrorIsTerminal = errorIsTerminal;
    }

    public IAnsiConsole Out { get; }
    public IAnsiConsole Error { get; }

    /// <summary>True when standard error is a live terminal, where a progress bar can redraw in place.</summary>
    public bool ErrorIsTerminal { get; }

    public static CliConsole For(InvocationConfiguration configuration)
    {
        var outIsTerminal = ReferenceEquals(configuration.Output, Console.Out) && !Console.IsOutputRedirected;
        var errorIsTerminal = ReferenceEquals(configuration.Error, Console.Error) && !Console.IsErrorRedirected;
        return new CliConsole(Create(configuration.Output, outIsTerminal), Create(configuration.Error, errorIsTerminal), errorIsTerminal);
    }

    public void WriteError(string message) => Error.WriteLine($"kpops: {message}", Style.Plain);

    private static IAnsiConsole Create(TextWriter writer, bool isTerminal)
    {
        if (isTerminal)
        {
            // Interactive explicitly: Spectre's detection looks at standard output, which may be piped to a file
            // while standard error still shows a live progress bar.
            return AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.Yes });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = RedirectedWidth;
        return console;
    }
}
