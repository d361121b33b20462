using KPops.Server.Operations;

namespace KPops.Server.Live;

/// <summary>Aggregates a <see cref="SeasonView"/> into the figures producers watch.</summary>
internal static class LiveCounts
{
    public static LiveCountsSnapshot From(SeasonView view, DateTimeOffset now)
    {
        var season = view.Season;
        var rounds = new LiveRoundCounts[season.RoundCount];
        for (int round = 0; round < rounds.Length; round++)
        {
            var window = view.Windows[round];
            var compiled = season.Round(round);
            var trainees = new List<LiveTraineeCount>();
            for (int trainee = 0; trainee < season.TraineeCount; trainee++)
            {
                long total = 0;
                var bySegment = new Dictionary<string, long>(StringComparer.Ordinal);
                for (int segment = 0; segment < season.SegmentCount; segment++)
                {
                    long votes = 0;
                    for (int channel = 0; channel < compiled.ChannelCount; channel++)
                    {
                        votes += view.Counts.Votes(round, trainee, segment, channel);
                    }

                    if (votes != 0)
                    {
                        bySegment[season.SegmentIds[segment]] = votes;
                        total += votes;
                    }
                }

                if (total != 0 || view.Eligible[round][trainee])
                {
                    trainees.Add(new LiveTraineeCount(season.TraineeId(trainee), total, bySegment));
                }
            }

            trainees.Sort((a, b) => a.Total != b.Total ? b.Total.CompareTo(a.Total) : string.CompareOrdinal(a.TraineeId, b.TraineeId));
            bool isOpen = now.ToUnixTimeMilliseconds() >= window.OpensAtMs && SeasonView.TakesBallots(window, now);
            rounds[round] = new LiveRoundCounts(compiled.Round.Id, isOpen, DateTimeOffset.FromUnixTimeMilliseconds(window.ClosesAtMs),
                view.Counts.BallotsCountedIn(round), trainees);
        }

        return new LiveCountsSnapshot(now, view.LogSize, rounds);
    }
}
