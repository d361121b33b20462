namespace KPops.Log.Tests;

public class TilePathTests
{
    // Adapted from golang.org/x/mod/sumdb/tlog TestTilePath to the C2SP layout (no height segment,
    // "entries" instead of "data").
    public static TheoryData<string, int, long, int, bool> CanonicalPaths => new()
    {
        { "tile/0/001", 0, 1, 256, false },
        { "tile/0/001.p/5", 0, 1, 5, false },
        { "tile/5/x123/x456/078", 5, 123456078, 256, false },
        { "tile/5/x123/x456/078.p/2", 5, 123456078, 2, false },
        { "tile/1/x003/x057/500", 1, 3057500, 256, false },
        { "tile/0/x001/x234/067", 0, 1234067, 256, false },
        { "tile/entries/x003/x057/500", 0, 3057500, 256, true },
        { "tile/entries/000.p/255", 0, 0, 255, true },
        { "tile/63/x001/000", 63, 1000, 256, false },
    };

    [Theory]
    [MemberData(nameof(CanonicalPaths))]
    public void Canonical_paths_round_trip(string path, int level, long index, int width, bool isEntries)
    {
        TilePath expected = isEntries ? TilePath.EntryBundle(index, width) : TilePath.Hashes(level, index, width);
        Assert.Equal(path, expected.ToString());
        Assert.True(TilePath.TryParse(path, out TilePath parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("tile/5/123/456/078")]          // groups without x
    [InlineData("tile/-1/000")]
    [InlineData("tile/01/000")]                 // leading zero level
    [InlineData("tile/64/000")]                 // level out of range
    [InlineData("tile/0/1")]                    // not zero-padded
    [InlineData("tile/0/0001")]
    [InlineData("tile/0/x000/001")]             // non-canonical leading group
    [InlineData("tile/0/x001/x234")]            // last group with x
    [InlineData("tile/0/001.p/0")]              // empty partial tile
    [InlineData("tile/0/001.p/256")]
    [InlineData("tile/0/001.p/05")]
    [InlineData("tile/0/001.p")]
    [InlineData("tile/0/001/")]
    [InlineData("tile/data/000")]
    [InlineData("tile/entries")]
    [InlineData("tile/0/x009/x223/x372/x036/x854/x775/808")] // index beyond 2^63
    [InlineData("tiles/0/000")]
    [InlineData("tile/0/../000")]
    [InlineData("")]
    public void Non_canonical_or_malformed_paths_are_rejected(string path)
    {
        Assert.False(TilePath.TryParse(path, out _));
    }

    [Fact]
    public void Random_indexes_format_and_parse_back()
    {
        var random = new Random(42);
        for (int i = 0; i < 2000; i++)
        {
            long index = random.NextInt64(0, long.MaxValue >> random.Next(0, 60));
            var tile = TilePath.Hashes(random.Next(0, 64), index, random.Next(1, 257));
            Assert.Equal(tile, TilePath.Parse(tile.ToString()));
        }
    }

    [Fact]
    public void Tree_of_70000_has_the_tiles_the_spec_lists()
    {
        // tlog-tiles: 273 full level 0 tiles, a partial of width 112, one full level 1 tile, a partial level 1
        // tile of width 17, and a partial level 2 tile of width 1.
        List<TilePath> tiles = [.. TileLayout.HashTiles(70_000)];
        Assert.Equal(274, tiles.Count(t => t.Level == 0));
        Assert.Equal(273, tiles.Count(t => t.Level == 0 && !t.IsPartial));
        Assert.Equal("tile/0/273.p/112", tiles.Single(t => t.Level == 0 && t.IsPartial).ToString());
        Assert.Equal(["tile/1/000", "tile/1/001.p/17"], tiles.Where(t => t.Level == 1).Select(t => t.ToString()));
        Assert.Equal(["tile/2/000.p/1"], tiles.Where(t => t.Level == 2).Select(t => t.ToString()));
        Assert.Equal(3, TileLayout.LevelCount(70_000));
    }

    [Fact]
    public void Tree_of_256_is_a_full_leaf_tile_and_a_level_1_tile_of_width_1()
    {
        Assert.Equal(["tile/0/000", "tile/1/000.p/1"], TileLayout.HashTiles(256).Select(t => t.ToString()));
        Assert.Equal(["tile/entries/000"], TileLayout.EntryBundles(256).Select(t => t.ToString()));
        Assert.Empty(TileLayout.HashTiles(0));
    }
}
