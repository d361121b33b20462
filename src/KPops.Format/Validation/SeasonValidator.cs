using KPops.Format.Model;

namespace KPops.Format.Validation;

/// <summary>
/// Checks a season for everything its JSON shape cannot express: ids, cross-references, ballot rules that can
/// be satisfied, announcements that can be computed. Reports every problem at once, each at its path, so a
/// producer fixes a file in one pass rather than one error per run.
/// </summary>
public static class SeasonValidator
{
    /// <summary>All problems found; empty when the season can be run.</summary>
    public static IReadOnlyList<SeasonError> Validate(Season season)
    {
        ArgumentNullException.ThrowIfNull(season);
        var check = new SeasonCheck(season);
        SeasonRules.Check(check);
        TraineeRules.Check(check);
        RoundRules.Check(check);
        EvaluationRules.Check(check);
        AnnouncementRules.Check(check);
        return check.Errors;
    }
}
