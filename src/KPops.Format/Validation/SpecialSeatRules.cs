using KPops.Format.Model;

namespace KPops.Format.Validation;

/// <summary>Special seats fill places below the cut line, by a score of their own or by a producers' pick.</summary>
internal static class SpecialSeatRules
{
    public static void Check(SeasonCheck check, string announcementPath, Announcement announcement)
    {
        var listPath = $"{announcementPath}.specialSeats";
        if (announcement.SpecialSeats.Count > 0 && announcement.CutLine is null)
        {
            check.Add(listPath, "special seats need a cutLine to seat trainees below it");
        }

        IdRules.CheckUnique(check, listPath, announcement.SpecialSeats, s => s.Label, idPath: "label", wellFormed: false);
        foreach (var (seat, _, path) in NullItems.Each(check, listPath, announcement.SpecialSeats))
        {
            if (seat.Count < 1)
            {
                check.Add($"{path}.count", "must be ≥ 1");
            }

            if (seat.Kind == SpecialSeatKind.HighestBelowCut)
            {
                CheckHighestBelowCut(check, path, seat, announcement.At);
            }
            else
            {
                CheckEvaluationPick(check, path, seat);
            }
        }
    }

    private static void CheckHighestBelowCut(SeasonCheck check, string path, SpecialSeat seat, DateTimeOffset? airsAt)
    {
        if (seat.Sources.Count == 0)
        {
            check.Add($"{path}.sources", "a highestBelowCut seat needs at least one source");
        }

        ScoreSourceRules.CheckAll(check, $"{path}.sources", seat.Sources, airsAt);
        if (seat.Evaluation is not null)
        {
            check.Add($"{path}.evaluation", "only used by evaluationPick seats");
        }
    }

    private static void CheckEvaluationPick(SeasonCheck check, string path, SpecialSeat seat)
    {
        if (seat.Sources.Count > 0)
        {
            check.Add($"{path}.sources", "only used by highestBelowCut seats");
        }

        if (seat.Evaluation is not { } evaluationId)
        {
            check.Add($"{path}.evaluation", "an evaluationPick seat needs an evaluation");
        }
        else if (!check.Evaluations.TryGetValue(evaluationId, out var evaluation))
        {
            check.Add($"{path}.evaluation", $"unknown evaluation \"{evaluationId}\"");
        }
        else if (evaluation.Kind != EvaluationKind.Pick)
        {
            check.Add($"{path}.evaluation", $"evaluation \"{evaluationId}\" must be of kind pick");
        }
    }
}
