using System.Globalization;

namespace KPops.Cli.Rendering;

/// <summary>Number formatting for tables: invariant culture, so output is the same on every machine.</summary>
internal static class Numbers
{
    /// <summary>Whole numbers with thousands separators; fractions with two decimals.</summary>
    public static string Format(decimal value) =>
        value == decimal.Truncate(value)
            ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Format(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
