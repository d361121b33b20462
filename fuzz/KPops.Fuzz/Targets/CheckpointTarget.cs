using System.Text;
using KPops.Log;

namespace KPops.Fuzz.Targets;

/// <summary>
/// Checkpoint body parsing (<see cref="Checkpoint.TryParse"/>), strict C2SP tlog-checkpoint: a body it accepts must
/// format back to the same text.
/// </summary>
public sealed class CheckpointTarget : IFuzzTarget
{
    public string Name => "checkpoint";

    public string Description => "Checkpoint.TryParse of a checkpoint body; accepted bodies must format identically";

    public void Run(ReadOnlySpan<byte> input)
    {
        string text = Encoding.UTF8.GetString(input);
        if (Checkpoint.TryParse(text, out Checkpoint? checkpoint, out string? error))
        {
            if (checkpoint.Format() != text)
            {
                throw new FuzzContractException("An accepted checkpoint formats to different text.");
            }
        }
        else if (string.IsNullOrEmpty(error))
        {
            throw new FuzzContractException("TryParse refused a checkpoint without saying why.");
        }
    }

    public IEnumerable<FuzzSeed> Seeds()
    {
        var log = FuzzFixture.Log;
        yield return new FuzzSeed("newer", Encoding.UTF8.GetBytes(log.Newer.Checkpoint.Format()));
        yield return new FuzzSeed("older", Encoding.UTF8.GetBytes(log.Older.Checkpoint.Format()));
        yield return new FuzzSeed("extension", Encoding.UTF8.GetBytes(log.Newer.Checkpoint.Format() + "timestamp 1772330400\n"));
    }
}
