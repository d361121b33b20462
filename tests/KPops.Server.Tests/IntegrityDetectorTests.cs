using System.Net;
using KPops.Server.Integrity;
using KPops.Server.Integrity.Detectors;
using KPops.Voting.Entries;
using Microsoft.Extensions.Options;

namespace KPops.Server.Tests;

/// <summary>Each detector on synthetic streams: an honest stream raises nothing, a bot stream raises its alert.</summary>
public sealed class IntegrityDetectorTests
{
    private static readonly long Start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private readonly IntegrityOptions _options = new();
    private readonly AlertStore _alerts;
    private readonly IntegrityDetectors _detectors;
    private long _index;

    public IntegrityDetectorTests()
    {
        _alerts = new AlertStore(Options.Create(_options), TimeProvider.System);
        _detectors = new IntegrityDetectors(_options, _alerts);
    }

    [Fact]
    public void An_honest_evening_of_voting_raises_no_alert()
    {
        var random = new Random(7);
        var time = Start;
        for (var i = 0; i < 50_000; i++)
        {
            // Poisson arrivals, 20 per second over the whole Internet, each voter on their own network and device.
            time += (long)(-Math.Log(1 - random.NextDouble()) * 50);
            var voter = random.Next(1_000_000);
            Observe(Ballot(voter, time, Network(voter % 60_000), device: (ulong)voter + 1, created: (time / 60_000) - random.Next(0, 5), picks: (ulong)random.Next(20)));
        }

        Assert.Empty(_alerts.List());
    }

