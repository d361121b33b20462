namespace KPops.Voting;

/// <summary>
/// Something a replay found wrong with one log entry: bytes that do not decode, a ballot the rules reject
/// (the code is its <c>BallotCheck</c> code), or an entry that does not fit the state. Such entries are
/// skipped: they change no count.
/// </summary>
public sealed record ReplayFinding(long EntryIndex, string Code, string Message);
