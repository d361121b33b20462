using System.CommandLine;
using KPops.Cli.Rendering;
using KPops.Format;
using Spectre.Console;

namespace KPops.Cli.Commands;

/// <summary><c>kpops presets</c>: the built-in season formats.</summary>
internal static class PresetsCommand
{
    public static Command Create()
    {
        var command = new Command("presets", "List the built-in season formats (use a name with --preset).");
        command.SetCliAction((_, console) =>
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn("Preset");
            table.AddColumn("Name");
            table.AddColumn("Korean name");
            table.AddColumn(new TableColumn("Trainees").RightAligned());
            table.AddColumn(new TableColumn("Rounds").RightAligned());
            table.AddColumn(new TableColumn("Announcements").RightAligned());
            foreach (var name in Presets.Names)
            {
                var season = Presets.Load(name);
                table.AddRow(
                    new Text(name),
                    new Text(season.Name.En),
                    new Text(season.Name.Ko),
                    new Text(Numbers.Format(season.Trainees.Count)),
                    new Text(Numbers.Format(season.Rounds.Count)),
                    new Text(Numbers.Format(season.Announcements.Count)));
            }

            console.Out.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
