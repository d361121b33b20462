using KPops.Voting.Ballots;
using KPops.Voting.Entries;
using KPops.Voting.Tallies;

namespace KPops.Voting;

/// <summary>
/// Applies quarantine entries: takes already counted ballots back out of the tallies (reading them from the
/// log), remembers which ballots are no longer counted so that overlapping quarantines take each back once,
/// and refuses later ballots of quarantined voters.
/// </summary>
internal sealed class Quarantines(IEntryHistory history) : IDisposable
{
    // Keys are entry index + 1 (the table reserves 0); the value is unused.
    private readonly LongHashTable _uncounted = new();
    private readonly HashSet<(VoterPseudonym Voter, ushort Round)> _voters = [];

    public bool HasVoters => _voters.Count > 0;

    public bool IsVoterQuarantined(VoterPseudonym voter, ushort round) =>
        _voters.Contains((voter, round)) || _voters.Contains((voter, EntryFormat.NoIndex));

    public void MarkUncounted(long entryIndex) => _uncounted.GetOrAdd((ulong)entryIndex + 1, out _);

    public void Apply(QuarantineEntry quarantine, long quarantineIndex, SeasonTallies tallies)
    {
        switch (quarantine.Target)
        {
            case QuarantineTarget.EntryRange:
                for (var i = quarantine.From; i < Math.Min(quarantine.To, quarantineIndex); i++)
                {
                    Exclude(i, tallies, static (in Ballot _, QuarantineEntry _) => true, quarantine);
                }

                break;
            case QuarantineTarget.EntryList:
                foreach (var i in quarantine.Entries)
                {
                    if (i < quarantineIndex)
                    {
                        Exclude(i, tallies, static (in Ballot _, QuarantineEntry _) => true, quarantine);
                    }
                }

                break;
            default:
                _voters.Add((quarantine.Voter, quarantine.Round));
                for (var i = 0L; i < quarantineIndex; i++)
                {
                    Exclude(i, tallies, IsVotersBallot, quarantine);
                }

                break;
        }
    }

    private static bool IsVotersBallot(in Ballot ballot, QuarantineEntry quarantine) =>
        ballot.Voter == quarantine.Voter && (quarantine.Round == EntryFormat.NoIndex || quarantine.Round == ballot.Round);

    private void Exclude(long index, SeasonTallies tallies, BallotFilter filter, QuarantineEntry quarantine)
    {
        if (!history.TryRead(index, out var entry)
            || EntryHeader.Check(entry.Span, out var kind) != EntryError.None
            || kind != EntryKind.Ballot
            || !BallotCodec.TryRead(entry.Span, out var ballot, out _)
            || !filter(ballot, quarantine))
        {
            return;
        }

        _uncounted.GetOrAdd((ulong)index + 1, out var alreadyUncounted);
        if (!alreadyUncounted)
        {
            tallies.Count(ballot, -1);
        }
    }

    public void Dispose() => _uncounted.Dispose();

    private delegate bool BallotFilter(in Ballot ballot, QuarantineEntry quarantine);
}
