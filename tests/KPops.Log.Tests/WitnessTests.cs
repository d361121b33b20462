using System.Text;

namespace KPops.Log.Tests;

/// <summary>The tlog-witness rules: what a witness cosigns, what it refuses and with which status, and that it never goes back.</summary>
public sealed class WitnessTests : IDisposable
{
    private readonly TempDirectory _state = new();
    private readonly NoteSigner _logKey = NoteSigner.Generate(TestEntries.Origin);
    private readonly CosignatureSigner _witnessKey = CosignatureSigner.Generate("witness.test/w1");
    private readonly MemoryLogStorage _storage = new();
    private readonly TransparencyLog _log;
    private readonly FixedClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

    public WitnessTests()
    {
        _log = TransparencyLog.Open(_storage, _logKey, TestEntries.Origin);
    }

    private CheckpointWitness NewWitness() => new(
        _witnessKey,
        new Dictionary<string, IReadOnlyList<NoteVerifier>> { [TestEntries.Origin] = [_logKey.Verifier] },
        new WitnessStateStore(_state.Path),
        _clock);

    private SignedCheckpoint Grow(int entries)
    {
        TestEntries.Append(_log, TestEntries.Batch(_log.Checkpoint.Checkpoint.Size.GetHashCode(), entries));
        return _log.Checkpoint;
    }

    private AddCheckpointRequest Request(long oldSize, SignedCheckpoint checkpoint) =>
        new(oldSize, oldSize == 0 ? [] : _log.ConsistencyProof(oldSize, checkpoint.Size), checkpoint.Note);

    [Fact]
    public void A_first_checkpoint_is_cosigned_with_a_verifiable_timestamped_cosignature()
    {
        var witness = NewWitness();
        var checkpoint = Grow(10);

        var outcome = witness.AddCheckpoint(Request(0, checkpoint).Encode());

        Assert.Equal(WitnessStatus.Cosigned, outcome.Status);
        NoteSignature cosignature = Assert.Single(outcome.Cosignatures);
        Assert.True(_witnessKey.Verifier.TryVerify(checkpoint.Checkpoint.Format(), cosignature, out long timestamp));
        Assert.Equal(1_800_000_000, timestamp);
    }

    [Fact]
    public void A_consistent_larger_checkpoint_is_cosigned_and_remembered_across_restarts()
    {
        var first = Grow(10);
        Assert.Equal(WitnessStatus.Cosigned, NewWitness().AddCheckpoint(Request(0, first)).Status);
        var second = Grow(300);

        Assert.Equal(WitnessStatus.Cosigned, NewWitness().AddCheckpoint(Request(first.Size, second)).Status);

        // A new witness process on the same state knows size 310 and wants a proof from there.
        var third = Grow(5);
        var stale = NewWitness().AddCheckpoint(Request(first.Size, third));
        Assert.Equal(WitnessStatus.Conflict, stale.Status);
        Assert.Equal(310, stale.KnownSize);
        Assert.Equal(WitnessStatus.Cosigned, NewWitness().AddCheckpoint(Request(310, third)).Status);
    }

    [Fact]
    public void A_submission_from_the_wrong_old_size_is_a_conflict_that_reports_the_witness_size()
    {
        var witness = NewWitness();
        var first = Grow(7);
        witness.AddCheckpoint(Request(0, first));
        var second = Grow(7);

        var fromZero = witness.AddCheckpoint(Request(0, second));

        Assert.Equal(WitnessStatus.Conflict, fromZero.Status);
        Assert.Equal(7, fromZero.KnownSize);
        Assert.Empty(fromZero.Cosignatures);
    }

    [Fact]
    public void A_rollback_to_a_smaller_tree_is_never_cosigned()
    {
        var witness = NewWitness();
        var small = Grow(5);
        var large = Grow(20);
        Assert.Equal(WitnessStatus.Cosigned, witness.AddCheckpoint(Request(0, large)).Status);

        Assert.Equal(WitnessStatus.BadRequest, witness.AddCheckpoint(new AddCheckpointRequest(large.Size, [], small.Note)).Status);
        Assert.Equal(WitnessStatus.Conflict, witness.AddCheckpoint(Request(small.Size, small)).Status);
        Assert.Equal(WitnessStatus.Conflict, witness.AddCheckpoint(Request(0, small)).Status);
    }

    [Fact]
    public void A_wrong_consistency_proof_is_unprocessable()
    {
        var witness = NewWitness();
        var first = Grow(9);
        witness.AddCheckpoint(Request(0, first));
        var second = Grow(40);
        byte[][] proof = _log.ConsistencyProof(first.Size, second.Size);
        proof[0] = (byte[])proof[0].Clone();
        proof[0][0] ^= 1;

        var outcome = witness.AddCheckpoint(new AddCheckpointRequest(first.Size, proof, second.Note));

        Assert.Equal(WitnessStatus.InvalidProof, outcome.Status);
        Assert.Equal(WitnessStatus.InvalidProof, witness.AddCheckpoint(new AddCheckpointRequest(first.Size, [], second.Note)).Status);
        Assert.Equal(WitnessStatus.Cosigned, witness.AddCheckpoint(Request(first.Size, second)).Status);
    }

