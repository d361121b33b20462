using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using KPops.Voting.Entries;

namespace KPops.Voting;

/// <summary>Throws from out-of-line methods so that hot callers stay small enough to inline.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void TooManyPicks(int count) =>
        throw new ArgumentOutOfRangeException(
            nameof(count),
            string.Create(CultureInfo.InvariantCulture, $"A ballot carries at most {BallotPicks.Capacity} picks, not {count}."));

    [DoesNotReturn]
    public static void UnknownId(string kind, string id) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Unknown {kind} '{id}'."), kind);

    [DoesNotReturn]
    public static void InvalidSeason(string message) => throw new ArgumentException(message);

    [DoesNotReturn]
    public static void InvalidOperation(string message) => throw new InvalidOperationException(message);
}
