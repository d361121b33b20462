namespace KPops.Format.Simulation;

/// <summary>
/// Derives an independent random stream from the user's seed and a name (a round id, an evaluation id), so
/// that a season with one more round or evaluation does not shift the numbers drawn for all the others.
/// Uses FNV-1a rather than <see cref="string.GetHashCode()"/>, which is randomized per process.
/// </summary>
internal static class StableSeed
{
    public static Random Stream(int seed, string purpose, string name = "")
    {
        const uint OffsetBasis = 2166136261;
        const uint Prime = 16777619;
        var hash = OffsetBasis;
        foreach (var b in BitConverter.GetBytes(seed))
        {
            hash = (hash ^ b) * Prime;
        }

        foreach (var c in purpose + "\0" + name)
        {
            hash = (hash ^ (uint)(c & 0xFF)) * Prime;
            hash = (hash ^ (uint)(c >> 8)) * Prime;
        }

        return new Random(unchecked((int)hash));
    }
}
