using System.Globalization;
using System.Text.RegularExpressions;
using KPops.Audit.Forensics;

namespace KPops.Audit.Tests;

public class ProduceX101Tests
{
    // The top 10 of Produce X 101's final (Mnet, 19 July 2019) as broadcast, from the table in
    // https://www.ningenhonyakuki.com/k-pop/produce-x-101-final-extermination (1st and 2nd also in
    // http://teenage.com.sg/entertainment/produce-x-101-x1-members/). The total of 14,988,884 final votes is
    // from the same articles. JoongAng (https://www.joongang.co.kr/article/23532465) lists the repeated
    // 29,978 gaps; Mnet's statement (https://soompi.com/article/1340872wpp) admits the counts were made from
    // rounded percentages.
    private static readonly PublishedCount[] Final =
    [
        new("Kim Yo-han", 1_334_011),
        new("Kim Woo-seok", 1_304_033),
        new("Han Seung-woo", 1_079_200),
        new("Song Hyeong-jun", 1_049_222),
        new("Cho Seung-youn", 929_311),
        new("Son Dong-pyo", 824_389),
        new("Lee Han-gyul", 794_411),
        new("Nam Do-hyon", 764_433),
        new("Cha Jun-ho", 756_939),
        new("Kang Min-hee", 749_444),
    ];

    private const decimal FinalVotes = 14_988_884m;

    [Fact]
    public void The_published_counts_are_multiples_of_0_05_percent_of_the_final_total()
    {
        // The figures themselves, before any forensics: 0.05 % of 14,988,884 is 7,494.442, and every count is
        // that quantum times a whole number, rounded (1,334,011 = 178 x 7,494.442; 749,444 = 100 x 7,494.442).
        Assert.Equal(7_494.442m, FinalVotes * 0.0005m);
        Assert.All(Final, row => Assert.True(Math.Abs(row.Count - (Math.Round(row.Count / 7_494.442m) * 7_494.442m)) < 1m, row.Trainee));
    }

    [Fact]
    public void The_final_counts_are_flagged_as_multiples_of_7494_442()
    {
        var finding = Assert.Single(TallyForensics.Examine(Final), f => f.Code == ForensicCodes.CommonQuantum);

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(7_494.442, QuantumIn(finding), 0.01);
        Assert.Equal((double)(FinalVotes * 0.0005m), QuantumIn(finding), 0.01);
        Assert.True(finding.Chance < 1e-6);
    }

    private static double QuantumIn(TallyFinding finding) =>
        double.Parse(Regex.Match(finding.Explanation, @"multiples of ([0-9,]+\.[0-9]+)").Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [Fact]
    public void The_repeated_gap_of_29978_votes_is_flagged()
    {
        var finding = Assert.Single(TallyForensics.Examine(Final), f => f.Code == ForensicCodes.RepeatedGap);

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("29,978 votes (4 times)", finding.Explanation, StringComparison.Ordinal);
        // Ranks 1-2, 3-4, 6-7 and 7-8: the same 29,978 = 4 x 7,494.442, four times among ten.
        var gaps = Final.Zip(Final.Skip(1), (upper, lower) => upper.Count - lower.Count).ToList();
        Assert.Equal(4, gaps.Count(gap => gap == 29_978m));
    }

    [Fact]
    public void Against_the_announced_total_the_shares_have_too_few_digits()
    {
        var finding = Assert.Single(TallyForensics.Examine(Final, FinalVotes), f => f.Code == ForensicCodes.FewSignificantDigits);

        Assert.Contains("only 4 decimal places", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Produce_48_style_counts_from_a_quantum_of_445_2178_are_flagged()
    {
        // Jang Won-young's 338,366 = 760 × 445.2178 and Miyawaki Sakura's 316,105 = 710 × 445.2178
        // (https://www.koreaboo.com/news/produce-48-final-rankings-contain-sequencing-produce-x101/); the other
        // rows here are further multiples, since only those two are quoted.
        int[] multiples = [760, 710, 690, 655, 602, 577, 540, 521, 498, 470, 455, 431];
        var counts = multiples.Select((m, i) => new PublishedCount($"T{i}", Math.Round(m * 445.2178m))).ToArray();

        var finding = Assert.Single(TallyForensics.Examine(counts), f => f.Code == ForensicCodes.CommonQuantum);

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(445.2178, QuantumIn(finding), 0.001);
    }
}
