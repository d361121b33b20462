using KPops.Voting.Entries;

namespace KPops.Server.Integrity;

/// <summary>
/// What the detectors see of one accepted ballot: its place in the log, round, voter pseudonym and server time (read
/// back from the log entry), plus request metadata that never enters the log: the client network, the device id the
/// fan site sends, and the minute the voter's account was created. A small value: detectors keep many of them.
/// </summary>
/// <param name="LogIndex">The ballot's entry index in the vote log.</param>
/// <param name="Round">Round index in the season.</param>
/// <param name="Voter">The voter's pseudonym (as in the log).</param>
/// <param name="TimeMs">The server's acceptance time (Unix ms), as in the log.</param>
/// <param name="Network">The client's /24 (IPv4) or /48 (IPv6), or <see cref="NetworkPrefix.None"/>.</param>
/// <param name="Device">A 64-bit hash of the device id header, or 0 when the client sent none.</param>
/// <param name="CreatedMinute">The account's creation time in whole minutes since 1970, or -1 when unknown.</param>
/// <param name="PicksHash">A hash of the picks as a set (order does not matter): equal for identical ballots.</param>
public readonly record struct ObservedBallot(
    long LogIndex,
    ushort Round,
    VoterPseudonym Voter,
    long TimeMs,
    NetworkPrefix Network,
    ulong Device,
    long CreatedMinute,
    ulong PicksHash)
{
    /// <summary>The picks of a ballot as a set, hashed: trainee indices sorted, then FNV-1a over them.</summary>
    public static ulong HashPicks(ReadOnlySpan<ushort> picks)
    {
        Span<ushort> sorted = stackalloc ushort[picks.Length];
        picks.CopyTo(sorted);
        sorted.Sort();
        var hash = 14695981039346656037UL;
        foreach (var pick in sorted)
        {
            hash = (hash ^ pick) * 1099511628211UL;
        }

        return hash;
    }
}
