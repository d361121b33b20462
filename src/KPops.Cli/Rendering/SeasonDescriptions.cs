using System.Globalization;
using KPops.Format.Model;

namespace KPops.Cli.Rendering;

/// <summary>One-line, human-readable descriptions of the parts of a season, for <c>kpops season show</c>.</summary>
internal static class SeasonDescriptions
{
    public static string Ballot(BallotRule rule)
    {
        var parts = new List<string>
        {
            rule.MinPicks == rule.MaxPicks
                ? $"exactly {Plural(rule.MaxPicks, "pick")}"
                : $"{rule.MinPicks}–{Plural(rule.MaxPicks, "pick")}",
        };
        if (!rule.Distinct)
        {
            parts.Add("repeats allowed");
        }

        parts.AddRange(rule.GroupConstraints.Select(GroupConstraint));
        parts.Add($"{Plural(rule.BallotsPerPeriod, "ballot")} per {(rule.Period == PeriodKind.Day ? "day" : "round")}");
        if (rule.MaxVotesPerTrainee is { } cap)
        {
            parts.Add($"at most {Plural(cap, "vote")} per trainee per channel");
        }

        if (rule.ExcludeOwnSegment)
        {
            parts.Add("no votes for one's own segment");
        }

        if (rule.Channels.Count > 0)
        {
            parts.Add("channels " + string.Join(", ", rule.Channels.Select(Channel)));
        }

        return string.Join("; ", parts);
    }

    public static string Eligibility(Eligibility eligibility)
    {
        var text = eligibility switch
        {
            { Trainees: { } listed } => $"{Plural(listed.Count, "listed trainee")}",
            { SurvivorsOf: { } announcement } => $"survivors of {announcement}",
            _ => "all trainees",
        };
        if (eligibility.Add.Count > 0)
        {
            text += " + " + string.Join(", ", eligibility.Add);
        }

        if (eligibility.Remove.Count > 0)
        {
            text += " − " + string.Join(", ", eligibility.Remove);
        }

        return text;
    }

    public static string Source(ScoreSource source)
    {
        var what = source.Kind switch
        {
            SourceKind.Evaluations => "results of " + string.Join(", ", source.Evaluations),
            SourceKind.SegmentPoints => $"points {string.Join(",", source.Points)} per segment by votes in {string.Join(", ", source.Rounds)}",
            _ => "votes in " + string.Join(", ", source.Rounds),
        };
        if (source.Segment is { } segment)
        {
            what += $" from {segment}";
        }

        if (source.Channel is { } channel)
        {
            what += $" via {channel}";
        }

        if (source.Conversion == Conversion.Share)
        {
            what = $"share of {what} × {Number(source.Scale)}";
        }

        return source.Weight == 1m ? $"{source.Label} = {what}" : $"{source.Label} = {Number(source.Weight)} × {what}";
    }

    public static string Seat(SpecialSeat seat) => seat.Kind switch
    {
        SpecialSeatKind.EvaluationPick => $"{seat.Label}: {Plural(seat.Count, "pick")} from {seat.Evaluation}",
        _ => $"{seat.Label}: {seat.Count} highest below the cut by {string.Join(" + ", seat.Sources.Select(Source))}",
    };

    public static string TieBreak(TieBreak tieBreak) => tieBreak.Kind switch
    {
        TieBreakKind.PreviousRank => $"better rank in {tieBreak.Ref}",
        _ => $"more {tieBreak.Ref}",
    };

    public static string Benefits(Evaluation evaluation) =>
        evaluation.Benefits.Count == 0
            ? "—"
            : string.Join(", ", evaluation.Benefits.Select(b => $"{b.Key} +{Numbers.Format(b.Value)}"));

    /// <summary>A date and time in the season's time zone.</summary>
    public static string Time(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string GroupConstraint(GroupConstraint constraint) => constraint switch
    {
        { Max: { } max } when max == constraint.Min => $"exactly {constraint.Min} from {constraint.Group}",
        { Max: { } max } when constraint.Min > 0 => $"{constraint.Min}–{max} from {constraint.Group}",
        { Max: { } max } => $"at most {max} from {constraint.Group}",
        _ => $"at least {constraint.Min} from {constraint.Group}",
    };

    private static string Channel(Channel channel)
    {
        var details = new List<string>();
        if (channel.BallotsPerPeriod is { } ballots)
        {
            details.Add(Plural(ballots, "ballot"));
        }

        if (channel.VotesPerPick != 1)
        {
            details.Add($"{channel.VotesPerPick} votes per pick");
        }

        return details.Count == 0 ? channel.Id : $"{channel.Id} ({string.Join(", ", details)})";
    }

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Plural(int count, string noun) =>
        count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.InvariantCulture)} {noun}s";
}
