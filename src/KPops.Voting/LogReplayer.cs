using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Voting;

/// <summary>
/// Rebuilds <see cref="VotingState"/> from log entries in index order: the season from its
/// <see cref="SeasonDefined"/> chunks, then every other entry through the same methods the live pipeline
/// uses. Start-up recovery and the auditor's recount both run this, so they cannot disagree. Ballots take
/// an allocation-free path; each is re-checked against the rules at its own server time, and one that fails
/// is reported and not counted.
/// </summary>
public sealed class LogReplayer : IDisposable
{
    /// <summary>Findings beyond this many are counted but not kept, so a hostile log cannot exhaust memory.</summary>
    public const int MaxFindingsKept = 10_000;

    private readonly IEntryHistory _history;
    private readonly int _expectedBallots;
    private readonly List<SeasonDefined> _seasonChunks = [];
    private readonly List<ReplayFinding> _findings = [];

    /// <param name="history">The log being replayed; quarantines read earlier ballots from it.</param>
    /// <param name="expectedBallots">Presizes the quota tables.</param>
    public LogReplayer(IEntryHistory history, int expectedBallots = 0)
    {
        ArgumentNullException.ThrowIfNull(history);
        _history = history;
        _expectedBallots = expectedBallots;
    }

    /// <summary>Null until the log's season definition is complete.</summary>
    public VotingState? State { get; private set; }

    public IReadOnlyList<ReplayFinding> Findings => _findings;

    public long FindingCount { get; private set; }

    /// <summary>The index the next entry must have.</summary>
    public long NextIndex { get; private set; }

    /// <summary>Replays the history's entries from <see cref="NextIndex"/> up to <paramref name="end"/> (exclusive).</summary>
    public void ReplayTo(long end)
    {
        while (NextIndex < end && _history.TryRead(NextIndex, out var entry))
        {
            Apply(entry.Span);
        }
    }

    /// <summary>Applies the entry at <see cref="NextIndex"/>.</summary>
    public void Apply(ReadOnlySpan<byte> entry)
    {
        var index = NextIndex++;
        var error = EntryHeader.Check(entry, out var kind);
        if (error != EntryError.None)
        {
            Report(index, "undecodable", error.ToString());
            return;
        }

        if (kind == EntryKind.Ballot)
        {
            ApplyBallot(entry, index);
            return;
        }

        if (!LogEntryCodec.TryDecode(entry, out var decoded, out error))
        {
            Report(index, "undecodable", error.ToString());
            return;
        }

        ApplyDecoded(decoded, index);
    }

    /// <summary>
    /// Applies the ballot at <see cref="NextIndex"/> that the live sequencer already checked against the current
    /// state and has just committed; see <see cref="VotingState.RecordChecked"/>.
    /// </summary>
    public void ApplyChecked(in Ballot ballot)
    {
        var state = State ?? throw new InvalidOperationException("No season is defined yet.");
        state.RecordChecked(ballot, NextIndex++);
    }

    /// <summary>Applies an already decoded non-ballot entry at <see cref="NextIndex"/> (used by the recounter).</summary>
    public void ApplyDecoded(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ApplyDecoded(entry, NextIndex++);
    }

    private void ApplyBallot(ReadOnlySpan<byte> entry, long index)
    {
        if (!BallotCodec.TryRead(entry, out var ballot, out var error))
        {
            Report(index, "undecodable", error.ToString());
            return;
        }

        if (State is null)
        {
            Report(index, BallotCheck.NoSeason.ToCode(), "a ballot before the season definition");
            return;
        }

        var check = State.TryAccept(ballot, index, out var original);
        if (check != BallotCheck.Accepted)
        {
            State.MarkUncounted(index);
            Report(index, check.ToCode(), check == BallotCheck.DuplicateBallot ? $"repeats entry {original}" : "the rules reject this ballot");
        }
    }

    private void ApplyDecoded(LogEntry entry, long index)
    {
        if (entry is BallotEntry ballot)
        {
            Span<byte> buffer = stackalloc byte[BallotCodec.MaxSize];
            BallotCodec.TryWrite(ballot.Ballot, buffer, out var written);
            ApplyBallot(buffer[..written], index);
            return;
        }

        if (entry is SeasonDefined chunk && State is null)
        {
            AddSeasonChunk(chunk, index);
            return;
        }

        if (State is null)
        {
            Report(index, "no-season", $"a {entry.Kind} entry before the season definition");
            return;
        }

        if (State.Apply(entry, index) is { } problem)
        {
            Report(index, "entry-rejected", problem);
        }
    }

    private void AddSeasonChunk(SeasonDefined chunk, long index)
    {
        if (chunk.ChunkIndex != _seasonChunks.Count)
        {
            Report(index, "season-invalid", $"season chunk {chunk.ChunkIndex} where chunk {_seasonChunks.Count} was expected");
            _seasonChunks.Clear();
            return;
        }

        _seasonChunks.Add(chunk);
        if (_seasonChunks.Count < chunk.ChunkCount)
        {
            return;
        }

        var season = SeasonDefinition.TryAssemble(_seasonChunks, out var problem);
        _seasonChunks.Clear();
        if (season is null)
        {
            Report(index, "season-invalid", problem ?? "the season definition is invalid");
            return;
        }

        try
        {
            State = new VotingState(new CompiledSeason(season), _history, _expectedBallots);
        }
        catch (Exception exception) when (exception is ArgumentException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            Report(index, "season-invalid", exception.Message);
        }
    }

    private void Report(long index, string code, string message)
    {
        FindingCount++;
        if (_findings.Count < MaxFindingsKept)
        {
            _findings.Add(new ReplayFinding(index, code, message));
        }
    }

    public void Dispose() => State?.Dispose();
}
