using KPops.Format.Model;

namespace KPops.Format.Validation;

/// <summary>Evaluations: ids, names, and benefits that are non-negative and, for grades, keyed by grade.</summary>
internal static class EvaluationRules
{
    private static readonly HashSet<string> Grades = ["A", "B", "C", "D", "E", "F"];

    public static void Check(SeasonCheck check)
    {
        var evaluations = check.Season.Evaluations;
        IdRules.CheckUnique(check, "evaluations", evaluations, e => e.Id);
        foreach (var (evaluation, _, path) in NullItems.Each(check, "evaluations", evaluations))
        {
            SeasonRules.CheckName(check, $"{path}.name", evaluation.Name);
            foreach (var (key, value) in evaluation.Benefits)
            {
                var benefitPath = $"{path}.benefits.{key}";
                if (string.IsNullOrWhiteSpace(key))
                {
                    check.Add(benefitPath, "a benefit needs a non-empty result key");
                }
                else if (evaluation.Kind == EvaluationKind.Grade && !Grades.Contains(key))
                {
                    check.Add(benefitPath, "a grade evaluation accepts only the keys A to F");
                }

                if (value < 0)
                {
                    check.Add(benefitPath, "must be ≥ 0");
                }
            }
        }
    }
}
