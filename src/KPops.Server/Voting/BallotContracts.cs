namespace KPops.Server.Voting;

/// <summary>
/// A ballot as a voter sends it: trainee ids, the channel and segment ids (default: the round's first channel and
/// the season's first segment), and a client-chosen nonce that makes a resubmission idempotent.
/// </summary>
public sealed record CastBallotRequest(string[]? Picks, string? Channel, string? Segment, uint? Nonce);

/// <summary>
/// Proof that a ballot is in the public log: its entry index, the RFC 6962 leaf hash of the entry, the signed
/// checkpoint (signed note text) and the inclusion proof from the leaf to that checkpoint's root (base64 hashes).
/// <see cref="Status"/> is <c>accepted</c>, <c>duplicate-ballot</c> (the same ballot was accepted before; this is the
/// original's receipt) or <c>in-log</c> for a receipt fetched again.
/// </summary>
public sealed record ReceiptResponse(string Status, long Index, string EntryHash, string Checkpoint, string[] InclusionProof);
