using System.CommandLine;
using KPops.Cli.Rendering;
using KPops.Format.Model;
using KPops.Format.Simulation;
using Spectre.Console;

namespace KPops.Cli.Commands;

/// <summary>
/// <c>kpops simulate</c>: plays a season with synthetic fans and prints every announcement's ranking. The
/// output depends only on the season, the fan count and the seed; progress goes to standard error.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var preset = new Option<string?>("--preset") { Description = "Simulate a built-in season (see: kpops presets).", HelpName = "NAME" };
        var season = new Option<FileInfo?>("--season") { Description = "Simulate a season file (JSON).", HelpName = "FILE" };
        var fans = CountOptions.Positive("--fans", "N", "National producers taking part.", new SimulationOptions().Fans);
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same output.", HelpName = "S", DefaultValueFactory = _ => 1 };
        var top = CountOptions.Positive("--top", "K", "Print only the first K rows of each ranking.");

        var command = new Command("simulate", "Simulate a whole season with synthetic fans, mentors and juries, and print every ranking.")
        {
            preset, season, fans, seed, top,
        };
        command.SetCliAction((parseResult, console) =>
        {
            var chosen = SeasonSource.Resolve(parseResult.GetValue(season), parseResult.GetValue(preset), "--season");
            var options = new SimulationOptions { Fans = parseResult.GetValue(fans), Seed = parseResult.GetValue(seed) };
            var result = Simulate(console, chosen, options);
            Write(console.Out, chosen, options, result, parseResult.GetValue(top));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Runs the simulation, with a progress bar when standard error is a terminal.</summary>
    private static SimulationResult Simulate(CliConsole console, Season season, SimulationOptions options)
    {
        if (!console.ErrorIsTerminal)
        {
            return SeasonSimulator.Run(season, options);
        }

        return console.Error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("simulating", maxValue: 1.0);
                return SeasonSimulator.Run(season, options with
                {
                    Progress = progress =>
                    {
                        task.Description = Markup.Escape(progress.Step);
                        task.Value = progress.Fraction;
                    },
                });
            });
    }

    private static void Write(IAnsiConsole output, Season season, SimulationOptions options, SimulationResult result, int? top)
    {
        output.WriteLine($"{Names.Bilingual(season.Name)}: {Numbers.Format(options.Fans)} fans, seed {options.Seed}");

        var rounds = new Table().Border(TableBorder.Rounded);
        rounds.AddColumn("Round");
        foreach (var heading in new[] { "Eligible", "Periods", "Voters", "Ballots", "Votes" })
        {
            rounds.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var round in result.Rounds)
        {
            rounds.AddRow(
                new Text(round.Round),
                new Text(Numbers.Format(round.EligibleTrainees)),
                new Text(Numbers.Format(round.Periods)),
                new Text(Numbers.Format(round.Voters)),
                new Text(Numbers.Format(round.Ballots)),
                new Text(Numbers.Format(round.Votes)));
        }

        output.Write(rounds);

        var announcements = season.Announcements.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var announced in result.Announcements)
        {
            RankingTable.Write(output, season, announcements[announced.Announcement], announced, top);
        }
    }
}
