using System.Buffers;
using KPops.Log;
using KPops.Server.Telemetry;
using KPops.Voting.Entries;
using KPops.Voting.Pipeline;

namespace KPops.Server.Partners;

/// <summary>
/// One batch's working memory, rented from the array pool: the ballots read from the body, each position's outcome,
/// and the compacted run of readable ballots handed to <see cref="BallotPipeline.SubmitManyAsync"/>. Returned to
/// the pool when the answer has been written.
/// </summary>
internal sealed class PartnerBatchBuffers(int capacity) : IDisposable
{
    private Ballot[]? _ballots = ArrayPool<Ballot>.Shared.Rent(capacity);
    private BallotOutcome[]? _outcomes = ArrayPool<BallotOutcome>.Shared.Rent(capacity);
    private BallotOutcome[]? _submitted = ArrayPool<BallotOutcome>.Shared.Rent(capacity);
    private int[]? _positions = ArrayPool<int>.Shared.Rent(capacity);

    /// <summary>Ballots in the batch.</summary>
    public int Length { get; private set; }

    /// <summary>Each ballot's outcome, in the batch's order (complete after <see cref="SubmitAsync"/>).</summary>
    public ReadOnlySpan<BallotOutcome> Outcomes => OutcomeArray.AsSpan(0, Length);

    public BallotOutcome[] OutcomeArray => _outcomes ?? throw new ObjectDisposedException(nameof(PartnerBatchBuffers));

    public BatchReadStatus Read(PartnerBatchReader reader, ReadOnlySpan<byte> body)
    {
        Array.Clear(OutcomeArray, 0, capacity);
        var status = reader.Read(body, _ballots.AsSpan(0, capacity), OutcomeArray.AsSpan(0, capacity), out int count);
        Length = count;
        return status;
    }

    /// <summary>Submits the ballots the reader did not refuse, in order, and puts their outcomes at their positions.</summary>
    public async Task SubmitAsync(BallotPipeline pipeline)
    {
        int readable = Compact();
        if (readable == 0)
        {
            return;
        }

        await pipeline.SubmitManyAsync(_ballots.AsMemory(0, readable), _submitted.AsMemory(0, readable));
        for (int i = 0; i < readable; i++)
        {
            _outcomes![_positions![i]] = _submitted![i];
        }
    }

    /// <summary>The signed checkpoint text of the newest commit any ballot of the batch is in (it covers them all), or null.</summary>
    public string? NewestCheckpoint()
    {
        SignedCheckpoint? newest = null;
        foreach (ref readonly BallotOutcome outcome in Outcomes)
        {
            if (outcome.Checkpoint is { } checkpoint && (newest is null || checkpoint.Size > newest.Size))
            {
                newest = checkpoint;
            }
        }

        return newest is null ? null : System.Text.Encoding.UTF8.GetString(newest.Note.Span);
    }

    /// <summary>Counts the batch in the ballot meters: accepted in one step, refusals by reason.</summary>
    public void Count(KPopsMetrics metrics)
    {
        long accepted = 0;
        foreach (ref readonly BallotOutcome outcome in Outcomes)
        {
            if (outcome.Status == SubmitStatus.Accepted)
            {
                accepted++;
            }
            else if (!outcome.IsInLog)
            {
                metrics.BallotRejected(outcome.Code);
            }
        }

        metrics.BallotsAccepted(accepted);
    }

    public void Dispose()
    {
        ReturnToPool(ref _ballots);
        ReturnToPool(ref _outcomes);
        ReturnToPool(ref _submitted);
        ReturnToPool(ref _positions);
    }

    private static void ReturnToPool<T>(ref T[]? array)
    {
        if (array is not null)
        {
            ArrayPool<T>.Shared.Return(array);
            array = null;
        }
    }

    /// <summary>Moves the readable ballots (outcome still pending) to the front, remembering where each came from.</summary>
    private int Compact()
    {
        var ballots = _ballots!;
        var outcomes = _outcomes!;
        var positions = _positions!;
        int readable = 0;
        for (int i = 0; i < Length; i++)
        {
            if (outcomes[i].Status == SubmitStatus.Pending)
            {
                if (readable != i)
                {
                    ballots[readable] = ballots[i];
                }

                positions[readable++] = i;
            }
        }

        return readable;
    }
}
