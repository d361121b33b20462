namespace KPops.Server.Voting;

/// <summary>Why and until when a round is extended (<c>POST /api/rounds/{roundId}/extend</c>).</summary>
public sealed record ExtendRoundRequest(string? Reason, DateTimeOffset? ClosesAt);

/// <summary>A round-control entry in the log: its index and the signed checkpoint (signed note) that covers it.</summary>
public sealed record RoundEntryResponse(string RoundId, string Entry, long Index, string Checkpoint);
