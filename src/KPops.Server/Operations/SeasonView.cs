using KPops.Format.Ranking;
using KPops.Voting;
using KPops.Voting.Ballots;
using KPops.Voting.Pipeline;
using KPops.Voting.Tallies;

namespace KPops.Server.Operations;

/// <summary>
/// A consistent copy of the live state, taken on the sequencer between two commits: every count, result, round
/// window and published ranking as of exactly <see cref="LogSize"/> entries. Rankings and displays work on it off
/// the sequencer.
/// </summary>
internal sealed record SeasonView(
    CompiledSeason Season,
    SeasonTallies Counts,
    IReadOnlyList<RoundWindow> Windows,
    IReadOnlyList<bool[]> Eligible,
    IReadOnlyDictionary<string, AnnouncementResult> Published,
    long LogSize)
{
    public static Task<SeasonView> TakeAsync(BallotPipeline pipeline) => pipeline.ReadAsync(state =>
    {
        var season = state.Season;
        var windows = new RoundWindow[season.RoundCount];
        var eligible = new bool[season.RoundCount][];
        for (int round = 0; round < windows.Length; round++)
        {
            windows[round] = state.Window(round);
            eligible[round] = new bool[season.TraineeCount];
            for (int trainee = 0; trainee < season.TraineeCount; trainee++)
            {
                eligible[round][trainee] = state.IsEligible(round, trainee);
            }
        }

        return new SeasonView(season, state.Tallies.Snapshot(), windows,
            eligible, new Dictionary<string, AnnouncementResult>(state.Published, StringComparer.Ordinal), pipeline.LogSize);
    });

    /// <summary>Whether a round can still take ballots at <paramref name="now"/>: not closed and not past its closing time.</summary>
    public static bool TakesBallots(RoundWindow window, DateTimeOffset now) =>
        !window.Closed && now.ToUnixTimeMilliseconds() < window.ClosesAtMs;
}
