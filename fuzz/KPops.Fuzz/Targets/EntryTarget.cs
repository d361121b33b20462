using KPops.Voting.Entries;

namespace KPops.Fuzz.Targets;

/// <summary>
/// Log entry decoding (<see cref="LogEntryCodec.TryDecode"/>), what every recount and restart runs on the log's bytes.
/// It must refuse with a reason rather than throw, and an entry it accepts must encode back to the same bytes (one
/// spelling per entry, docs/log-format.md). A season definition chunk is also assembled and parsed.
/// </summary>
public sealed class EntryTarget : IFuzzTarget
{
    public string Name => "entry";

    public string Description => "LogEntryCodec.TryDecode of one log entry; accepted entries must re-encode byte for byte";

    public void Run(ReadOnlySpan<byte> input)
    {
        if (!LogEntryCodec.TryDecode(input, out LogEntry? decoded, out EntryError error))
        {
            if (error == EntryError.None)
            {
                throw new FuzzContractException("TryDecode refused an entry without saying why.");
            }

            return;
        }

        byte[] encoded = decoded.ToBytes();
        if (!encoded.AsSpan().SequenceEqual(input))
        {
            throw new FuzzContractException($"A decoded {decoded.Kind} entry re-encodes to different bytes.");
        }

        if (decoded is SeasonDefined chunk)
        {
            _ = SeasonDefinition.TryAssemble([chunk], out _);
        }
    }

    public IEnumerable<FuzzSeed> Seeds()
    {
        var season = FuzzFixture.Season;
        foreach (var (name, entry) in SampleEntries.All(season))
        {
            yield return new FuzzSeed(name, entry);
        }
    }
}
