using System.Text.RegularExpressions;

namespace KPops.Format.Validation;

/// <summary>Trainees: ids, a Hangul name, references to declared groups and segments, and fancam links.</summary>
internal static partial class TraineeRules
{
    public static void Check(SeasonCheck check)
    {
        var trainees = check.Season.Trainees;
        if (trainees.Count == 0)
        {
            check.Add("trainees", "a season needs at least one trainee");
        }

        IdRules.CheckUnique(check, "trainees", trainees, t => t.Id);
        foreach (var (trainee, _, path) in NullItems.Each(check, "trainees", trainees))
        {
            if (string.IsNullOrWhiteSpace(trainee.Hangul))
            {
                check.Add($"{path}.hangul", "must not be empty");
            }

            if (trainee.Group is { } group && !check.GroupIds.Contains(group))
            {
                check.Add($"{path}.group", $"unknown group \"{group}\"");
            }

            if (trainee.HomeSegment is { } segment && !check.SegmentIds.Contains(segment))
            {
                check.Add($"{path}.homeSegment", $"unknown segment \"{segment}\"");
            }

            foreach (var (position, _, positionPath) in NullItems.Each(check, $"{path}.positions", trainee.Positions))
            {
                if (string.IsNullOrWhiteSpace(position))
                {
                    check.Add(positionPath, "must not be empty");
                }
            }

            if (trainee.Nationality is { } nationality && !CountryCode().IsMatch(nationality))
            {
                check.Add($"{path}.nationality", $"\"{nationality}\" must be an ISO 3166-1 alpha-2 code, e.g. KR");
            }

            FancamRules.Check(check, path, trainee.Fancams);
        }
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
