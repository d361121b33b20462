using System.CommandLine;
using KPops.Format;
using Spectre.Console;

namespace KPops.Cli.Commands;

/// <summary><c>kpops season validate FILE</c>: "valid", or every error as <c>path: message</c>.</summary>
internal static class SeasonValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The season file (JSON) to check." };
        var command = new Command("validate", "Check a season file against every rule of the format.") { file };
        command.SetCliAction((parseResult, console) =>
        {
            var path = parseResult.GetRequiredValue(file);
            var result = SeasonFile.Load(SeasonSource.RequireExisting(path));
            if (result.IsValid)
            {
                console.Out.WriteLine("valid");
                return ExitCodes.Success;
            }

            foreach (var error in result.Errors)
            {
                console.Out.WriteLine(error.ToString());
            }

            return ExitCodes.Failure;
        });
        return command;
    }
}
