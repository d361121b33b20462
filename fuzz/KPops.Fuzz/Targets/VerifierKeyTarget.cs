using System.Text;
using KPops.Log;

namespace KPops.Fuzz.Targets;

/// <summary>
/// Verifier key text parsing (<see cref="NoteVerifier.TryParse"/>), which auditors paste from <c>/log/key</c>:
/// never throws, and a key it accepts keeps its text exactly.
/// </summary>
public sealed class VerifierKeyTarget : IFuzzTarget
{
    public string Name => "verifier-key";

    public string Description => "NoteVerifier.TryParse of a published verifier key";

    public void Run(ReadOnlySpan<byte> input)
    {
        string text = Encoding.UTF8.GetString(input);
        if (NoteVerifier.TryParse(text, out NoteVerifier? verifier, out _) && verifier.KeyText != text)
        {
            throw new FuzzContractException("An accepted key does not keep its text.");
        }
    }

    public IEnumerable<FuzzSeed> Seeds()
    {
        yield return new FuzzSeed("fixture", Encoding.UTF8.GetBytes(FuzzFixture.Verifier.KeyText));
        yield return new FuzzSeed("go-example", Encoding.UTF8.GetBytes("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
    }
}
