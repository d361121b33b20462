using System.CommandLine;

namespace KPops.Cli.Commands;

/// <summary><c>kpops season</c>: the commands that read a season file.</summary>
internal static class SeasonCommand
{
    public static Command Create() =>
        new("season", "Validate or show a season file or preset.")
        {
            SeasonValidateCommand.Create(),
            SeasonShowCommand.Create(),
        };
}
