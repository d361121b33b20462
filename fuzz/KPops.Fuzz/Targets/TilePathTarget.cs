using System.Text;
using KPops.Log;

namespace KPops.Fuzz.Targets;

/// <summary>
/// Tile path parsing (<see cref="TilePath.TryParse"/>): the server routes every <c>/log/tile/…</c> request through it.
/// One spelling per tile: a path it accepts must print back exactly.
/// </summary>
public sealed class TilePathTarget : IFuzzTarget
{
    public string Name => "tile-path";

    public string Description => "TilePath.TryParse of a /log path; accepted paths must print back identically";

    public void Run(ReadOnlySpan<byte> input)
    {
        string path = Encoding.UTF8.GetString(input);
        if (TilePath.TryParse(path, out TilePath tile) && tile.ToString() != path)
        {
            throw new FuzzContractException($"'{path}' parsed but prints as '{tile}'.");
        }
    }

    public IEnumerable<FuzzSeed> Seeds()
    {
        string[] paths = ["tile/0/000", "tile/0/x001/234.p/7", "tile/entries/002.p/38", "tile/1/000.p/2", "tile/entries/x123/x456/789", "tile/63/000"];
        return paths.Select((p, i) => new FuzzSeed($"path-{i}", Encoding.UTF8.GetBytes(p)));
    }
}
