using KPops.Voting.Entries;

namespace KPops.Voting.Ballots;

/// <summary>
/// Who has used how much of which rule, and which ballot answers a resubmission. One table covers the
/// common rule — one ballot per voter per period and channel — with one slot per accepted ballot holding the
/// ballot's entry index and a 24-bit tag of its nonce (about 27 bytes per ballot). Rules that allow more
/// ballots per period keep a count there and one idempotency slot per ballot; per-trainee caps add one slot
/// per (voter, trainee) pair. Single-writer: owned by the sequencer or the replaying thread.
/// </summary>
public sealed class QuotaBook : IDisposable
{
    private const int IndexBits = 40;
    private const ulong IndexMask = (1UL << IndexBits) - 1;

    private readonly LongHashTable _ballotsUsed;
    private readonly LongHashTable _nonces = new();
    private readonly LongHashTable _traineeVotes = new();

    /// <param name="expectedBallots">Presizes the main table to avoid growing during a finale.</param>
    public QuotaBook(int expectedBallots = 0)
    {
        _ballotsUsed = new LongHashTable(expectedBallots);
    }

    /// <summary>Entry indices are stored in 40 bits: a log of up to a trillion entries.</summary>
    public const long MaxEntryIndex = (long)IndexMask;

    public long ResidentBytes => _ballotsUsed.ResidentBytes + _nonces.ResidentBytes + _traineeVotes.ResidentBytes;

    /// <summary>Prefetches the ballot's quota slot; see <see cref="VotingState.Prefetch"/>.</summary>
    public void Prefetch(in Ballot ballot) => _ballotsUsed.Prefetch(QuotaKeys.BallotsUsed(ballot));

    /// <summary>
    /// Checks the quota and idempotency rules for a ballot whose shape is already valid.
    /// <paramref name="originalIndex"/> is the accepted ballot's entry index on <see cref="BallotCheck.DuplicateBallot"/>.
    /// </summary>
    public BallotCheck Check(in Ballot ballot, CompiledRound round, out long originalIndex)
    {
        originalIndex = -1;
        var limit = round.BallotsPerPeriod(ballot.Channel);
        if (_ballotsUsed.TryGetValue(QuotaKeys.BallotsUsed(ballot), out var used))
        {
            if (limit == 1)
            {
                if (used >> IndexBits == QuotaKeys.NonceTag24(ballot.Nonce))
                {
                    originalIndex = (long)(used & IndexMask);
                    return BallotCheck.DuplicateBallot;
                }

                return BallotCheck.QuotaExhausted;
            }

            if (_nonces.TryGetValue(QuotaKeys.Nonce(ballot), out var index))
            {
                originalIndex = (long)index;
                return BallotCheck.DuplicateBallot;
            }

            if (used >= (ulong)limit)
            {
                return BallotCheck.QuotaExhausted;
            }
        }
        else if (limit <= 0)
        {
            return BallotCheck.QuotaExhausted;
        }

        return round.TraineeCap > 0 ? CheckTraineeCap(ballot, round.TraineeCap) : BallotCheck.Accepted;
    }

    private BallotCheck CheckTraineeCap(in Ballot ballot, int cap)
    {
        var picks = ballot.Picks;
        for (var i = 0; i < picks.Length; i++)
        {
            var trainee = picks[i];
            if (picks[..i].Contains(trainee))
            {
                continue;
            }

            var inBallot = 1 + picks[(i + 1)..].Count(trainee);
            _traineeVotes.TryGetValue(QuotaKeys.TraineeVotes(ballot, trainee), out var given);
            if (given + (ulong)inBallot > (ulong)cap)
            {
                return BallotCheck.TraineeCap;
            }
        }

        return BallotCheck.Accepted;
    }

    /// <summary>
    /// <see cref="Check"/> and, when accepted, <see cref="Record"/> in one: the common rule (one ballot per period,
    /// no trainee cap) finds or claims the ballot's slot with a single probe of the table instead of two.
    /// </summary>
    public BallotCheck TryRecord(in Ballot ballot, CompiledRound round, long entryIndex, out long originalIndex)
    {
        if (round.BallotsPerPeriod(ballot.Channel) != 1 || round.TraineeCap > 0)
        {
            var check = Check(ballot, round, out originalIndex);
            if (check == BallotCheck.Accepted)
            {
                Record(ballot, round, entryIndex);
            }

            return check;
        }

        originalIndex = -1;
        ref var used = ref _ballotsUsed.GetOrAdd(QuotaKeys.BallotsUsed(ballot), out var existed);
        var tag = QuotaKeys.NonceTag24(ballot.Nonce);
        if (existed)
        {
            if (used >> IndexBits == tag)
            {
                originalIndex = (long)(used & IndexMask);
                return BallotCheck.DuplicateBallot;
            }

            return BallotCheck.QuotaExhausted;
        }

        used = (tag << IndexBits) | ((ulong)entryIndex & IndexMask);
        return BallotCheck.Accepted;
    }

    /// <summary>Records an accepted ballot; call only after <see cref="Check"/> returned Accepted.</summary>
    public void Record(in Ballot ballot, CompiledRound round, long entryIndex)
    {
        ref var used = ref _ballotsUsed.GetOrAdd(QuotaKeys.BallotsUsed(ballot), out _);
        if (round.BallotsPerPeriod(ballot.Channel) == 1)
        {
            used = (QuotaKeys.NonceTag24(ballot.Nonce) << IndexBits) | ((ulong)entryIndex & IndexMask);
        }
        else
        {
            used++;
            _nonces.GetOrAdd(QuotaKeys.Nonce(ballot), out _) = (ulong)entryIndex;
        }

        if (round.TraineeCap > 0)
        {
            foreach (var trainee in ballot.Picks)
            {
                _traineeVotes.GetOrAdd(QuotaKeys.TraineeVotes(ballot, trainee), out _)++;
            }
        }
    }

    public void Dispose()
    {
        _ballotsUsed.Dispose();
        _nonces.Dispose();
        _traineeVotes.Dispose();
    }
}
