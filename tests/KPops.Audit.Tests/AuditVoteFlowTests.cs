using System.Text.RegularExpressions;
using KPops.Audit.Flow;
using KPops.Format.Model;
using KPops.Voting;
using KPops.Voting.Entries;

namespace KPops.Audit.Tests;

/// <summary>The vote flow recorded while the audit streams the log, and its charts in the HTML report.</summary>
public sealed partial class AuditVoteFlowTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_html_report_charts_the_audited_round_with_its_quarantined_ballots_and_is_self_contained()
    {
        using var log = await AuditedLog.WriteAsync(ballots: 600, quarantined: [3, 4, 5]);
        var report = await log.Auditor().RunAsync(TestContext.Current.CancellationToken);

        var html = AuditReportHtml.Write(report);

        Assert.Equal(AuditVerdict.Passed, report.Verdict);
        var series = Assert.Single(report.Flow!.Series);
        Assert.Equal(600, series.Ballots);
        Assert.Equal(3, series.Quarantined);
        Assert.Equal(597, report.Recount!.Tallies!.BallotsCounted);
        Assert.Contains($"data-round=\"{AuditedLog.RoundId}\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("class=\"q\"", html, StringComparison.Ordinal);
        Assert.Contains("3 quarantined", html, StringComparison.Ordinal);
        Assert.Contains("same device", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalReference(), html);
    }

    [Fact]
    public void Every_round_and_segment_gets_its_own_chart_with_its_ballots_per_bucket()
    {
        var history = new MemoryEntryHistory();
        // Round 0 over an hour from both segments, round 1 over a day from the global segment only.
        for (var i = 0; i < 120; i++)
        {
            Append(history, Ballot(round: 0, segment: (ushort)(i % 2), Start.AddSeconds(i * 30)));
        }

        for (var i = 0; i < 48; i++)
        {
            Append(history, Ballot(round: 1, segment: 1, Start.AddDays(2).AddMinutes(i * 30)));
        }

        Append(history, QuarantineEntry.ForEntries([0, 2, 4], QuarantineReason.Automation, "scripted"));
        var recorder = new VoteFlowRecorder(history);
        for (var i = 0L; i < history.Count; i++)
        {
            Assert.True(recorder.TryRead(i, out _));
        }

        var flow = recorder.Flow;
        Assert.Equal([(0, 0, 60L, 3L), (0, 1, 60L, 0L), (1, 1, 48L, 0L)], flow.Series.Select(s => ((int)s.Round, (int)s.Segment, s.Ballots, s.Quarantined)));
        var quarantine = Assert.Single(flow.Quarantines);
        Assert.Equal((120L + 48, QuarantineReason.Automation, 3L), (quarantine.EntryIndex, quarantine.Reason, quarantine.BallotsNamed));

        var html = new System.Text.StringBuilder();
        VoteFlowHtml.Write(html, flow, Season());
        var page = html.ToString();
        Assert.Equal(3, Figures().Count(page));
        Assert.Contains("data-round=\"vote-1\" data-segment=\"korea\"", page, StringComparison.Ordinal);
        Assert.Contains("data-round=\"vote-1\" data-segment=\"global\"", page, StringComparison.Ordinal);
        Assert.Contains("data-round=\"vote-2\" data-segment=\"global\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-round=\"vote-2\" data-segment=\"korea\"", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalReference(), page);
    }

    [Fact]
    public void A_chart_has_at_most_the_maximum_number_of_bars_and_they_add_up_to_the_ballots()
    {
        var history = new MemoryEntryHistory();
        for (var i = 0; i < 3_000; i++)
        {
            // Three weeks of voting, busiest at the start.
            Append(history, Ballot(round: 0, segment: 0, Start.AddMinutes(Math.Pow(i / 3_000.0, 2) * 21 * 1440)));
        }

        var recorder = new VoteFlowRecorder(history);
        for (var i = 0L; i < history.Count; i++)
        {
            recorder.TryRead(i, out _);
        }

        var series = Assert.Single(recorder.Flow.Series);
        var svg = VoteFlowChart.Svg(series, "three weeks");
        Assert.InRange(Bars().Count(svg), 2, VoteFlowChart.MaxBars);
        var counted = Tooltips().Matches(svg).Sum(m => long.Parse(m.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3_000, counted);
        Assert.Equal(360, VoteFlowChart.BucketFor(21 * 1440));
        Assert.Equal(1, VoteFlowChart.BucketFor(90));
    }

    private static void Append(MemoryEntryHistory history, LogEntry entry) => history.Append(entry.ToBytes());

    private static BallotEntry Ballot(ushort round, ushort segment, DateTimeOffset at) => new(new Ballot([1])
    {
        Round = round,
        Segment = segment,
        Voter = new VoterPseudonym((ulong)at.ToUnixTimeMilliseconds(), round),
        ServerTimeMs = at.ToUnixTimeMilliseconds(),
    });

    private static Season Season() => new()
    {
        Id = "flow-test",
        Name = new LocalizedText("흐름", "Flow"),
        TimeZone = "Asia/Seoul",
        Trainees = [new Trainee { Id = "t01", Hangul = "연습생" }, new Trainee { Id = "t02", Hangul = "연습생둘" }],
        Segments = [new Segment { Id = "korea", Name = new LocalizedText("한국", "Korea") }, new Segment { Id = "global", Name = new LocalizedText("글로벌", "Global") }],
        Rounds =
        [
            new Round { Id = "vote-1", Name = new LocalizedText("1차", "1st vote"), OpensAt = Start, ClosesAt = Start.AddDays(1), Ballot = new BallotRule { MinPicks = 1, MaxPicks = 1 } },
            new Round { Id = "vote-2", Name = new LocalizedText("2차", "2nd vote"), OpensAt = Start.AddDays(2), ClosesAt = Start.AddDays(3), Ballot = new BallotRule { MinPicks = 1, MaxPicks = 1 } },
        ],
    };

    // Any http(s) URL in an attribute or a CSS url(): a page that loads something from elsewhere.
    [GeneratedRegex(@"(src|href)\s*=\s*[""']?https?:|url\(\s*[""']?https?:|https?://", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("<figure class=\"flow\"")]
    private static partial Regex Figures();

    [GeneratedRegex("<rect class=\"b\"")]
    private static partial Regex Bars();

    [GeneratedRegex(@"<title>[^<]*: ([\d,]+) ballots")]
    private static partial Regex Tooltips();
}
