namespace KPops.Voting.Ballots;

/// <summary>
/// The outcome of checking a ballot. Values and their string codes (<see cref="BallotCheckCodes"/>) are a
/// public contract (API problem details, receipts, audit findings) and are frozen by test: never renumber.
/// </summary>
public enum BallotCheck : byte
{
    Accepted = 0,
    UnknownRound = 1,
    RoundNotOpen = 2,
    RoundClosed = 3,
    UnknownTrainee = 4,
    NotEligible = 5,
    TooFewPicks = 6,
    TooManyPicks = 7,
    DuplicatePick = 8,
    GroupMin = 9,
    GroupMax = 10,
    OwnSegment = 11,
    UnknownChannel = 12,
    UnknownSegment = 13,
    QuotaExhausted = 14,

    /// <summary>The voter would exceed the round's votes per trainee per period and channel (American Idol's 10).</summary>
    TraineeCap = 15,

    /// <summary>Same voter, round, period, channel and nonce as an accepted ballot: answer with its receipt.</summary>
    DuplicateBallot = 16,

    /// <summary>Not produced by the rules; the ingestion pipeline answers it when its queue is full.</summary>
    RateLimited = 17,

    /// <summary>The ballot's period number is not the one its server time falls in.</summary>
    WrongPeriod = 18,

    /// <summary>The voter's pseudonym is quarantined for this round.</summary>
    VoterQuarantined = 19,

    /// <summary>A ballot in a log before the season was defined (only seen when replaying a broken log).</summary>
    NoSeason = 20,
}
