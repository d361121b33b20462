namespace KPops.Fuzz;

/// <summary>
/// One parser that sees outside bytes, wrapped for fuzzing. <see cref="Run"/> must return normally for every input:
/// the parser's documented refusals (a false return, a documented exception type) are caught inside; anything that
/// escapes is a finding — an undocumented exception, a hang, or a broken invariant (<see cref="FuzzContractException"/>).
/// </summary>
public interface IFuzzTarget
{
    /// <summary>The name the runner, the corpus directory (<c>fuzz/corpus/&lt;name&gt;</c>) and AFL use.</summary>
    string Name { get; }

    /// <summary>What the target parses and what it checks, for <c>--list</c> and the docs.</summary>
    string Description { get; }

    void Run(ReadOnlySpan<byte> input);

    /// <summary>Valid (and a few near-valid) inputs to start from; written to the committed seed corpus.</summary>
    IEnumerable<FuzzSeed> Seeds();
}

/// <summary>A named seed input.</summary>
public sealed record FuzzSeed(string Name, byte[] Bytes);

/// <summary>The code under fuzzing broke a promise it documents (e.g. it accepted forged data, or a round trip differed).</summary>
public sealed class FuzzContractException : Exception
{
    public FuzzContractException()
    {
    }

    public FuzzContractException(string message)
        : base(message)
    {
    }

    public FuzzContractException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
