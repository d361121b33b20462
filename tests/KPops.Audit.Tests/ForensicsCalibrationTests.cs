using KPops.Audit.Forensics;

namespace KPops.Audit.Tests;

public class ForensicsCalibrationTests
{
    // 2,000 simulated honest announcements: at a true rate of 1 % about 20 alarms would be expected, so "fewer than 20" is a real test of the target.
    private const int Announcements = 2_000;

    [Fact]
    public void Honest_simulated_announcements_raise_a_warning_less_than_1_percent_of_the_time()
    {
        var random = new Random(20190719);
        int alarms = 0;
        for (int i = 0; i < Announcements; i++)
        {
            if (TallyForensics.HasWarning(TallyForensics.Examine(HonestTallies.Draw(random))))
            {
                alarms++;
            }
        }

        Assert.True(alarms < Announcements / 100, $"{alarms} of {Announcements} honest announcements raised a warning");
    }

    [Fact]
    public void Counts_made_from_rounded_percentages_of_honest_totals_are_flagged_almost_always()
    {
        var random = new Random(48);
        int flagged = 0;
        int tried = 0;
        for (int i = 0; i < 200; i++)
        {
            var honest = HonestTallies.Draw(random).OrderByDescending(c => c.Count).Take(20).ToArray();
            decimal total = honest.Sum(c => c.Count);
            if (total < 100_000)
            {
                continue;
            }

            // What Mnet described: shares rounded to 0.05 % and multiplied back by the total.
            var rigged = honest.Select(c => c with { Count = Math.Round(Math.Round(c.Count / total * 2000) / 2000 * total) })
                .Where(c => c.Count > 0).ToArray();
            tried++;
            if (TallyForensics.HasWarning(TallyForensics.Examine(rigged)))
            {
                flagged++;
            }
        }

        Assert.True(tried > 50);
        Assert.True(flagged >= tried * 95 / 100, $"{flagged} of {tried} rigged announcements flagged");
    }

    [Fact]
    public void A_uniform_vote_weight_is_a_notice_not_a_warning()
    {
        var counts = new[] { 7 * 40_123, 7 * 33_017, 7 * 29_555, 7 * 20_001, 7 * 18_762, 7 * 9_311 }
            .Select((c, i) => new PublishedCount($"T{i}", c)).ToArray();

        var findings = TallyForensics.Examine(counts);

        Assert.False(TallyForensics.HasWarning(findings));
    }

    [Fact]
    public void Counts_that_are_sums_of_other_counts_are_flagged()
    {
        long[] bases = [912_345, 604_871, 533_190, 301_777, 250_049, 188_402];
        var all = bases.Concat([bases[1] + bases[3], bases[2] + bases[4], bases[3] + bases[5], bases[4] + bases[5]]).ToArray();
        var counts = all.Select((c, i) => new PublishedCount($"T{i}", c)).ToArray();

        Assert.Contains(TallyForensics.Examine(counts), f => f.Code == ForensicCodes.SumOfOthers);
    }
}
