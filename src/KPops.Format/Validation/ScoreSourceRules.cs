using KPops.Format.Model;

namespace KPops.Format.Validation;

/// <summary>
/// Score sources, in announcements and in special seats: each names rounds or evaluations that exist, and
/// uses only the fields its kind reads, so that a misplaced field is reported rather than silently ignored.
/// </summary>
internal static class ScoreSourceRules
{
    /// <summary>
    /// Checks a list of sources; labels must be unique because they name the breakdown's columns. When the
    /// announcement's air time (<c>airsAt</c>) is known, the rounds it counts must have closed by then.
    /// </summary>
    public static void CheckAll(SeasonCheck check, string listPath, IReadOnlyList<ScoreSource> sources, DateTimeOffset? airsAt)
    {
        IdRules.CheckUnique(check, listPath, sources, s => s.Label, idPath: "label", wellFormed: false);
        foreach (var (source, _, path) in NullItems.Each(check, listPath, sources))
        {
            Check(check, path, source, airsAt);
        }
    }

    private static void Check(SeasonCheck check, string path, ScoreSource source, DateTimeOffset? airsAt)
    {
        if (source.Weight < 0)
        {
            check.Add($"{path}.weight", "must be ≥ 0");
        }

        if (source.Conversion == Conversion.Share && source.Scale <= 0)
        {
            check.Add($"{path}.scale", "must be > 0");
        }
        else if (source.Conversion == Conversion.Raw && source.Scale != 1m)
        {
            check.Add($"{path}.scale", "only applies to the share conversion");
        }

        if (source.Segment is { } segment && !check.SegmentIds.Contains(segment))
        {
            check.Add($"{path}.segment", $"unknown segment \"{segment}\"");
        }

        if (source.Kind == SourceKind.Evaluations)
        {
            CheckEvaluationSource(check, path, source);
        }
        else
        {
            CheckRoundSource(check, path, source, airsAt);
        }

        if (source.Kind == SourceKind.SegmentPoints)
        {
            CheckPoints(check, path, source);
        }
        else if (source.Points.Count > 0)
        {
            check.Add($"{path}.points", "only used by segmentPoints sources");
        }
    }

    private static void CheckRoundSource(SeasonCheck check, string path, ScoreSource source, DateTimeOffset? airsAt)
    {
        var kind = source.Kind == SourceKind.Votes ? "votes" : "segmentPoints";
        if (source.Rounds.Count == 0)
        {
            check.Add($"{path}.rounds", $"a {kind} source needs at least one round");
        }

        if (source.Evaluations.Count > 0)
        {
            check.Add($"{path}.evaluations", "only used by evaluations sources");
        }

        var channels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (roundId, _, roundPath) in NullItems.Each(check, $"{path}.rounds", source.Rounds))
        {
            if (!check.Rounds.TryGetValue(roundId, out var round))
            {
                check.Add(roundPath, $"unknown round \"{roundId}\"");
                continue;
            }

            if (airsAt < round.ClosesAt)
            {
                check.Add(roundPath, $"round \"{roundId}\" closes after this announcement airs");
            }

            channels.UnionWith(round.Ballot.Channels.Count == 0
                ? [Channel.Default]
                : round.Ballot.Channels.Where(c => c is not null).Select(c => c.Id));
        }

        if (source.Channel is { } channel && !channels.Contains(channel))
        {
            check.Add($"{path}.channel", $"no round of this source has a channel \"{channel}\"");
        }
    }

    private static void CheckEvaluationSource(SeasonCheck check, string path, ScoreSource source)
    {
        if (source.Evaluations.Count == 0)
        {
            check.Add($"{path}.evaluations", "an evaluations source needs at least one evaluation");
        }

        foreach (var (evaluationId, _, evaluationPath) in NullItems.Each(check, $"{path}.evaluations", source.Evaluations))
        {
            if (!check.Evaluations.ContainsKey(evaluationId))
            {
                check.Add(evaluationPath, $"unknown evaluation \"{evaluationId}\"");
            }
        }

        if (source.Rounds.Count > 0)
        {
            check.Add($"{path}.rounds", "not used by evaluations sources");
        }

        if (source.Channel is not null)
        {
            check.Add($"{path}.channel", "not used by evaluations sources");
        }
    }

    private static void CheckPoints(SeasonCheck check, string path, ScoreSource source)
    {
        if (source.Points.Count == 0)
        {
            check.Add($"{path}.points", "a segmentPoints source needs points for 1st, 2nd, … place, e.g. [12, 10, 8]");
        }

        for (var i = 0; i < source.Points.Count; i++)
        {
            if (source.Points[i] < 0)
            {
                check.Add($"{path}.points[{i}]", "must be ≥ 0");
            }
        }
    }
}
