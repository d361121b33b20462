namespace KPops.Log.Tests;

public class TileLogClientTests
{
    [Fact]
    public async Task A_log_written_to_disk_verifies_from_a_fresh_read_only_instance()
    {
        using var directory = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        List<byte[]> expected = WriteLog(directory.Path, signer, 70, 300, 1, 256, 40);

        using var storage = FileLogStorage.OpenReadOnly(directory.Path);
        var client = new TileLogClient(new StorageTileSource(storage));
        NoteVerifier verifier = NoteVerifier.Parse(signer.Verifier.KeyText);
        Checkpoint checkpoint = await client.ReadCheckpointAsync(verifier, TestEntries.Origin, TestContext.Current.CancellationToken);
        Assert.Equal(expected.Count, checkpoint.Size);
        await client.VerifyTreeAsync(checkpoint, TestContext.Current.CancellationToken);

        var read = new List<byte[]>();
        await foreach (LogEntry entry in client.ReadEntriesAsync(checkpoint, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(read.Count, entry.Index);
            read.Add(entry.Data.ToArray());
        }

        Assert.Equal(expected, read);

        var tail = new List<long>();
        await foreach (LogEntry entry in client.ReadEntriesAsync(checkpoint, 600, TestContext.Current.CancellationToken))
        {
            tail.Add(entry.Index);
        }

        Assert.Equal(Enumerable.Range(600, expected.Count - 600).Select(i => (long)i), tail);
    }

    [Fact]
    public async Task The_exported_directory_has_the_exact_tlog_tiles_paths_and_verifies()
    {
        using var data = new TempDirectory();
        using var export = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        List<byte[]> expected = WriteLog(data.Path, signer, 300, 300);

        using (var storage = FileLogStorage.OpenReadOnly(data.Path))
        {
            Checkpoint exported = await FileTileExporter.ExportAsync(new StorageTileSource(storage), export.Path, TestContext.Current.CancellationToken);
            Assert.Equal(600, exported.Size);
        }

        string[] files = [.. Directory.GetFiles(export.Path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(export.Path, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];
        Assert.Equal(
            ["checkpoint", "tile/0/000", "tile/0/001", "tile/0/002.p/88", "tile/1/000.p/2", "tile/entries/000", "tile/entries/001", "tile/entries/002.p/88"],
            files);

        var client = new TileLogClient(new DirectoryTileSource(export.Path));
        Checkpoint checkpoint = await client.ReadCheckpointAsync(signer.Verifier, TestEntries.Origin, TestContext.Current.CancellationToken);
        await client.VerifyTreeAsync(checkpoint, TestContext.Current.CancellationToken);
        int count = 0;
        await foreach (LogEntry entry in client.ReadEntriesAsync(checkpoint, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(expected[count++], entry.Data.ToArray());
        }

        Assert.Equal(600, count);
    }

    [Theory]
    [InlineData("tile/0/000", false)]
    [InlineData("tile/0/002.p/88", false)]
    [InlineData("tile/1/000.p/2", false)]
    [InlineData("tile/entries/001", true)]
    [InlineData("tile/entries/002.p/88", true)]
    public async Task A_tampered_tile_or_bundle_is_detected(string path, bool isBundle)
    {
        using var data = new TempDirectory();
        using var export = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        WriteLog(data.Path, signer, 600);
        using (var storage = FileLogStorage.OpenReadOnly(data.Path))
        {
            await FileTileExporter.ExportAsync(new StorageTileSource(storage), export.Path, TestContext.Current.CancellationToken);
        }

        string file = Path.Combine(export.Path, path);
        byte[] bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 0x20;
        File.WriteAllBytes(file, bytes);

        var client = new TileLogClient(new DirectoryTileSource(export.Path));
        Checkpoint checkpoint = await client.ReadCheckpointAsync(signer.Verifier, cancellationToken: TestContext.Current.CancellationToken);
        if (!isBundle)
        {
            await Assert.ThrowsAsync<LogVerificationException>(() => client.VerifyTreeAsync(checkpoint, TestContext.Current.CancellationToken));
        }

        await Assert.ThrowsAsync<LogVerificationException>(async () =>
        {
            await foreach (LogEntry entry in client.ReadEntriesAsync(checkpoint, cancellationToken: TestContext.Current.CancellationToken))
            {
                _ = entry;
            }
        });
    }

    [Fact]
    public async Task A_checkpoint_signed_by_another_key_is_rejected()
    {
        using var data = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using var other = NoteSigner.Generate(TestEntries.Origin);
        WriteLog(data.Path, signer, 10);
        using var storage = FileLogStorage.OpenReadOnly(data.Path);
        var client = new TileLogClient(new StorageTileSource(storage));
        await Assert.ThrowsAsync<LogVerificationException>(() => client.ReadCheckpointAsync(other.Verifier, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<LogVerificationException>(() => client.ReadCheckpointAsync(signer.Verifier, "other.example/log", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_running_log_serves_the_same_resources_as_its_storage()
    {
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using var storage = new MemoryLogStorage();
        using var log = TransparencyLog.Open(storage, signer, TestEntries.Origin);
        TestEntries.Append(log, TestEntries.Batch(0, 513));
        var fromLog = new LogTileSource(log);
        var fromStorage = new StorageTileSource(storage);
        foreach (TilePath tile in TileLayout.HashTiles(log.Size).Concat(TileLayout.EntryBundles(log.Size)))
        {
            Assert.Equal(await fromStorage.ReadAsync(tile.ToString(), TestContext.Current.CancellationToken), await fromLog.ReadAsync(tile.ToString(), TestContext.Current.CancellationToken));
        }

        Assert.Equal(log.Checkpoint.Note.ToArray(), await fromLog.ReadAsync("checkpoint", TestContext.Current.CancellationToken));
        Assert.Null(await fromLog.ReadAsync("tile/0/../../etc/passwd", TestContext.Current.CancellationToken));
        await new TileLogClient(fromLog).VerifyTreeAsync(log.Checkpoint.Checkpoint, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Every_earlier_checkpoint_is_consistent_with_the_current_tiles_and_a_forked_one_is_not()
    {
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using var storage = new MemoryLogStorage();
        using var log = TransparencyLog.Open(storage, signer, TestEntries.Origin);
        var history = new List<Checkpoint> { log.Checkpoint.Checkpoint };
        int[] sizes = [1, 255, 1, 300, 7, 0, 256, 40];
        for (int i = 0; i < sizes.Length; i++)
        {
            history.Add(TestEntries.Append(log, TestEntries.Batch(i, sizes[i])).Checkpoint.Checkpoint);
        }

        var client = new TileLogClient(new LogTileSource(log));
        foreach (Checkpoint older in history)
        {
            await client.VerifyConsistencyAsync(older, log.Checkpoint.Checkpoint, TestContext.Current.CancellationToken);
        }

        // A fork: same size as an earlier checkpoint, different last entry.
        using var forkStorage = new MemoryLogStorage();
        using var fork = TransparencyLog.Open(forkStorage, signer, TestEntries.Origin);
        TestEntries.Append(fork, [.. log.ReadEntries(0, 300).Select(e => e.Data.ToArray()), [0xBA, 0xD0]]);
        Checkpoint forked = fork.Checkpoint.Checkpoint;
        await Assert.ThrowsAsync<LogVerificationException>(() => client.VerifyConsistencyAsync(forked, log.Checkpoint.Checkpoint, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Entries_and_proofs_fetched_from_a_few_tiles_match_the_log()
    {
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        using var storage = new MemoryLogStorage();
        using var log = TransparencyLog.Open(storage, signer, TestEntries.Origin);
        List<byte[]> entries = [.. TestEntries.Batch(0, 300), .. TestEntries.Batch(1, 470)];
        TestEntries.Append(log, [.. entries.Take(300)]);
        Checkpoint older = log.Checkpoint.Checkpoint;
        TestEntries.Append(log, [.. entries.Skip(300)]);
        Checkpoint current = log.Checkpoint.Checkpoint;
        var client = new TileLogClient(new LogTileSource(log));

        foreach (Checkpoint checkpoint in new[] { older, current })
        {
            for (long index = 0; index < checkpoint.Size; index += 37)
            {
                (byte[][] proof, byte[] leafHash) = await client.InclusionProofAsync(index, checkpoint, TestContext.Current.CancellationToken);
                Assert.Equal(log.InclusionProof(index, checkpoint.Size), proof);
                Assert.Equal(Rfc6962.HashLeaf(entries[(int)index]), leafHash);
                Assert.Equal(entries[(int)index], await client.ReadEntryAsync(index, checkpoint, TestContext.Current.CancellationToken));
            }
        }
    }

    [Fact]
    public async Task A_proof_from_tampered_tiles_is_refused()
    {
        using var data = new TempDirectory();
        using var export = new TempDirectory();
        using var signer = NoteSigner.Generate(TestEntries.Origin);
        WriteLog(data.Path, signer, 600);
        using (var storage = FileLogStorage.OpenReadOnly(data.Path))
        {
            await FileTileExporter.ExportAsync(new StorageTileSource(storage), export.Path, TestContext.Current.CancellationToken);
        }

        var client = new TileLogClient(new DirectoryTileSource(export.Path));
        Checkpoint checkpoint = await client.ReadCheckpointAsync(signer.Verifier, cancellationToken: TestContext.Current.CancellationToken);
        Corrupt(Path.Combine(export.Path, "tile", "0", "001"));
        await Assert.ThrowsAsync<LogVerificationException>(() => client.InclusionProofAsync(300, checkpoint, TestContext.Current.CancellationToken));
        Assert.NotNull(await client.ReadEntryAsync(10, checkpoint, TestContext.Current.CancellationToken));

        Corrupt(Path.Combine(export.Path, "tile", "entries", "000"));
        await Assert.ThrowsAsync<LogVerificationException>(() => client.ReadEntryAsync(255, checkpoint, TestContext.Current.CancellationToken));
    }

    private static void Corrupt(string file)
    {
        byte[] bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(file, bytes);
    }

    private static List<byte[]> WriteLog(string directory, NoteSigner signer, params int[] batchSizes)
    {
        var expected = new List<byte[]>();
        using var storage = FileLogStorage.Open(directory);
        using var log = TransparencyLog.Open(storage, signer, TestEntries.Origin);
        for (int i = 0; i < batchSizes.Length; i++)
        {
            byte[][] batch = TestEntries.Batch(i, batchSizes[i]);
            TestEntries.Append(log, batch);
            expected.AddRange(batch);
        }

        return expected;
    }
}
