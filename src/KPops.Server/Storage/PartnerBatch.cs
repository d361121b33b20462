namespace KPops.Server.Storage;

/// <summary>
/// A partner batch remembered under its <c>Idempotency-Key</c>, so that a retry with the same key and body gets the
/// same answer and a reuse of the key for another body is refused. The row is claimed before the batch is submitted
/// (<see cref="Outcomes"/> null while it runs) and completed with the per-ballot outcomes in compact form: the
/// leaf hashes are re-read from the log, so the row stays about 10 bytes per ballot.
/// </summary>
public sealed class PartnerBatch
{
    public required string KeyId { get; set; }

    public required string IdempotencyKey { get; set; }

    /// <summary>SHA-256 of the round id and the request body: what "the same request" means.</summary>
    public required byte[] RequestHash { get; set; }

    /// <summary>When the batch was claimed, in Unix milliseconds (a number, so that both providers compare it in SQL).</summary>
    public long CreatedAtUnixMs { get; set; }

    /// <summary>The per-ballot outcomes (<c>PartnerOutcomeCodec</c>), or null while the batch is still being submitted.</summary>
    public byte[]? Outcomes { get; set; }

    /// <summary>The signed checkpoint text the answer carried.</summary>
    public string? Checkpoint { get; set; }
}
