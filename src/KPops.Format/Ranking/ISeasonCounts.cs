using KPops.Format.Model;

namespace KPops.Format.Ranking;

/// <summary>
/// The counts an announcement is computed from: votes per round × trainee × segment × channel, and the
/// recorded evaluation results. The vote pipeline's live tallies and the auditor's recount both implement it,
/// so both rank through the same code.
/// </summary>
public interface ISeasonCounts
{
    /// <summary>
    /// Votes (picks × channel weight) for <paramref name="trainee"/> in <paramref name="round"/>;
    /// null <paramref name="segment"/> / <paramref name="channel"/> means summed over all.
    /// </summary>
    long Votes(string round, string trainee, string? segment = null, string? channel = null);

    /// <summary>Every evaluation result recorded so far, in the order recorded.</summary>
    IReadOnlyList<EvaluationResult> Results { get; }
}
