using System.Globalization;
using KPops.Voting;
using KPops.Voting.Entries;

namespace KPops.Audit.Flow;

/// <summary>
/// Records the <see cref="VoteFlow"/> while the recount streams the log through it: each entry read in order is
/// looked at once (ballots bucketed by round, segment and minute; quarantines noted, and the ballots they name by
/// index bucketed as quarantined), so the charts cost no second pass over the log.
/// </summary>
public sealed class VoteFlowRecorder(IEntryHistory inner) : IEntryHistory
{
    // A range quarantine names its ballots by index; beyond this many they are counted, not bucketed by time.
    private const long MaxRangeLookups = 1_000_000;

    private long _next;

    // Ballots come in long runs of one round and segment: the last series saves a dictionary lookup per ballot on the
    // recount's serial thread.
    private VoteSeries? _last;

    public VoteFlow Flow { get; } = new();

    public long Count => inner.Count;

    public bool TryRead(long index, out ReadOnlyMemory<byte> entry)
    {
        if (!inner.TryRead(index, out entry))
        {
            return false;
        }

        if (index == _next)
        {
            _next++;
            Record(entry.Span, index);
        }

        return true;
    }

    private void Record(ReadOnlySpan<byte> entry, long index)
    {
        if (EntryHeader.Check(entry, out var kind) != EntryError.None)
        {
            return;
        }

        if (kind == EntryKind.Ballot)
        {
            if (BallotCodec.TryRead(entry, out var ballot, out _))
            {
                if (_last is null || _last.Round != ballot.Round || _last.Segment != ballot.Segment)
                {
                    _last = Flow.For(ballot.Round, ballot.Segment);
                }

                _last.Count(ballot.ServerTimeMs);
            }
        }
        else if (kind == EntryKind.Quarantine && LogEntryCodec.TryDecode(entry, out var decoded, out _) && decoded is QuarantineEntry quarantine)
        {
            RecordQuarantine(quarantine, index);
        }
    }

    private void RecordQuarantine(QuarantineEntry quarantine, long index)
    {
        long named = 0;
        string target;
        switch (quarantine.Target)
        {
            case QuarantineTarget.EntryList:
                target = string.Create(CultureInfo.InvariantCulture, $"{quarantine.Entries.Count} listed entries");
                foreach (var listed in quarantine.Entries)
                {
                    named += CountQuarantined(listed, index);
                }

                break;
            case QuarantineTarget.EntryRange:
                target = string.Create(CultureInfo.InvariantCulture, $"entries {quarantine.From} to {quarantine.To - 1}");
                for (var i = quarantine.From; i < Math.Min(quarantine.To, index) && i - quarantine.From < MaxRangeLookups; i++)
                {
                    named += CountQuarantined(i, index);
                }

                break;
            default:
                target = quarantine.Round == EntryFormat.NoIndex
                    ? $"every ballot of voter {quarantine.Voter}"
                    : string.Create(CultureInfo.InvariantCulture, $"every ballot of voter {quarantine.Voter} in round #{quarantine.Round}");
                break;
        }

        Flow.Add(new QuarantineRecord(index, quarantine.Reason, target, quarantine.Note, named));
    }

    private int CountQuarantined(long ballotIndex, long quarantineIndex)
    {
        if (ballotIndex >= quarantineIndex
            || !inner.TryRead(ballotIndex, out var entry)
            || EntryHeader.Check(entry.Span, out var kind) != EntryError.None
            || kind != EntryKind.Ballot
            || !BallotCodec.TryRead(entry.Span, out var ballot, out _))
        {
            return 0;
        }

        Flow.For(ballot.Round, ballot.Segment).CountQuarantined(ballot.ServerTimeMs);
        return 1;
    }
}
