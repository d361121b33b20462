namespace KPops.Server.Integrity.Detectors;

/// <summary>Per-key detector state that knows when it was last fed, so stale keys can be evicted.</summary>
internal interface ITrackedState
{
    long LastSeenMs { get; }
}

/// <summary>
/// Detector state per key with a hard cap on the number of keys: when full, keys idle for longer than the
/// horizon are evicted (at most once per eighth of the horizon, so a flood of new keys cannot make every ballot
/// pay for a sweep); if it is still full the new key is not tracked and <see cref="Untracked"/> counts it.
/// </summary>
internal sealed class KeyedStates<TKey, TState>(int maxKeys, long horizonMs, Func<TState> create)
    where TKey : notnull
    where TState : class, ITrackedState
{
    private readonly Dictionary<TKey, TState> _states = [];
    private long _lastSweepMs = long.MinValue;

    public int Count => _states.Count;

    /// <summary>Ballots whose key could not be tracked because the table was full of active keys.</summary>
    public long Untracked { get; private set; }

    public TState? GetOrAdd(TKey key, long nowMs)
    {
        if (_states.TryGetValue(key, out var state))
        {
            return state;
        }

        if (_states.Count >= maxKeys)
        {
            Sweep(nowMs);
            if (_states.Count >= maxKeys)
            {
                Untracked++;
                return null;
            }
        }

        state = create();
        _states.Add(key, state);
        return state;
    }

    private void Sweep(long nowMs)
    {
        if (_lastSweepMs != long.MinValue && nowMs - _lastSweepMs < Math.Max(1, horizonMs / 8))
        {
            return;
        }

        _lastSweepMs = nowMs;
        foreach (var (key, state) in _states)
        {
            if (nowMs - state.LastSeenMs > horizonMs)
            {
                _states.Remove(key);
            }
        }
    }
}

/// <summary>The ballots of one key within a sliding time window, newest last, at most a fixed number of them.</summary>
internal sealed class SightingWindow(int capacity) : ITrackedState
{
    private readonly Queue<ObservedBallot> _ballots = new();

    public long LastSeenMs { get; private set; } = long.MinValue;

    /// <summary>Set while the key meets its detector's condition, so later ballots extend the alert one at a time.</summary>
    public bool Hot { get; set; }

    public int Count => _ballots.Count;

    /// <summary>A detector's alert source and explanation for this key, kept while they cannot change (see the detector).</summary>
    public (string Source, string Explanation)? Report { get; set; }

    public IEnumerable<ObservedBallot> Ballots => _ballots;

    public void Add(in ObservedBallot ballot, long windowMs)
    {
        LastSeenMs = Math.Max(LastSeenMs, ballot.TimeMs);
        _ballots.Enqueue(ballot);
        while (_ballots.Count > capacity || (_ballots.Count > 0 && _ballots.Peek().TimeMs <= LastSeenMs - windowMs))
        {
            _ballots.Dequeue();
        }
    }

    public ObservedBallot[] ToArray() => [.. _ballots];
}
