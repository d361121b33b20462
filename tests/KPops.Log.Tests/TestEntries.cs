namespace KPops.Log.Tests;

internal static class TestEntries
{
    public const string Origin = "kpops.test/log";

    /// <summary>Deterministic entries of varied length (including empty ones), tagged with a batch number.</summary>
    public static byte[][] Batch(int batchNumber, int count, int seed = 1)
    {
        var random = new Random((seed * 7919) + batchNumber);
        var batch = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            batch[i] = new byte[random.Next(0, 200)];
            random.NextBytes(batch[i]);
            if (batch[i].Length >= 2)
            {
                batch[i][0] = (byte)batchNumber;
                batch[i][1] = (byte)i;
            }
        }

        return batch;
    }

    public static AppendResult Append(TransparencyLog log, byte[][] entries)
    {
        using var batch = new EntryBatch();
        foreach (byte[] entry in entries)
        {
            batch.Add(entry);
        }

        return log.AppendBatch(batch);
    }
}
