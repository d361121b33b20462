using System.Runtime.CompilerServices;
using KPops.Voting.Entries;

namespace KPops.Voting.Ballots;

/// <summary>
/// 64-bit fingerprints of the quota and idempotency keys. The voter pseudonym is already a uniformly random
/// HMAC output, so folding the other fields in with a bijective mixer (MurmurHash3's finalizer) gives keys
/// that collide with probability about n²/2⁶⁵ — and a collision can only refuse a ballot (as quota-exhausted,
/// trainee-cap or a duplicate answered with another ballot's receipt), never let an extra ballot through.
/// The functions are fixed: replay and recount must derive the same keys as the live pipeline did.
/// </summary>
internal static class QuotaKeys
{
    private const ulong BallotsUsedTag = 1;
    private const ulong NonceTag = 2;
    private const ulong TraineeVotesTag = 3;

    /// <summary>Ballots used by (voter, round, period, channel).</summary>
    public static ulong BallotsUsed(in Ballot ballot) => Key(ballot, BallotsUsedTag, 0);

    /// <summary>The accepted ballot with this (voter, round, period, channel, nonce).</summary>
    public static ulong Nonce(in Ballot ballot) => Key(ballot, NonceTag, ballot.Nonce);

    /// <summary>Votes given by (voter, round, period, channel) to one trainee.</summary>
    public static ulong TraineeVotes(in Ballot ballot, ushort trainee) => Key(ballot, TraineeVotesTag, trainee);

    /// <summary>A short tag of the nonce, stored beside the entry index when a period allows a single ballot.</summary>
    public static ulong NonceTag24(uint nonce) => Mix(nonce + 0x9E3779B97F4A7C15UL) & 0xFF_FFFF;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(in Ballot ballot, ulong tag, ulong extra)
    {
        var fields = ballot.Round | ((ulong)(uint)ballot.Period << 16) | ((ulong)ballot.Channel << 48) | (tag << 56);
        var key = Mix(ballot.Voter.High ^ Mix(ballot.Voter.Low ^ fields) ^ (extra * 0x9E3779B97F4A7C15UL));
        return key == 0 ? 1 : key;
    }

    /// <summary>The 64-bit finalizer of MurmurHash3: spreads every input bit over the whole key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Mix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCDUL;
        k ^= k >> 33;
        k *= 0xC4CEB9FE1A85EC53UL;
        k ^= k >> 33;
        return k;
    }
}
