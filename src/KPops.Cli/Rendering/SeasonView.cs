using KPops.Format;
using KPops.Format.Model;
using Spectre.Console;

namespace KPops.Cli.Rendering;

/// <summary>A whole season as tables: rounds, evaluations, announcements and trainees.</summary>
internal static class SeasonView
{
    public static void Write(IAnsiConsole console, Season season)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(season.TimeZone);
        console.WriteLine($"{Names.Bilingual(season.Name)}  ({season.Id}, times in {season.TimeZone})");
        if (season.Groups.Count > 0)
        {
            console.WriteLine("Groups: " + string.Join(", ", season.Groups.Select(g => $"{g.Id} ({g.Name.En})")));
        }

        if (season.Segments.Count > 0)
        {
            console.WriteLine("Voter segments: " + string.Join(", ", season.Segments.Select(s => $"{s.Id} ({s.Name.En})")));
        }

        var rounds = NewTable("Round", "Name", "Opens", "Closes", "Eligible", "Ballot");
        foreach (var round in season.Rounds)
        {
            AddRow(rounds, round.Id, round.Name.En, SeasonDescriptions.Time(round.OpensAt, zone), SeasonDescriptions.Time(round.ClosesAt, zone),
                SeasonDescriptions.Eligibility(round.Eligible), SeasonDescriptions.Ballot(round.Ballot));
        }

        WriteSection(console, "Rounds", rounds);

        if (season.Evaluations.Count > 0)
        {
            var evaluations = NewTable("Evaluation", "Name", "Kind", "Benefits");
            foreach (var evaluation in season.Evaluations)
            {
                AddRow(evaluations, evaluation.Id, evaluation.Name.En, evaluation.Kind.ToString(), SeasonDescriptions.Benefits(evaluation));
            }

            WriteSection(console, "Evaluations", evaluations);
        }

        var announcements = NewTable("Announcement", "Name", "Ranks", "Score", "Cut line", "Special seats", "Ties");
        foreach (var announcement in season.Announcements)
        {
            AddRow(announcements,
                announcement.IsFinale ? $"{announcement.Id} (finale)" : announcement.Id,
                announcement.Name.En,
                SeasonDescriptions.Eligibility(announcement.Pool),
                string.Join("\n", announcement.Sources.Select(SeasonDescriptions.Source)),
                announcement.CutLine is { } cut ? Numbers.Format(cut) : "—",
                announcement.SpecialSeats.Count == 0 ? "—" : string.Join("\n", announcement.SpecialSeats.Select(SeasonDescriptions.Seat)),
                announcement.TieBreak.Count == 0 ? "trainee id" : string.Join(", then ", announcement.TieBreak.Select(SeasonDescriptions.TieBreak)));
        }

        WriteSection(console, "Announcements", announcements);

        var trainees = NewTable("Id", "Name", "Hangul", "Agency", "Nationality", "Group", "Home segment");
        foreach (var trainee in season.Trainees)
        {
            var romanized = Romanizer.DisplayRomanized(trainee);
            AddRow(trainees, trainee.Id, romanized, Names.HangulUnlessSame(trainee, romanized), trainee.Agency ?? "", trainee.Nationality ?? "",
                trainee.Group ?? "", trainee.HomeSegment ?? "");
        }

        WriteSection(console, $"Trainees ({Numbers.Format(season.Trainees.Count)})", trainees);
    }

    private static Table NewTable(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }

        return table;
    }

    /// <summary>Adds cells as plain text: season files are user input and may contain Spectre markup characters.</summary>
    private static void AddRow(Table table, params string[] cells) => table.AddRow([.. cells.Select(c => new Text(c))]);

    private static void WriteSection(IAnsiConsole console, string title, Table table)
    {
        console.WriteLine();
        console.WriteLine(title);
        console.Write(table);
    }
}
