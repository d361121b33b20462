using KPops.Format.Model;

namespace KPops.Format.Validation;

/// <summary>
/// One validation pass: the errors found so far and the lookups every rule needs. Lists may contain nulls
/// (a file can say <c>[null]</c>), so the lookups skip them; the rule that owns the list reports them.
/// </summary>
internal sealed class SeasonCheck
{
    private readonly List<SeasonError> _errors = [];

    public SeasonCheck(Season season)
    {
        Season = season;
        TraineeIds = IdsOf(season.Trainees, t => t.Id);
        GroupIds = IdsOf(season.Groups, g => g.Id);
        SegmentIds = season.Segments.Count == 0 ? [Segment.Default] : IdsOf(season.Segments, s => s.Id);
        Rounds = FirstById(season.Rounds, r => r.Id);
        Evaluations = FirstById(season.Evaluations, e => e.Id);
        AnnouncementIndex = [];
        for (var i = 0; i < season.Announcements.Count; i++)
        {
            if (season.Announcements[i]?.Id is { } id)
            {
                AnnouncementIndex.TryAdd(id, i);
            }
        }
    }

    public Season Season { get; }
    public IReadOnlyList<SeasonError> Errors => _errors;
    public HashSet<string> TraineeIds { get; }
    public HashSet<string> GroupIds { get; }

    /// <summary>Declared segment ids, or the implicit <see cref="Segment.Default"/> when none are declared.</summary>
    public HashSet<string> SegmentIds { get; }

    public Dictionary<string, Round> Rounds { get; }
    public Dictionary<string, Evaluation> Evaluations { get; }

    /// <summary>Position of each announcement in broadcast order (the first one, if an id repeats).</summary>
    public Dictionary<string, int> AnnouncementIndex { get; }

    public void Add(string path, string message) => _errors.Add(new SeasonError(path, message));

    private static HashSet<string> IdsOf<T>(IReadOnlyList<T> items, Func<T, string?> id)
        where T : class =>
        [.. items.Where(item => item is not null).Select(id).OfType<string>()];

    private static Dictionary<string, T> FirstById<T>(IReadOnlyList<T> items, Func<T, string?> id)
        where T : class
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is not null && id(item) is { } key)
            {
                byId.TryAdd(key, item);
            }
        }

        return byId;
    }
}
