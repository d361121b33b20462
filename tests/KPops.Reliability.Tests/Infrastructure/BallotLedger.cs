using System.Collections.Concurrent;
using System.Text;
using KPops.Log;

namespace KPops.Reliability.Tests.Infrastructure;

/// <summary>A ballot the load generator sent: its nonce (unique across all voters), voter and picks (trainee indices).</summary>
internal sealed record SentBallot(uint Nonce, int Voter, ushort[] Picks);

/// <summary>A receipt the server gave: where it says the ballot is, and the leaf hash it says is there.</summary>
internal sealed record HeldReceipt(uint Nonce, long Index, byte[] LeafHash);

/// <summary>
/// Everything the load generator knows, kept across server crashes: every ballot sent, every receipt received (each
/// checked offline when it arrives: checkpoint signature and inclusion proof), the ballots sent but never acknowledged
/// (to resubmit with the same nonce), and every checkpoint the server ever showed. Thread-safe: voters record
/// concurrently.
/// </summary>
internal sealed class BallotLedger(NoteVerifier verifier)
{
    private readonly ConcurrentDictionary<uint, SentBallot> _sent = new();
    private readonly ConcurrentDictionary<uint, HeldReceipt> _receipts = new();
    private readonly ConcurrentDictionary<long, uint> _indexOwners = new();
    private readonly ConcurrentDictionary<uint, SentBallot> _unanswered = new();
    private readonly ConcurrentDictionary<long, byte[]> _checkpoints = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private int _nextNonce;

    public NoteVerifier Verifier { get; } = verifier;

    public IReadOnlyDictionary<uint, SentBallot> Sent => _sent;

    public IReadOnlyDictionary<uint, HeldReceipt> Receipts => _receipts;

    /// <summary>Sent, and answered with anything but a receipt (or not answered): may or may not be in the log.</summary>
    public IReadOnlyCollection<SentBallot> Unanswered => (IReadOnlyCollection<SentBallot>)_unanswered.Values;

    /// <summary>Size → root of every checkpoint the server served or put in a receipt.</summary>
    public IReadOnlyDictionary<long, byte[]> Checkpoints => _checkpoints;

    public IReadOnlyCollection<string> Failures => _failures;

    public SentBallot NewBallot(int voter, Random random)
    {
        uint nonce = (uint)Interlocked.Increment(ref _nextNonce);
        ushort first = (ushort)random.Next(LoadSeason.Trainees.Count);
        ushort[] picks = random.Next(2) == 0 ? [first] : [first, (ushort)((first + 1 + random.Next(LoadSeason.Trainees.Count - 1)) % LoadSeason.Trainees.Count)];
        var ballot = new SentBallot(nonce, voter, picks);
        _sent[nonce] = ballot;
        _unanswered[nonce] = ballot;
        return ballot;
    }

    /// <summary>Checks a receipt offline and keeps it; a receipt that does not verify or contradicts another is a failure.</summary>
    public void Acknowledge(SentBallot ballot, long index, string entryHash, string checkpointNote, string[] inclusionProof)
    {
        byte[] leaf = Convert.FromBase64String(entryHash);
        byte[][] proof = inclusionProof.Select(Convert.FromBase64String).ToArray();
        if (!LogVerifier.TryVerifyCheckpoint(Encoding.UTF8.GetBytes(checkpointNote), Verifier, expectedOrigin: null, out Checkpoint? checkpoint, out string? error))
        {
            Fail($"ballot {ballot.Nonce}: the receipt's checkpoint does not verify ({error})");
            return;
        }

        if (!LogVerifier.VerifyInclusion(leaf, index, checkpoint.Size, proof, checkpoint.RootHash))
        {
            Fail($"ballot {ballot.Nonce}: the receipt's inclusion proof for index {index} does not verify");
        }

        SawCheckpoint(checkpoint);
        var receipt = new HeldReceipt(ballot.Nonce, index, leaf);
        HeldReceipt kept = _receipts.GetOrAdd(ballot.Nonce, receipt);
        if (kept.Index != index)
        {
            Fail($"ballot {ballot.Nonce} was receipted at index {kept.Index} and again at {index}");
        }

        uint owner = _indexOwners.GetOrAdd(index, ballot.Nonce);
        if (owner != ballot.Nonce)
        {
            Fail($"index {index} was handed out to ballot {owner} and to ballot {ballot.Nonce}");
        }

        _unanswered.TryRemove(ballot.Nonce, out _);
    }

    /// <summary>Keeps a checkpoint the server showed; two different roots for one size are a forked log.</summary>
    public void SawCheckpoint(Checkpoint checkpoint)
    {
        byte[] root = checkpoint.RootHash.ToArray();
        byte[] kept = _checkpoints.GetOrAdd(checkpoint.Size, root);
        if (!kept.AsSpan().SequenceEqual(root))
        {
            Fail($"two checkpoints of size {checkpoint.Size} with different roots");
        }
    }

    public void Fail(string failure) => _failures.Enqueue(failure);
}
