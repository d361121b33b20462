using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace KPops.Voting.Ballots;

/// <summary>
/// An open-addressing hash map from non-zero 64-bit keys to 64-bit values, with keys and values interleaved
/// in one array (16 bytes a slot, one cache line holds four). It grows by half when three quarters full, so
/// it is always between half and three quarters full: 21 to 32 bytes per entry. The array is allocated to
/// size rather than rented: the shared pool rounds up to powers of two, which would cost up to 43 bytes per
/// entry, and these tables live as long as the season anyway. Keys are
/// fingerprints that are already uniformly mixed (<see cref="QuotaKeys"/>), so the slot is taken straight
/// from the key's high bits by multiply-shift, which works for any capacity. Single-writer; not thread-safe.
/// </summary>
internal sealed class LongHashTable : IDisposable
{
    private const int MinCapacity = 64;

    private ulong[] _slots;
    private int _capacity;
    private int _growAt;

    public LongHashTable(int expectedCount = 0)
    {
        _capacity = Math.Max(MinCapacity, (int)Math.Min(int.MaxValue / 4, expectedCount * 4L / 3 + 1));
        _slots = Allocate(_capacity);
        _growAt = (int)(_capacity * 3L / 4);
    }

    public int Count { get; private set; }

    /// <summary>Bytes held by the table (for the memory budget: divide by accepted ballots).</summary>
    public long ResidentBytes => _capacity * 16L;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(ulong key, out ulong value)
    {
        var slots = _slots;
        var i = Home(key);
        while (true)
        {
            var k = slots[i];
            if (k == key)
            {
                value = slots[i + 1];
                return true;
            }

            if (k == 0)
            {
                value = 0;
                return false;
            }

            i = Next(i);
        }
    }

    /// <summary>
    /// Starts loading the key's home slot into the cache. A big table is a cache miss per lookup; asking for
    /// the slots of a whole batch first lets those misses overlap instead of queueing one after another.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(ulong key)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), Home(key))));
        }
    }

    /// <summary>Returns a reference to the key's value, adding the key with value 0 when absent.</summary>
    public ref ulong GetOrAdd(ulong key, out bool existed)
    {
        if (Count >= _growAt)
        {
            Grow();
        }

        var slots = _slots;
        var i = Home(key);
        while (true)
        {
            var k = slots[i];
            if (k == key)
            {
                existed = true;
                return ref slots[i + 1];
            }

            if (k == 0)
            {
                slots[i] = key;
                slots[i + 1] = 0;
                Count++;
                existed = false;
                return ref slots[i + 1];
            }

            i = Next(i);
        }
    }

    /// <summary>Drops the table's memory; the table must not be used afterwards.</summary>
    public void Dispose()
    {
        _slots = [];
        _capacity = 0;
        _growAt = int.MaxValue;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(ulong key) => (int)Math.BigMul(key, (ulong)_capacity, out _) * 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Next(int i)
    {
        i += 2;
        return i == _capacity * 2 ? 0 : i;
    }

    private void Grow()
    {
        var old = _slots;
        var oldCapacity = _capacity;
        _capacity = checked(_capacity + (_capacity / 2));
        _slots = Allocate(_capacity);
        _growAt = (int)(_capacity * 3L / 4);
        for (var i = 0; i < oldCapacity * 2; i += 2)
        {
            var key = old[i];
            if (key == 0)
            {
                continue;
            }

            var j = Home(key);
            while (_slots[j] != 0)
            {
                j = Next(j);
            }

            _slots[j] = key;
            _slots[j + 1] = old[i + 1];
        }
    }

    private static ulong[] Allocate(int capacity) => new ulong[capacity * 2];
}
