using BenchmarkDotNet.Attributes;
using KPops.Voting;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Benchmarks;

/// <summary>
/// Validation + dedup + quota per ballot against a state already holding a million voters: a new voter (checked
/// and recorded, as replay does and as the sequencer does in two steps) and a repeat voter (checked and refused).
/// </summary>
[MemoryDiagnoser]
public class BallotCheckBenchmarks
{
    private const int Existing = 1_000_000;
    private VotingState _state = null!;
    private long _nextVoter;
    private long _nextIndex;

    [GlobalSetup]
    public void Setup()
    {
        var season = new CompiledSeason(BenchBallots.Season());
        _state = new VotingState(season, new MemoryEntryHistory(), expectedBallots: 16_000_000);
        for (_nextVoter = 0; _nextVoter < Existing; _nextVoter++)
        {
            _state.TryAccept(BenchBallots.Of(_nextVoter), _nextIndex++, out _);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _state.Dispose();

    [Benchmark]
    public BallotCheck Accept_new_voter()
    {
        var ballot = BenchBallots.Of(_nextVoter++);
        return _state.TryAccept(ballot, _nextIndex++, out _);
    }

    /// <summary>What the sequencer pays per accepted ballot: the check before the commit, the record after it.</summary>
    [Benchmark]
    public BallotCheck Check_then_record_checked_new_voter()
    {
        var ballot = BenchBallots.Of(_nextVoter++);
        var check = _state.Check(ballot, out _);
        _state.RecordChecked(ballot, _nextIndex++);
        return check;
    }

    [Benchmark]
    public BallotCheck Refuse_repeat_voter()
    {
        var ballot = BenchBallots.Of(_nextIndex % Existing) with { Nonce = 1 };
        _nextIndex++;
        return _state.Check(ballot, out _);
    }
}
