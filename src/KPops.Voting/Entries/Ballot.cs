using System.Diagnostics.CodeAnalysis;

namespace KPops.Voting.Entries;

/// <summary>
/// One fan's ballot as the log stores it: indices into the season (see <c>CompiledSeason</c>) rather than ids,
/// the voter's pseudonym, and the server's clock. A value type with inline picks, so building, validating and
/// encoding a ballot allocates nothing.
/// </summary>
public readonly struct Ballot
{
    private readonly BallotPicks _picks;
    private readonly byte _pickCount;

    public Ballot(ReadOnlySpan<ushort> picks)
    {
        if (picks.Length > BallotPicks.Capacity)
        {
            ThrowHelper.TooManyPicks(picks.Length);
        }

        picks.CopyTo(_picks);
        _pickCount = (byte)picks.Length;
    }

    /// <summary>Index of the round in the season's <c>rounds</c>.</summary>
    public ushort Round { get; init; }

    public VoterPseudonym Voter { get; init; }

    /// <summary>
    /// The period the ballot counts against: the day number (days since 1970-01-01 in the season's time zone)
    /// for daily rules, 0 for once-per-round rules. Derived from <see cref="ServerTimeMs"/> and checked on replay.
    /// </summary>
    public int Period { get; init; }

    /// <summary>The client's sequence number within the period; a resubmission with the same nonce is idempotent.</summary>
    public uint Nonce { get; init; }

    /// <summary>Index of the channel in the round's <c>ballot.channels</c> (0 when the round lists none).</summary>
    public byte Channel { get; init; }

    /// <summary>Index of the voter's segment in the season's <c>segments</c> (0 when the season lists none).</summary>
    public ushort Segment { get; init; }

    /// <summary>When the server accepted the ballot, in Unix milliseconds. Clients' clocks are never used.</summary>
    public long ServerTimeMs { get; init; }

    public int PickCount => _pickCount;

    /// <summary>Trainee indices in the order the voter gave them.</summary>
    [UnscopedRef]
    public ReadOnlySpan<ushort> Picks => ((ReadOnlySpan<ushort>)_picks)[.._pickCount];
}
