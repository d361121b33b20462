namespace KPops.Format;

/// <summary>
/// One problem in a season file, located by the JSON path of the offending value in the <c>a.b[3].c</c> style
/// (e.g. <c>rounds[3].ballot.maxPicks</c>), so a producer can find it in the file they wrote.
/// </summary>
public sealed record SeasonError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
