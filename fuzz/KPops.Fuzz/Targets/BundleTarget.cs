using KPops.Log;

namespace KPops.Fuzz.Targets;

/// <summary>
/// Entry bundle walking (<see cref="EntryBundleReader"/>, <see cref="EntryBundle.TryCountEntries"/>,
/// <see cref="EntryBundle.PrefixLength"/>) over bytes served by any log: never throws, and the three agree.
/// </summary>
public sealed class BundleTarget : IFuzzTarget
{
    public string Name => "bundle";

    public string Description => "tlog-tiles entry bundle reader; count, prefix length and walk must agree";

    public void Run(ReadOnlySpan<byte> input)
    {
        bool wellFormed = EntryBundle.TryCountEntries(input, out int count);
        var reader = new EntryBundleReader(input);
        int walked = 0;
        while (reader.TryReadNext(out ReadOnlySpan<byte> entry))
        {
            walked++;
            if (entry.Length > EntryBundle.MaxEntrySize || reader.Consumed > input.Length)
            {
                throw new FuzzContractException("The reader went past its input.");
            }
        }

        if (walked != count || wellFormed == reader.IsMalformed || (wellFormed && !reader.IsAtEnd))
        {
            throw new FuzzContractException("TryCountEntries and the reader disagree.");
        }

        long prefix = EntryBundle.PrefixLength(input, count);
        if (prefix != reader.Consumed || EntryBundle.PrefixLength(input, count + 1) != -1)
        {
            throw new FuzzContractException("PrefixLength disagrees with the reader.");
        }
    }

    public IEnumerable<FuzzSeed> Seeds()
    {
        var log = FuzzFixture.Log;
        yield return new FuzzSeed("full-bundle", log.Resources["tile/entries/000"]);
        yield return new FuzzSeed("partial-bundle", log.Resources["tile/entries/002.p/38"]);
        yield return new FuzzSeed("empty-entry", [0, 0, 0, 1, 42]);
    }
}
