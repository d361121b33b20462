using KPops.Format;
using KPops.Format.Model;

namespace KPops.Server.Web.Fans.Data;

/// <summary>
/// What the vote page's script needs to enforce a round's rule as the fan picks (vote.js): the rule itself, the
/// round's window and the season's time zone (for "ballots left today"), and each eligible trainee's group.
/// The server checks everything again; this only spares fans a refused ballot.
/// </summary>
public sealed record VoteRoundData(
    string RoundId,
    string RoundName,
    string State,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    string TimeZone,
    int MinPicks,
    int MaxPicks,
    bool Distinct,
    int BallotsPerPeriod,
    string Period,
    IReadOnlyList<VoteGroupRule> Groups,
    IReadOnlyDictionary<string, VoteTrainee> Trainees)
{
    public static VoteRoundData Of(FanSeason season, FanRound round, Func<LocalizedText, string> pick)
    {
        ArgumentNullException.ThrowIfNull(season);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(pick);
        var rule = round.Round.Ballot;
        var groups = rule.GroupConstraints
            .Select(c => new VoteGroupRule(c.Group, season.Group(c.Group) is { } g ? pick(g.Name) : c.Group, c.Min, c.Max))
            .ToList();
        var trainees = new Dictionary<string, VoteTrainee>(StringComparer.Ordinal);
        foreach (string id in round.Eligible)
        {
            if (season.Trainee(id) is { } trainee)
            {
                trainees[id] = new VoteTrainee(trainee.Hangul, Romanizer.DisplayRomanized(trainee), trainee.Group);
            }
        }

        return new VoteRoundData(round.Round.Id, pick(round.Round.Name), round.State.ToString().ToLowerInvariant(),
            round.OpensAt, round.ClosesAt, season.Zone.Id, rule.MinPicks, rule.MaxPicks, rule.Distinct,
            (rule.Channels.Count > 0 ? rule.Channels[0].BallotsPerPeriod : null) ?? rule.BallotsPerPeriod, rule.Period == PeriodKind.Day ? "day" : "round", groups, trainees);
    }
}

public sealed record VoteGroupRule(string Group, string Name, int Min, int? Max);

public sealed record VoteTrainee(string Hangul, string Romanized, string? Group);
