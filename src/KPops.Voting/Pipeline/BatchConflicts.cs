using System.Numerics;
using System.Runtime.CompilerServices;
using KPops.Voting.Ballots;
using KPops.Voting.Entries;

namespace KPops.Voting.Pipeline;

/// <summary>
/// The quota scopes — (voter, round, period, channel) — that already have a ballot pending in the batch being
/// built. Live state only changes after a batch is durable, so two ballots of one scope in the same batch would
/// both pass the state's checks; the second is held back to the next batch instead, where the first is counted.
/// Keys are 64-bit fingerprints: a rare collision only defers an unrelated ballot by one batch. Entries are
/// stamped with a generation, so starting a new batch is O(1).
/// </summary>
internal sealed class BatchConflicts
{
    private readonly ulong[] _keys;
    private readonly uint[] _generations;
    private readonly int _mask;
    private uint _generation = 1;

    public BatchConflicts(int maxBatchSize)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, maxBatchSize * 2));
        _keys = new ulong[capacity];
        _generations = new uint[capacity];
        _mask = capacity - 1;
    }

    public void Clear()
    {
        if (++_generation == 0)
        {
            Array.Clear(_generations);
            _generation = 1;
        }
    }

    /// <summary>Adds the ballot's scope; false when a ballot of the same scope is already pending.</summary>
    public bool TryAdd(in Ballot ballot)
    {
        var key = Scope(ballot);
        var i = (int)(key >> 40) & _mask;
        while (_generations[i] == _generation)
        {
            if (_keys[i] == key)
            {
                return false;
            }

            i = (i + 1) & _mask;
        }

        _generations[i] = _generation;
        _keys[i] = key;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Scope(in Ballot ballot)
    {
        var fields = ballot.Round | ((ulong)(uint)ballot.Period << 16) | ((ulong)ballot.Channel << 48);
        return QuotaKeys.Mix(ballot.Voter.High ^ QuotaKeys.Mix(ballot.Voter.Low ^ fields));
    }
}
