using KPops.Format;
using KPops.Format.Model;
using KPops.Format.Ranking;
using Spectre.Console;

namespace KPops.Cli.Rendering;

/// <summary>One announcement's ranking as a table: rank, trainee, score, one column per score source, seat.</summary>
internal static class RankingTable
{
    public static void Write(IAnsiConsole console, Season season, Announcement announcement, AnnouncementResult result, int? top)
    {
        var trainees = season.Trainees.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var cut = announcement.CutLine switch
        {
            null => "no cut",
            1 when announcement.IsFinale => "one winner",
            { } cutLine => $"top {Numbers.Format(cutLine)} {(announcement.IsFinale ? "debut" : "go on")}",
        };
        console.WriteLine();
        console.WriteLine($"{Names.Bilingual(announcement.Name)}  ({announcement.Id}: {Numbers.Format(result.Ranking.Count)} ranked, {cut})");

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn("Trainee");
        table.AddColumn("Hangul");
        table.AddColumn(new TableColumn("Score").RightAligned());
        foreach (var source in announcement.Sources)
        {
            table.AddColumn(new TableColumn(Markup.Escape(source.Label)).RightAligned());
        }

        table.AddColumn("Status");

        foreach (var ranked in top is { } limit ? result.Ranking.Take(limit) : result.Ranking)
        {
            var trainee = trainees[ranked.Trainee];
            var romanized = Romanizer.DisplayRomanized(trainee);
            var row = new List<string>
            {
                Numbers.Format(ranked.Rank),
                romanized,
                Names.HangulUnlessSame(trainee, romanized),
                Numbers.Format(ranked.Score),
            };
            row.AddRange(announcement.Sources.Select(source => Contribution(ranked, source.Label)));
            row.Add(Status(announcement, ranked));
            table.AddRow([.. row.Select(cell => new Text(cell))]);
        }

        console.Write(table);
    }

    /// <summary>The points a source gave, and the counted value behind them when a conversion or weight changed it.</summary>
    private static string Contribution(RankedTrainee ranked, string label)
    {
        var contribution = ranked.Breakdown.FirstOrDefault(c => string.Equals(c.Label, label, StringComparison.Ordinal));
        if (contribution is null)
        {
            return "";
        }

        return contribution.Points == contribution.Counted
            ? Numbers.Format(contribution.Points)
            : $"{Numbers.Format(contribution.Points)} ({Numbers.Format(contribution.Counted)})";
    }

    private static string Status(Announcement announcement, RankedTrainee ranked)
    {
        var singleWinner = announcement.IsFinale && announcement.CutLine == 1;
        var status = ranked.Status switch
        {
            SeatStatus.Survived when singleWinner => "winner",
            SeatStatus.Survived => announcement.IsFinale ? "debut" : "survived",
            SeatStatus.SpecialSeat => announcement.IsFinale ? $"debut ({ranked.Seat})" : $"{ranked.Seat}",
            _ => singleWinner ? "" : "eliminated",
        };
        return ranked.TieBrokenBy is { } rule ? $"{status} (tie broken by {rule})".TrimStart() : status;
    }
}
