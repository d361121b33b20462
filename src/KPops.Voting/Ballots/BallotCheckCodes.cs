namespace KPops.Voting.Ballots;

/// <summary>The stable kebab-case code of each <see cref="BallotCheck"/>, as APIs and audit reports show it.</summary>
public static class BallotCheckCodes
{
    private static readonly string[] Codes =
    [
        "accepted",
        "unknown-round",
        "round-not-open",
        "round-closed",
        "unknown-trainee",
        "not-eligible",
        "too-few-picks",
        "too-many-picks",
        "duplicate-pick",
        "group-min",
        "group-max",
        "own-segment",
        "unknown-channel",
        "unknown-segment",
        "quota-exhausted",
        "trainee-cap",
        "duplicate-ballot",
        "rate-limited",
        "wrong-period",
        "voter-quarantined",
        "no-season",
    ];

    /// <summary>Every check in value order.</summary>
    public static IReadOnlyList<BallotCheck> All { get; } = Enumerable.Range(0, Codes.Length).Select(i => (BallotCheck)i).ToArray();

    /// <summary>The code; returns a cached string, so it is free on the hot path.</summary>
    public static string ToCode(this BallotCheck check) =>
        (uint)check < (uint)Codes.Length ? Codes[(int)check] : "unknown";

    public static bool TryParse(string code, out BallotCheck check)
    {
        var index = Array.IndexOf(Codes, code);
        check = index < 0 ? default : (BallotCheck)index;
        return index >= 0;
    }
}
