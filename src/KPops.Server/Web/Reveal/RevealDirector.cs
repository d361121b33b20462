namespace KPops.Server.Web.Reveal;

/// <summary>In which order the seats of a ranking are revealed on air.</summary>
public enum RevealOrder
{
    /// <summary>From the last surviving seat up to 1st: the classic survival-show suspense.</summary>
    LastSeatFirst,

    /// <summary>From 1st down.</summary>
    FirstSeatFirst,
}

/// <summary>How far the reveal of one announcement has gone: the first <see cref="Revealed"/> seats in <see cref="Order"/>.</summary>
public sealed record RevealCue(string AnnouncementId, int Revealed, RevealOrder Order);

/// <summary>
/// The broadcast reveal's shared state: for each published announcement, how many seats the producers have revealed
/// so far. The console steps it; every open reveal screen (an interactive page on the same server) follows through
/// <see cref="Changed"/> at once. Every change is saved to <see cref="RevealCueFile"/> before it is announced, so a
/// server restarted mid-broadcast resumes at the same seat; the ranking itself is always the published one from the log.
/// </summary>
public sealed class RevealDirector
{
    private readonly Lock _lock = new();
    private readonly RevealCueFile _file;
    private readonly Dictionary<string, RevealCue> _cues;

    public RevealDirector(RevealCueFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        _file = file;
        _cues = file.Load();
    }

    /// <summary>Raised after every change, on the caller's thread; handlers must hop to their own context.</summary>
    public event Action<RevealCue>? Changed;

    public RevealCue Cue(string announcementId)
    {
        lock (_lock)
        {
            return _cues.GetValueOrDefault(announcementId) ?? new RevealCue(announcementId, 0, RevealOrder.LastSeatFirst);
        }
    }

    /// <summary>Reveals <paramref name="delta"/> more seats (negative: hides again), within 0..<paramref name="seatCount"/>.</summary>
    public RevealCue Step(string announcementId, int delta, int seatCount) =>
        Update(announcementId, cue => cue with { Revealed = Math.Clamp(cue.Revealed + delta, 0, seatCount) });

    public RevealCue RevealAll(string announcementId, int seatCount) =>
        Update(announcementId, cue => cue with { Revealed = seatCount });

    /// <summary>Hides every seat, and sets the order for the next run.</summary>
    public RevealCue Reset(string announcementId, RevealOrder order) =>
        Update(announcementId, _ => new RevealCue(announcementId, 0, order));

    private RevealCue Update(string announcementId, Func<RevealCue, RevealCue> change)
    {
        ArgumentNullException.ThrowIfNull(announcementId);
        RevealCue next;
        lock (_lock)
        {
            next = change(_cues.GetValueOrDefault(announcementId) ?? new RevealCue(announcementId, 0, RevealOrder.LastSeatFirst));
            _cues[announcementId] = next;
            // Saved under the lock, so the file always holds the latest step (producers step a few times a minute).
            // A refusing disk is logged by the file and does not stop the show: the screens follow from memory.
            _file.Save(_cues.Values);
        }

        Changed?.Invoke(next);
        return next;
    }
}
