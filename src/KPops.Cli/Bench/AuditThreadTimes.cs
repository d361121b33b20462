using System.Globalization;

namespace KPops.Cli.Bench;

/// <summary>
/// CPU time per thread of this process from <c>/proc/self/task/*/stat</c> (Linux; empty elsewhere). The busiest
/// thread's time is the audit's serial part — the in-order recount — which bounds its wall time on an idle machine
/// however many cores verify tiles.
/// </summary>
internal static class AuditThreadTimes
{
    private const double TicksPerSecond = 100;

    public static Dictionary<int, double> Snapshot()
    {
        var times = new Dictionary<int, double>();
        if (!Directory.Exists("/proc/self/task"))
        {
            return times;
        }

        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                // Fields after the command name (which may hold spaces) start at the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                times[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = ticks / TicksPerSecond;
            }
            catch (Exception exception) when (exception is IOException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // The thread ended while we looked.
            }
        }

        return times;
    }

    /// <summary>The most CPU seconds one thread spent between two snapshots.</summary>
    public static double BusiestThread(Dictionary<int, double> before, Dictionary<int, double> after) =>
        after.Select(t => t.Value - before.GetValueOrDefault(t.Key)).DefaultIfEmpty(0).Max();
}
