using System.CommandLine;
using KPops.Cli.Rendering;

namespace KPops.Cli.Commands;

/// <summary><c>kpops season show FILE | --preset NAME</c>: a season in readable form.</summary>
internal static class SeasonShowCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("FILE")
        {
            Description = "The season file (JSON) to show.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var preset = new Option<string?>("--preset") { Description = "Show a built-in season instead (see: kpops presets).", HelpName = "NAME" };
        var command = new Command("show", "Show a season's rounds, ballot rules, evaluations, announcements and trainees.") { file, preset };
        command.SetCliAction((parseResult, console) =>
        {
            var season = SeasonSource.Resolve(parseResult.GetValue(file), parseResult.GetValue(preset), "FILE");
            SeasonView.Write(console.Out, season);
            return ExitCodes.Success;
        });
        return command;
    }
}
