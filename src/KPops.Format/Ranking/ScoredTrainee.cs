namespace KPops.Format.Ranking;

/// <summary>A pool member's score and its breakdown, before places are assigned.</summary>
internal sealed record ScoredTrainee(string Trainee, decimal Score, IReadOnlyList<SourceContribution> Breakdown);
