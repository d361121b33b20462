namespace KPops.Log.Tests;

/// <summary>
/// For every storage operation of a scenario, inject each fault kind, crash, recover, and check: the log is
/// consistent with its checkpoint, every acknowledged append is at its index, the failed batch is either
/// wholly present or wholly absent (present exactly when the checkpoint replace persisted), and no index
/// is ever handed out twice.
/// </summary>
public class CrashRecoveryTests
{
    // 686 entries: crosses two full leaf tiles, so level-1 hashes are written too.
    private static readonly int[] BatchSizes = [1, 200, 55, 300, 0, 130];

    public static TheoryData<StorageFault, bool> MemoryFaults => new()
    {
        { StorageFault.FailsAndDoesNotPersist, false },
        { StorageFault.FailsAndDoesNotPersist, true },
        { StorageFault.FailsButPersists, false },
        { StorageFault.FailsButPersists, true },
    };

    [Theory]
    [MemberData(nameof(MemoryFaults))]
    public void Every_fault_at_every_operation_is_recovered_in_memory(StorageFault fault, bool loseUnsyncedWrites)
    {
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        int operations = CountOperations(signer);
        for (int failAt = 0; failAt < operations; failAt++)
        {
            var memory = new MemoryLogStorage();
            var harness = new Harness(signer, () =>
            {
                memory.SimulateCrash(loseUnsyncedWrites);
                return new FaultyLogStorage(memory);
            });
            var faulty = new FaultyLogStorage(memory);
            faulty.FailAt(failAt, fault);
            harness.Run(faulty, fault);
        }
    }

    [Theory]
    [InlineData(StorageFault.FailsAndDoesNotPersist)]
    [InlineData(StorageFault.FailsButPersists)]
    public void Every_fault_at_every_operation_is_recovered_on_disk(StorageFault fault)
    {
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        int operations = CountOperations(signer);
        for (int failAt = 0; failAt < operations; failAt++)
        {
            using var directory = new TempDirectory();
            FileLogStorage? current = null;
            var harness = new Harness(signer, () =>
            {
                current?.Dispose();
                current = FileLogStorage.Open(directory.Path);
                return new FaultyLogStorage(current);
            });
            current = FileLogStorage.Open(directory.Path);
            var faulty = new FaultyLogStorage(current);
            faulty.FailAt(failAt, fault);
            harness.Run(faulty, fault);
            current.Dispose();
        }
    }

    private static int CountOperations(NoteSigner signer)
    {
        var memory = new MemoryLogStorage();
        var counting = new FaultyLogStorage(memory);
        new Harness(signer, () => new FaultyLogStorage(memory)).Run(counting, fault: null);
        return counting.OperationCount;
    }

    private sealed class Harness(NoteSigner signer, Func<FaultyLogStorage> crashAndRestart)
    {
        private readonly List<byte[]> _expected = [];

        public void Run(FaultyLogStorage storage, StorageFault? fault)
        {
            TransparencyLog log = OpenRecovering(ref storage, fault);
            for (int batchNumber = 0; batchNumber < BatchSizes.Length; batchNumber++)
            {
                byte[][] batch = TestEntries.Batch(batchNumber, BatchSizes[batchNumber]);
                try
                {
                    AppendResult result = TestEntries.Append(log, batch);
                    Assert.Equal(_expected.Count, result.FirstIndex);
                    _expected.AddRange(batch);
                }
                catch (InjectedStorageFaultException)
                {
                    Assert.True(log.IsFaulted);
                    Assert.Throws<InvalidOperationException>(() => TestEntries.Append(log, batch));
                    bool committed = storage.FailedOperation == "ReplaceCheckpoint" && fault == StorageFault.FailsButPersists;
                    log.Dispose();
                    storage = crashAndRestart();
                    log = OpenRecovering(ref storage, fault);

                    // All or nothing, and only a persisted checkpoint makes it "all".
                    Assert.Equal(_expected.Count + (committed ? batch.Length : 0), log.Size);
                    if (committed)
                    {
                        _expected.AddRange(batch);
                    }
                }

                LogInvariants.AssertLogHolds(log, _expected);
            }

            // A final restart changes nothing.
            log.Dispose();
            storage = crashAndRestart();
            using TransparencyLog reopened = TransparencyLog.Open(storage, signer, TestEntries.Origin);
            LogInvariants.AssertLogHolds(reopened, _expected);
        }

        private TransparencyLog OpenRecovering(ref FaultyLogStorage storage, StorageFault? fault)
        {
            // The fault may hit recovery itself; it is one-shot, so the next restart succeeds.
            try
            {
                return TransparencyLog.Open(storage, signer, TestEntries.Origin);
            }
            catch (InjectedStorageFaultException) when (fault is not null)
            {
                storage = crashAndRestart();
                return TransparencyLog.Open(storage, signer, TestEntries.Origin);
            }
        }
    }
}