    [Fact]
    public void A_forked_history_signed_by_the_real_key_is_refused()
    {
        var witness = NewWitness();
        var honest = Grow(12);
        witness.AddCheckpoint(Request(0, honest));

        // The same key signs another tree of the same size, and a larger tree that does not extend the first.
        using var forkStorage = new MemoryLogStorage();
        using var fork = TransparencyLog.Open(forkStorage, _logKey, TestEntries.Origin);
        TestEntries.Append(fork, TestEntries.Batch(99, 12));
        var sameSize = fork.Checkpoint;
        TestEntries.Append(fork, TestEntries.Batch(100, 30));
        var larger = fork.Checkpoint;

        Assert.Equal(WitnessStatus.Conflict, witness.AddCheckpoint(new AddCheckpointRequest(12, [], sameSize.Note)).Status);
        Assert.Equal(WitnessStatus.InvalidProof, witness.AddCheckpoint(new AddCheckpointRequest(12, fork.ConsistencyProof(12, larger.Size), larger.Note)).Status);
    }

    [Fact]
    public void The_same_checkpoint_again_is_cosigned_again()
    {
        var witness = NewWitness();
        var checkpoint = Grow(3);
        witness.AddCheckpoint(Request(0, checkpoint));

        Assert.Equal(WitnessStatus.Cosigned, witness.AddCheckpoint(Request(checkpoint.Size, checkpoint)).Status);
    }

    [Fact]
    public void An_unknown_origin_is_not_found()
    {
        using var otherKey = NoteSigner.Generate("other.test/log");
        byte[] note = SignedNote.Sign("other.test/log\n0\n" + Convert.ToBase64String(Rfc6962.EmptyRoot) + "\n", otherKey);

        Assert.Equal(WitnessStatus.UnknownLog, NewWitness().AddCheckpoint(new AddCheckpointRequest(0, [], note)).Status);
    }

    [Fact]
    public void A_checkpoint_not_signed_by_the_logs_key_is_forbidden()
    {
        using var impostor = NoteSigner.Generate(TestEntries.Origin);
        var checkpoint = Grow(4);
        byte[] forged = SignedNote.Sign(checkpoint.Checkpoint.Format(), impostor);
        byte[] tampered = checkpoint.Note.ToArray();
        // Another base64 character, so the note still parses and only the signature is wrong (flipping a bit of the
        // text could make an invalid character — 'A', 'Z', 'a', 'z', '+', '/' — about one run in ten: a bad request).
        tampered[^5] = (byte)(tampered[^5] == 'A' ? 'B' : 'A');

        Assert.Equal(WitnessStatus.Forbidden, NewWitness().AddCheckpoint(new AddCheckpointRequest(0, [], forged)).Status);
        Assert.Equal(WitnessStatus.Forbidden, NewWitness().AddCheckpoint(new AddCheckpointRequest(0, [], tampered)).Status);
    }

    [Fact]
    public void Other_signatures_on_the_checkpoint_are_ignored()
    {
        using var otherWitness = CosignatureSigner.Generate("witness.test/other");
        var checkpoint = Grow(4);
        byte[] note = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(checkpoint.Note.Span)
            + Cosignature.FormatLine(otherWitness.Sign(checkpoint.Checkpoint.Format(), 1)));

        Assert.Equal(WitnessStatus.Cosigned, NewWitness().AddCheckpoint(new AddCheckpointRequest(0, [], note)).Status);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("old 0\n\nnot a note\n")]
    [InlineData("old 0\n\nkpops.test/log\n1\n")]
    public void A_malformed_body_is_a_bad_request(string body)
    {
        Assert.Equal(WitnessStatus.BadRequest, NewWitness().AddCheckpoint(Encoding.UTF8.GetBytes(body)).Status);
    }

    [Fact]
    public void A_non_empty_proof_from_size_zero_is_unprocessable()
    {
        var checkpoint = Grow(4);

        var outcome = NewWitness().AddCheckpoint(new AddCheckpointRequest(0, [new byte[32]], checkpoint.Note));

        Assert.Equal(WitnessStatus.InvalidProof, outcome.Status);
    }

    [Fact]
    public void Concurrent_submissions_never_roll_the_witness_back()
    {
        var witness = NewWitness();
        var checkpoints = Enumerable.Range(0, 12).Select(_ => Grow(3)).ToList();
        var sizes = new System.Collections.Concurrent.ConcurrentBag<long>();

        // Every checkpoint is offered from every smaller size, in parallel; whatever wins, the state only grows.
        Parallel.ForEach(
            from newer in checkpoints from older in checkpoints.Where(c => c.Size <= newer.Size).Prepend(null) select (older, newer),
            pair =>
            {
                var outcome = witness.AddCheckpoint(Request(pair.older?.Size ?? 0, pair.newer));
                if (outcome.Status == WitnessStatus.Cosigned)
                {
                    sizes.Add(pair.newer.Size);
                }
            });

        long final = new WitnessStateStore(_state.Path).Load(TestEntries.Origin)!.Size;
        Assert.Equal(sizes.Max(), final);
        Assert.Equal(WitnessStatus.Conflict, witness.AddCheckpoint(Request(0, checkpoints[^1])).Status);
    }

    [Fact]
    public void An_unreadable_state_is_an_error_rather_than_a_fresh_start()
    {
        var checkpoint = Grow(2);
        NewWitness().AddCheckpoint(Request(0, checkpoint));
        foreach (string file in Directory.GetFiles(Path.Combine(_state.Path, "checkpoints")))
        {
            File.WriteAllText(file, "corrupted");
        }

        Assert.Throws<InvalidDataException>(() => NewWitness().AddCheckpoint(Request(0, Grow(1))));
    }

    public void Dispose()
    {
        _log.Dispose();
        _storage.Dispose();
        _logKey.Dispose();
        _witnessKey.Dispose();
        _state.Dispose();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
