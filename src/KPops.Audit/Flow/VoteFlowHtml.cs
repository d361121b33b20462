using System.Globalization;
using System.Net;
using System.Text;
using KPops.Format.Model;

namespace KPops.Audit.Flow;

/// <summary>
/// The vote-flow part of the audit page: per round, one chart per segment of the ballots accepted over time (the
/// quarantined ones in red), then the quarantine entries the log holds. Rounds and segments are named from the
/// season the log defines.
/// </summary>
public static class VoteFlowHtml
{
    public static void Write(StringBuilder html, VoteFlow flow, Season? season)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(flow);
        var series = flow.Series;
        html.Append("<h2>Vote flow</h2>\n");
        if (series.Count == 0)
        {
            html.Append("<p>The log holds no ballots.</p>\n");
        }
        else
        {
            html.Append("<p>Ballots in the log over time (server time, UTC), per round and segment. The part of a bar in red was later quarantined: it is in the log but not in the count.</p>\n");
        }

        foreach (var round in series.GroupBy(s => s.Round))
        {
            var name = RoundName(season, round.Key);
            html.Append("<h3>").Append(E(name)).Append("</h3>\n");
            foreach (var segment in round)
            {
                var segmentName = SegmentName(season, segment.Segment);
                var caption = Invariant($"{name} — {segmentName}: {segment.Ballots:#,0} ballots") +
                    (segment.Quarantined > 0 ? Invariant($", {segment.Quarantined:#,0} quarantined") : string.Empty) +
                    (segment.OutOfRange > 0 ? Invariant($", {segment.OutOfRange:#,0} too far in time to chart") : string.Empty);
                html.Append("<figure class=\"flow\" data-round=\"").Append(E(RoundId(season, round.Key))).Append("\" data-segment=\"").Append(E(SegmentId(season, segment.Segment))).Append("\">")
                    .Append(VoteFlowChart.Svg(segment, caption))
                    .Append("<figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");
            }
        }

        if (flow.Quarantines.Count > 0)
        {
            html.Append("<h2>Quarantines</h2>\n<p>Ballots the show excluded from the count, with the reason it published. They remain in the log; the recount leaves them out.</p>\n");
            html.Append("<table><tr><th>Entry</th><th>Reason</th><th>Covers</th><th>Ballots named</th><th>Note</th></tr>\n");
            foreach (var q in flow.Quarantines)
            {
                html.Append(Invariant($"<tr><td class=\"n\">{q.EntryIndex:#,0}</td><td>{E(q.Reason.ToString())}</td><td>{E(q.Target)}</td><td class=\"n\">{q.BallotsNamed:#,0}</td><td>{E(q.Note)}</td></tr>\n"));
            }

            html.Append("</table>\n");
        }
    }

    private static string RoundId(Season? season, ushort round) =>
        season is not null && round < season.Rounds.Count ? season.Rounds[round].Id : Invariant($"round #{round}");

    private static string RoundName(Season? season, ushort round) =>
        season is not null && round < season.Rounds.Count ? $"{season.Rounds[round].Name.En} ({season.Rounds[round].Id})" : Invariant($"round #{round}");

    private static string SegmentId(Season? season, ushort segment) =>
        season is null || season.Segments.Count == 0 ? "all" : segment < season.Segments.Count ? season.Segments[segment].Id : Invariant($"segment #{segment}");

    private static string SegmentName(Season? season, ushort segment) =>
        season is null || season.Segments.Count == 0 ? "all voters" : segment < season.Segments.Count ? $"segment {season.Segments[segment].Id}" : Invariant($"segment #{segment}");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
