using KPops.Format.Model;

namespace KPops.Format.Simulation;

/// <summary>
/// Dense integer indices for the season's trainees and segments, so the hot loops work on arrays instead of
/// dictionaries keyed by id. Indices follow the order of the season file, which keeps runs reproducible.
/// </summary>
internal sealed class SeasonIndex
{
    private readonly Dictionary<string, int> _traineeIndex;

    public SeasonIndex(Season season)
    {
        TraineeIds = [.. season.Trainees.Select(t => t.Id)];
        _traineeIndex = TraineeIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        SegmentIds = season.Segments.Count == 0 ? [Segment.Default] : [.. season.Segments.Select(s => s.Id)];
        var segmentIndex = SegmentIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        HomeSegment = [.. season.Trainees.Select(t => t.HomeSegment is { } home && segmentIndex.TryGetValue(home, out var s) ? s : -1)];
        Group = [.. season.Trainees.Select(t => t.Group)];
    }

    public string[] TraineeIds { get; }
    public string[] SegmentIds { get; }

    /// <summary>Per trainee: the index of its home segment, or -1.</summary>
    public int[] HomeSegment { get; }

    /// <summary>Per trainee: its group id, if any.</summary>
    public string?[] Group { get; }

    public int Trainees => TraineeIds.Length;
    public int Segments => SegmentIds.Length;

    public int IndexOf(string traineeId) => _traineeIndex[traineeId];
}