    [Fact]
    public void A_burst_from_one_network_raises_a_network_burst_alert_with_every_ballot_of_the_burst()
    {
        var network = Network(42);
        for (var i = 0; i < _options.NetworkBurst.MaxBallots + 30; i++)
        {
            Observe(Ballot(voter: 10_000 + i, Start + (i * 200L) + (i % 7 * 13), network, device: 0, created: -1, picks: (ulong)i));
        }

        var alert = Assert.Single(_alerts.List(), a => a.Detector == DetectorCodes.NetworkBurst);
        Assert.Equal("203.0.42.0/24", alert.Source);
        Assert.Equal(_options.NetworkBurst.MaxBallots + 30, alert.BallotCount);
        Assert.Equal(alert.Indices.Count, alert.Indices.Distinct().Count());
        Assert.Contains("203.0.42.0/24", alert.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_busy_network_spread_over_time_is_no_burst()
    {
        // The same number of ballots from one campus, but over an hour.
        var network = Network(43);
        for (var i = 0; i < _options.NetworkBurst.MaxBallots * 3; i++)
        {
            Observe(Ballot(voter: 20_000 + i, Start + (i * 11_000L) + (i * 7919 % 5000), network, device: 0, created: -1, picks: (ulong)i));
        }

        Assert.DoesNotContain(_alerts.List(), a => a.Detector == DetectorCodes.NetworkBurst);
    }

    [Fact]
    public void Many_accounts_on_one_device_raise_a_device_burst_alert_but_a_shared_family_tablet_does_not()
    {
        for (var i = 0; i < 3; i++)
        {
            Observe(Ballot(voter: 30_000 + i, Start + (i * 60_000L), Network(1 + i), device: 777, created: -1, picks: 1));
        }

        Assert.Empty(_alerts.List());
        for (var i = 0; i < 12; i++)
        {
            Observe(Ballot(voter: 40_000 + i, Start + (i * 30_000L), Network(100 + i), device: 888, created: -1, picks: 1));
        }

        var alert = Assert.Single(_alerts.List());
        Assert.Equal(DetectorCodes.DeviceBurst, alert.Detector);
        Assert.Equal(12, alert.BallotCount);
        Assert.Equal(12, alert.Voters.Count);
    }

    [Fact]
    public void A_new_account_cohort_voting_identically_raises_a_cohort_alert()
    {
        var minute = (Start / 60_000) - 30;
        for (var i = 0; i < 40; i++)
        {
            Observe(Ballot(voter: 50_000 + i, Start + (i * 45_000L) + (i * 6151 % 9000), Network(200 + i), device: (ulong)(500 + i), created: minute, picks: 0xBADu));
        }

        var alert = Assert.Single(_alerts.List());
        Assert.Equal(DetectorCodes.NewAccountCohort, alert.Detector);
        Assert.Equal(40, alert.BallotCount);
        Assert.Contains("40 of the 40 voters", alert.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sign_up_surge_with_many_favourites_is_no_cohort()
    {
        var minute = (Start / 60_000) - 30;
        var random = new Random(11);
        for (var i = 0; i < 400; i++)
        {
            // After a broadcast, hundreds sign up in the same minute; a third pick the episode's star, the rest vary.
            var picks = random.NextDouble() < 0.35 ? 1UL : (ulong)random.Next(2, 60);
            Observe(Ballot(voter: 60_000 + i, Start + (i * 4_000L) + random.Next(3_000), Network(300 + i), device: (ulong)(900 + i), created: minute, picks: picks));
        }

        Assert.Empty(_alerts.List());
    }

    [Fact]
    public void A_voter_casting_every_day_at_the_same_second_raises_a_regular_timing_alert()
    {
        const long Day = 86_400_000;
        var random = new Random(3);
        for (var day = 0; day < 20; day++)
        {
            // The bot: every day at 09:00:00 plus a few milliseconds of scheduling noise.
            Observe(Ballot(voter: 70_000, Start + (day * Day) + random.Next(50), Network(1000 + day), device: 0, created: -1, picks: 3));

            // A loyal fan: every evening, but whenever the show's clip drops (±2 hours).
            Observe(Ballot(voter: 70_001, Start + (day * Day) + (8 * 3_600_000) + random.Next(-7_200_000, 7_200_000), Network(2000 + day), device: 0, created: -1, picks: 3));
        }

        var alert = Assert.Single(_alerts.List());
        Assert.Equal(DetectorCodes.RegularTiming, alert.Detector);
        Assert.Equal(Voter(70_000).ToString(), alert.Voters.Single().ToString());
        Assert.True(alert.BallotCount >= _options.RegularTiming.MinIntervals + 1);
    }

    [Fact]
    public void A_network_sending_a_ballot_every_two_seconds_raises_a_regular_timing_alert()
    {
        for (var i = 0; i < 30; i++)
        {
            Observe(Ballot(voter: 80_000 + i, Start + (i * 2_000L) + (i % 3), Network(500), device: 0, created: -1, picks: (ulong)i));
        }

        var alert = Assert.Single(_alerts.List());
        Assert.Equal(DetectorCodes.RegularTiming, alert.Detector);
        Assert.Equal("203.1.244.0/24", alert.Source.Replace("network ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Detectors_keep_at_most_the_configured_number_of_keys()
    {
        var options = new IntegrityOptions { MaxTrackedKeys = 64 };
        var alerts = new AlertStore(Options.Create(options), TimeProvider.System);
        var detectors = new IntegrityDetectors(options, alerts);
        for (var i = 0; i < 10_000; i++)
        {
            // Ten thousand voters from ten thousand networks within one second: more keys than the tables hold.
            detectors.Observe(Ballot(voter: i, Start + (i / 10), Network(i), device: (ulong)i + 1, created: -1, picks: 1));
        }

        Assert.Equal(10_000, detectors.Observed);
        Assert.True(detectors.Untracked > 0);
        Assert.Empty(alerts.List());
    }

    [Fact]
    public void Network_prefixes_are_the_ipv4_24_and_the_ipv6_48()
    {
        Assert.Equal("198.51.100.0/24", NetworkPrefix.Of(IPAddress.Parse("198.51.100.77")).ToString());
        Assert.Equal(NetworkPrefix.Of(IPAddress.Parse("198.51.100.1")), NetworkPrefix.Of(IPAddress.Parse("::ffff:198.51.100.200")));
        Assert.Equal("2001:db8:1234::/48", NetworkPrefix.Of(IPAddress.Parse("2001:db8:1234:5678::1")).ToString());
        Assert.NotEqual(NetworkPrefix.Of(IPAddress.Parse("0.0.0.1")), NetworkPrefix.None);
        Assert.True(NetworkPrefix.Of(null).IsNone);
    }

    private void Observe(ObservedBallot ballot) => _detectors.Observe(ballot);

    private ObservedBallot Ballot(int voter, long time, NetworkPrefix network, ulong device, long created, ulong picks) =>
        new(_index++, 0, Voter(voter), time, network, device, created, picks);

    private static VoterPseudonym Voter(int n) => new(0xA11CE, (ulong)n);

    private static NetworkPrefix Network(int n) => NetworkPrefix.Of(new IPAddress([203, (byte)(n >> 8), (byte)n, 9]));
}
