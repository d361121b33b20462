namespace KPops.Voting;

/// <summary>
/// A round's effective voting window: the season's schedule as changed by RoundOpened, RoundExtended and
/// RoundClosed entries. Ballots are accepted when <see cref="OpensAtMs"/> ≤ server time &lt; <see cref="ClosesAtMs"/>
/// and the round has not been closed.
/// </summary>
public readonly record struct RoundWindow(long OpensAtMs, long ClosesAtMs, bool Closed);
