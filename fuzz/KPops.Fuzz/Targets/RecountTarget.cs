using KPops.Log;
using KPops.Voting;
using KPops.Voting.Entries;
using KPops.Voting.Recount;

namespace KPops.Fuzz.Targets;

/// <summary>
/// A recount of a hostile log (<see cref="Recounter.Recount"/>, the replay that <c>kpops audit</c> and every server
/// restart run): a small season's definition, then the input read as an entry bundle. Whatever the entries, the
/// recount reports findings instead of throwing, and never counts more entries than the log holds.
/// </summary>
public sealed class RecountTarget : IFuzzTarget
{
    private static readonly Lazy<byte[][]> Definition = new(() =>
        SeasonDefinition.ToChunks(FuzzFixture.SmallSeason.Season).Select(chunk => chunk.ToBytes()).ToArray());

    public string Name => "recount";

    public string Description => "Recounter.Recount of a small season followed by the input's entries (bundle encoding)";

    public void Run(ReadOnlySpan<byte> input)
    {
        var history = new MemoryEntryHistory();
        foreach (byte[] chunk in Definition.Value)
        {
            history.Append(chunk);
        }

        var reader = new EntryBundleReader(input);
        while (reader.TryReadNext(out ReadOnlySpan<byte> entry))
        {
            history.Append(entry.ToArray());
        }

        RecountReport report = Recounter.Recount(history);
        if (report.EntriesRead != history.Count || report.Season is null)
        {
            throw new FuzzContractException($"The recount read {report.EntriesRead} of {history.Count} entries.");
        }
    }

    public IEnumerable<FuzzSeed> Seeds()
    {
        var season = FuzzFixture.SmallSeason;
        long at = SampleEntries.RoundTimeMs(season);
        byte[][] entries =
        [
            new RoundOpened(0, at - 1000).ToBytes(),
            new BallotEntry(SampleEntries.SampleBallot(season, 1, 1, 0, 2)).ToBytes(),
            new BallotEntry(SampleEntries.SampleBallot(season, 2, 1, 2)).ToBytes(),
            new BallotEntry(SampleEntries.SampleBallot(season, 2, 1, 2)).ToBytes(),
            QuarantineEntry.ForEntries([Definition.Value.Length + 1], QuarantineReason.Automation, "").ToBytes(),
            new RoundClosed(0, at + 1000).ToBytes(),
        ];
        yield return new FuzzSeed("round", Bundle(entries));
        yield return new FuzzSeed("ballots-only", Bundle(entries[1..3]));
    }

    private static byte[] Bundle(IEnumerable<byte[]> entries)
    {
        using var batch = new EntryBatch();
        foreach (byte[] entry in entries)
        {
            batch.Add(entry);
        }

        return batch.Encoded.ToArray();
    }
}
