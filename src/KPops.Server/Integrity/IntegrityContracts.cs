namespace KPops.Server.Integrity;

/// <summary>An alert as staff see it. Ballots by log index, voters by pseudonym; <c>Source</c> may name a network prefix.</summary>
public sealed record AlertResponse(
    string Id,
    string Detector,
    string Source,
    string Round,
    string Explanation,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long BallotCount,
    long[] Indices,
    string[] Voters,
    string Status,
    AlertDecisionResponse? Decision);

/// <summary>A decision on an alert: who, when, the quarantine reason (null when dismissed), the note, the log entries appended.</summary>
public sealed record AlertDecisionResponse(string By, DateTimeOffset At, string? Reason, string Note, long[] QuarantineEntries);

/// <summary>
/// Quarantine an alert's ballots. <c>Reason</c>: <c>other</c>, <c>multiple-accounts</c>, <c>automation</c>,
/// <c>partner-batch</c>, <c>vote-buying</c>. <c>Target</c>: <c>entries</c> (default: the listed ballots) or
/// <c>voters</c> (every ballot of the listed voters in the round, and their later ones).
/// </summary>
public sealed record QuarantineAlertRequest(string? Reason, string? Note, string? Target);

/// <summary>Dismiss an alert (a false alarm), with a note.</summary>
public sealed record DismissAlertRequest(string? Note);

/// <summary>A proof-of-work challenge for one ballot (see docs/integrity.md).</summary>
public sealed record ChallengeResponse(bool Required, string Challenge, int DifficultyBits, DateTimeOffset ExpiresAt);
