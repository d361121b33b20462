using KPops.Format.Model;
using KPops.Server.Operations;
using KPops.Server.Voting;
using KPops.Voting;
using KPops.Voting.Ballots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KPops.Server.Web.Fans.Data;

/// <summary>
/// What the fan pages show about the log's season at one moment: its format, each round's effective window and
/// eligible trainees, and the published announcements. Never a count: those stay in the pipeline until announced.
/// </summary>
public sealed record FanSeason(
    Season Season,
    TimeZoneInfo Zone,
    IReadOnlyList<FanRound> Rounds,
    IReadOnlyList<PublishedAnnouncement> Published,
    DateTimeOffset Now)
{
    /// <summary>The round fans should see first: one taking ballots now, else the next to open, else the last one.</summary>
    public FanRound? Current =>
        Rounds.FirstOrDefault(r => r.State == RoundState.Open)
        ?? Rounds.Where(r => r.State == RoundState.Upcoming).MinBy(r => r.OpensAt)
        ?? (Rounds.Count > 0 ? Rounds[^1] : null);

    public FanRound? Round(string id) => Rounds.FirstOrDefault(r => r.Round.Id == id);

    public Trainee? Trainee(string id) => Season.Trainees.FirstOrDefault(t => t.Id == id);

    public TraineeGroup? Group(string? id) => id is null ? null : Season.Groups.FirstOrDefault(g => g.Id == id);

    /// <summary>Reads the log's season now, or null while no season is loaded.</summary>
    public static async Task<FanSeason?> ReadAsync(VotingHost voting, PublishedAnnouncements announcements, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(voting);
        ArgumentNullException.ThrowIfNull(announcements);
        ArgumentNullException.ThrowIfNull(time);
        if (voting.Pipeline is not { } pipeline)
        {
            return null;
        }

        CompiledSeason season = pipeline.Season;
        var (windows, eligible) = await pipeline.ReadAsync(state =>
        {
            var windows = new RoundWindow[season.RoundCount];
            var eligible = new string[season.RoundCount][];
            for (int round = 0; round < windows.Length; round++)
            {
                windows[round] = state.Window(round);
                var ids = new List<string>();
                for (int trainee = 0; trainee < season.TraineeCount; trainee++)
                {
                    if (state.IsEligible(round, trainee))
                    {
                        ids.Add(season.TraineeId(trainee));
                    }
                }

                eligible[round] = [.. ids];
            }

            return (windows, eligible);
        });

        DateTimeOffset now = time.GetUtcNow();
        var rounds = new FanRound[windows.Length];
        for (int round = 0; round < rounds.Length; round++)
        {
            rounds[round] = new FanRound(season.Season.Rounds[round], windows[round], eligible[round], now);
        }

        var published = await AnnouncementsApi.ListPublishedAsync(voting, announcements);
        return new FanSeason(season.Season, season.Calendar.Zone, rounds,
            published.Result is Ok<PublishedAnnouncement[]> { Value: { } list } ? list : [], now);
    }
}

public enum RoundState
{
    Upcoming,
    Open,
    Closed,
}

/// <summary>A round as the log has it now: the season's schedule as opened, extended or closed by producers.</summary>
public sealed record FanRound(Round Round, RoundWindow Window, IReadOnlyList<string> Eligible, DateTimeOffset Now)
{
    public DateTimeOffset OpensAt => DateTimeOffset.FromUnixTimeMilliseconds(Window.OpensAtMs);

    public DateTimeOffset ClosesAt => DateTimeOffset.FromUnixTimeMilliseconds(Window.ClosesAtMs);

    public RoundState State =>
        Window.Closed || Now >= ClosesAt ? RoundState.Closed
        : Now < OpensAt ? RoundState.Upcoming
        : RoundState.Open;
}
