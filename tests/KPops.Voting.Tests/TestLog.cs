using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Voting.Tests;

/// <summary>
/// A live voting state over an in-memory log, driven the way the sequencer drives it: the season's
/// definition first, then each accepted ballot appended at the index it was accepted for.
/// </summary>
internal sealed class TestLog : IDisposable
{
    public TestLog(CompiledSeason season)
    {
        Season = season;
        foreach (var chunk in SeasonDefinition.ToChunks(season.Season))
        {
            History.Append(chunk.ToBytes());
        }

        State = new VotingState(season, History);
    }

    public CompiledSeason Season { get; }
    public MemoryEntryHistory History { get; } = new();
    public VotingState State { get; }

    public BallotCheck Submit(in Ballot ballot) => Submit(ballot, out _);

    public BallotCheck Submit(in Ballot ballot, out long originalIndex)
    {
        var index = History.Count;
        var check = State.TryAccept(ballot, index, out originalIndex);
        if (check == BallotCheck.Accepted)
        {
            History.Append(TestBallots.Encode(ballot));
        }

        return check;
    }

    public long Append(LogEntry entry)
    {
        var index = History.Count;
        Assert.Null(State.Apply(entry, index));
        return History.Append(entry.ToBytes());
    }

    /// <summary>Appends raw bytes without applying them, as a tampering or buggy writer would.</summary>
    public long AppendUnchecked(byte[] entry) => History.Append(entry);

    public void Dispose() => State.Dispose();
}
