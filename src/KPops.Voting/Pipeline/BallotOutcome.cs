using KPops.Log;
using KPops.Voting.Ballots;

namespace KPops.Voting.Pipeline;

/// <summary>What the pipeline answered a ballot. Persisted nowhere, but shown to clients: values are stable.</summary>
public enum SubmitStatus : byte
{
    /// <summary>Not answered yet (the default value of an outcome slot).</summary>
    Pending = 0,

    /// <summary>The ballot is durably in the log at <see cref="BallotOutcome.Index"/>.</summary>
    Accepted = 1,

    /// <summary>The same ballot was accepted before; the outcome points at the original entry.</summary>
    Duplicate = 2,

    /// <summary>The rules refused the ballot; <see cref="BallotOutcome.Reason"/> says why. Nothing was logged.</summary>
    Rejected = 3,

    /// <summary>The queue was full; nothing was logged; retry later.</summary>
    RateLimited = 4,

    /// <summary>The log could not make the ballot's batch durable; it was not acknowledged; resubmit it.</summary>
    StorageUnavailable = 5,

    /// <summary>The pipeline is shutting down or has failed for good; nothing was logged.</summary>
    Unavailable = 6,
}

/// <summary>
/// The answer to one ballot. For <see cref="SubmitStatus.Accepted"/> and <see cref="SubmitStatus.Duplicate"/> it is
/// the receipt in compact form — the entry index and the signed checkpoint that covers it (one object shared by
/// the whole batch) — from which <see cref="BallotPipeline.Receipt"/> materializes the leaf hash and inclusion
/// proof. A struct, so answering a ballot allocates nothing.
/// </summary>
public readonly record struct BallotOutcome(SubmitStatus Status, BallotCheck Reason, long Index, SignedCheckpoint? Checkpoint)
{
    /// <summary>The materialized receipt when the pipeline runs with <see cref="BallotPipelineOptions.EagerReceipts"/>.</summary>
    public BallotReceipt? Receipt { get; init; }

    /// <summary>True when the ballot is in the log (now or from an earlier submission) and the outcome is its receipt.</summary>
    public bool IsInLog => Status is SubmitStatus.Accepted or SubmitStatus.Duplicate;

    /// <summary>The stable kebab-case code clients see: a <see cref="BallotCheckCodes"/> code or a pipeline condition.</summary>
    public string Code => Status switch
    {
        SubmitStatus.Accepted => "accepted",
        SubmitStatus.Duplicate => BallotCheck.DuplicateBallot.ToCode(),
        SubmitStatus.Rejected => Reason.ToCode(),
        SubmitStatus.RateLimited => BallotCheck.RateLimited.ToCode(),
        SubmitStatus.StorageUnavailable => "storage-unavailable",
        SubmitStatus.Unavailable => "unavailable",
        _ => "pending",
    };

    internal static BallotOutcome Of(SubmitStatus status) => new(status, default, -1, null);

    internal static BallotOutcome Rejected(BallotCheck reason) => new(SubmitStatus.Rejected, reason, -1, null);
}
