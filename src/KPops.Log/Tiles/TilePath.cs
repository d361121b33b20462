using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace KPops.Log;

/// <summary>
/// A tlog-tiles resource path: <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> for hash tiles and
/// <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c> for entry bundles. N is written in zero-padded 3-digit groups,
/// all but the last prefixed with <c>x</c> (1234067 → <c>x001/x234/067</c>). Parsing accepts only the one
/// canonical spelling, so a path names exactly one resource.
/// </summary>
public readonly record struct TilePath
{
    private const string EntriesSegment = "entries";

    private TilePath(int level, long index, int width, bool isEntryBundle)
    {
        Level = level;
        Index = index;
        Width = width;
        IsEntryBundle = isEntryBundle;
    }

    /// <summary>Tile level (0–63); 0 for entry bundles.</summary>
    public int Level { get; }

    public long Index { get; }

    /// <summary>Number of hashes or entries: 256 for a full tile, 1–255 for a partial one.</summary>
    public int Width { get; }

    public bool IsEntryBundle { get; }

    public bool IsPartial => Width < TileLayout.TileWidth;

    /// <summary>Index of the first leaf this tile covers: N · 256^(L+1), or long.MaxValue if beyond any possible tree.</summary>
    public long StartLeaf
    {
        get
        {
            int shift = TileLayout.TileHeight * (Level + 1);
            return Index == 0 ? 0 : shift >= 63 || Index > (long.MaxValue >> shift) ? long.MaxValue : Index << shift;
        }
    }

    public static TilePath Hashes(int level, long index, int width = TileLayout.TileWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, TileLayout.MaxLevel);
        Validate(index, width);
        return new TilePath(level, index, width, isEntryBundle: false);
    }

    public static TilePath EntryBundle(long index, int width = TileLayout.TileWidth)
    {
        Validate(index, width);
        return new TilePath(0, index, width, isEntryBundle: true);
    }

    public override string ToString()
    {
        var path = new StringBuilder("tile/", 40);
        path.Append(IsEntryBundle ? EntriesSegment : Level.ToString(CultureInfo.InvariantCulture)).Append('/');
        AppendIndex(path, Index);
        if (IsPartial)
        {
            path.Append(".p/").Append(Width.ToString(CultureInfo.InvariantCulture));
        }

        return path.ToString();
    }

    public static TilePath Parse(string path) =>
        TryParse(path, out TilePath tile) ? tile : throw new FormatException($"Not a tlog-tiles path: '{path}'.");

    public static bool TryParse([NotNullWhen(true)] string? path, out TilePath tile)
    {
        tile = default;
        if (path is null || !path.StartsWith("tile/", StringComparison.Ordinal))
        {
            return false;
        }

        string[] segments = path.Split('/');
        if (segments.Length < 3)
        {
            return false;
        }

        bool isEntryBundle = segments[1] == EntriesSegment;
        int level = 0;
        if (!isEntryBundle && (!TryParseSmall(segments[1], 0, TileLayout.MaxLevel, out level)))
        {
            return false;
        }

        int width = TileLayout.TileWidth;
        int groupsEnd = segments.Length;
        string last = segments[^1];
        if (segments.Length >= 4 && segments[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!TryParseSmall(last, 1, TileLayout.TileWidth - 1, out width))
            {
                return false;
            }

            groupsEnd--;
            segments[groupsEnd - 1] = segments[groupsEnd - 1][..^2];
        }

        if (!TryParseIndex(segments.AsSpan(2, groupsEnd - 2), out long index))
        {
            return false;
        }

        tile = new TilePath(level, index, width, isEntryBundle);
        return true;
    }

    private static void Validate(long index, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, TileLayout.TileWidth);
    }

    private static void AppendIndex(StringBuilder path, long index)
    {
        // Groups from most significant; all but the last carry the 'x' prefix.
        Span<long> groups = stackalloc long[7];
        int count = 0;
        do
        {
            groups[count++] = index % 1000;
            index /= 1000;
        }
        while (index > 0);

        for (int i = count - 1; i >= 0; i--)
        {
            if (i > 0)
            {
                path.Append('x');
            }

            path.Append(groups[i].ToString("D3", CultureInfo.InvariantCulture));
            if (i > 0)
            {
                path.Append('/');
            }
        }
    }

    private static bool TryParseIndex(ReadOnlySpan<string> groups, out long index)
    {
        index = 0;
        if (groups.Length == 0 || groups.Length > 7)
        {
            return false;
        }

        for (int i = 0; i < groups.Length; i++)
        {
            bool isLast = i == groups.Length - 1;
            ReadOnlySpan<char> group = groups[i];
            if (!isLast)
            {
                if (group.Length != 4 || group[0] != 'x')
                {
                    return false;
                }

                group = group[1..];
            }

            if (group.Length != 3 || !IsDigits(group))
            {
                return false;
            }

            int value = int.Parse(group, NumberStyles.None, CultureInfo.InvariantCulture);
            // A leading x000 group is a second spelling of the same index: not canonical.
            if (i == 0 && !isLast && value == 0)
            {
                return false;
            }

            if (index > (long.MaxValue - value) / 1000)
            {
                return false;
            }

            index = (index * 1000) + value;
        }

        return true;
    }

    private static bool TryParseSmall(string text, int min, int max, out int value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 3 || !IsDigits(text) || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        value = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return value >= min && value <= max;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
