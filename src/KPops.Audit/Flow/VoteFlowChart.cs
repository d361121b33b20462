using System.Globalization;
using System.Net;
using System.Text;

namespace KPops.Audit.Flow;

/// <summary>
/// Draws one <see cref="VoteSeries"/> as an inline SVG bar chart (no scripts, no external assets): accepted ballots
/// per time bucket, the quarantined part of each bucket in red, the bucket chosen so the chart has at most
/// <see cref="MaxBars"/> bars. Each bar carries a tooltip with its time and counts.
/// </summary>
public static class VoteFlowChart
{
    public const int MaxBars = 120;
    private const int Width = 720;
    private const int Height = 180;
    private const int Left = 56;
    private const int Bottom = 28;
    private const int Top = 10;

    private static readonly int[] BucketMinutes = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080, 43200];

    /// <summary>The bucket width, in minutes, for a series spanning <paramref name="minutes"/>.</summary>
    public static int BucketFor(int minutes) =>
        BucketMinutes.FirstOrDefault(b => (minutes + b - 1) / b <= MaxBars, (minutes + MaxBars - 1) / MaxBars);

    public static string Svg(VoteSeries series, string title)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(title);
        var bucket = BucketFor(Math.Max(1, series.Minutes));
        var bars = Math.Max(1, (series.Minutes + bucket - 1) / bucket);
        var ballots = new long[bars];
        var quarantined = new long[bars];
        for (var m = 0; m < series.Minutes; m++)
        {
            ballots[m / bucket] += series.BallotsAt(m);
            quarantined[m / bucket] += series.QuarantinedAt(m);
        }

        var max = Math.Max(1, ballots.Max());
        var plotWidth = Width - Left - 8;
        var plotHeight = Height - Top - Bottom;
        var barWidth = (double)plotWidth / bars;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"flow\" role=\"img\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" aria-label=\""))
            .Append(E(title)).Append("\"><title>").Append(E(title)).Append("</title>");
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width - 8}\" y2=\"{Top + plotHeight}\" stroke=\"#888\"/>"));
        svg.Append(Invariant($"<text x=\"{Left - 4}\" y=\"{Top + 10}\" text-anchor=\"end\" font-size=\"11\">{Count(max)}</text>"));
        svg.Append(Invariant($"<text x=\"{Left - 4}\" y=\"{Top + plotHeight}\" text-anchor=\"end\" font-size=\"11\">0</text>"));
        for (var i = 0; i < bars; i++)
        {
            if (ballots[i] == 0 && quarantined[i] == 0)
            {
                continue;
            }

            var x = Left + (i * barWidth);
            var h = plotHeight * (double)ballots[i] / max;
            var q = plotHeight * (double)Math.Min(quarantined[i], ballots[i]) / max;
            var start = Time(series.FirstMinute + ((long)i * bucket));
            svg.Append(Invariant($"<g><title>{start} UTC, {bucket} min: {ballots[i]:#,0} ballots{(quarantined[i] > 0 ? $", {quarantined[i]:#,0} quarantined" : string.Empty)}</title>"));
            svg.Append(Invariant($"<rect class=\"b\" x=\"{x:0.##}\" y=\"{Top + plotHeight - h:0.##}\" width=\"{Math.Max(0.5, barWidth - 1):0.##}\" height=\"{h:0.##}\" fill=\"#4a6fa5\"/>"));
            if (q > 0)
            {
                svg.Append(Invariant($"<rect class=\"q\" x=\"{x:0.##}\" y=\"{Top + plotHeight - q:0.##}\" width=\"{Math.Max(0.5, barWidth - 1):0.##}\" height=\"{Math.Max(1, q):0.##}\" fill=\"#b00020\"/>"));
            }

            svg.Append("</g>");
        }

        var end = Time(series.FirstMinute + ((long)bars * bucket));
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"{Height - 8}\" font-size=\"11\">{Time(series.FirstMinute)} UTC</text>"));
        svg.Append(Invariant($"<text x=\"{Width - 8}\" y=\"{Height - 8}\" text-anchor=\"end\" font-size=\"11\">{end} UTC · bars of {BucketLabel(bucket)}</text>"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string BucketLabel(int minutes) => minutes switch
    {
        >= 1440 when minutes % 1440 == 0 => Invariant($"{minutes / 1440} day(s)"),
        >= 60 when minutes % 60 == 0 => Invariant($"{minutes / 60} h"),
        _ => Invariant($"{minutes} min"),
    };

    private static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Time(long unixMinute) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMinute * 60_000).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
