using System.Runtime.CompilerServices;

namespace KPops.Voting.Entries;

/// <summary>
/// Inline storage for a ballot's picks so that a <see cref="Ballot"/> is a plain value: no array per ballot.
/// </summary>
[InlineArray(Capacity)]
public struct BallotPicks
{
    /// <summary>
    /// The most picks one ballot can carry. Real formats ask for at most 12 (Produce 48); season rules with a
    /// larger <c>maxPicks</c> are refused when the season is compiled.
    /// </summary>
    public const int Capacity = 32;

    private ushort _element0;
}
