namespace KPops.Server.Web.Localization;

// The shape of the table: one property per piece of text. Templates take string.Format arguments ({0}).
public sealed partial record SiteStrings
{
    // Frame
    public required string SiteName { get; init; }
    public required string SkipToContent { get; init; }
    public required string NavHome { get; init; }
    public required string NavTrainees { get; init; }
    public required string NavVote { get; init; }
    public required string NavMyBallots { get; init; }
    public required string NavRankings { get; init; }
    public required string NavSignIn { get; init; }
    public required string SwitchLanguage { get; init; }
    public required string OtherLanguageName { get; init; }
    public required string FooterLog { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required string NoSeason { get; init; }

    // Rounds and times
    public required string Round { get; init; }
    public required string State { get; init; }
    public required string AllRounds { get; init; }
    public required string RoundOpen { get; init; }
    public required string RoundUpcoming { get; init; }
    public required string RoundClosed { get; init; }
    public required string RoundNotFound { get; init; }
    public required string ClosesIn { get; init; }
    public required string OpensIn { get; init; }
    public required string ClosedAt { get; init; }
    public required string KoreaTime { get; init; }

    /// <summary>{0}: the season's IANA time zone.</summary>
    public required string SeasonTime { get; init; }
    public required string YourTime { get; init; }

    /// <summary>Placeholders {d} {h} {m} {s}, filled on the server and again every second by site.js.</summary>
    public required string CountdownFormat { get; init; }
    public required string CountdownDone { get; init; }
    public required string VoteNow { get; init; }

    /// <summary>{0}: how many trainees.</summary>
    public required string SeeAllTrainees { get; init; }

    /// <summary>{0}: the announcement's name.</summary>
    public required string LatestRanking { get; init; }

    // Rules: {0} numbers, {1} a group's name
    public required string TheRule { get; init; }
    public required string RuleExactly { get; init; }
    public required string RulePickRange { get; init; }
    public required string RuleGroupMin { get; init; }
    public required string RuleGroupMax { get; init; }
    public required string RulePerDay { get; init; }
    public required string RulePerRound { get; init; }

    // Trainees
    public required string SearchLabel { get; init; }
    public required string SearchPlaceholder { get; init; }
    public required string Group { get; init; }
    public required string Agency { get; init; }
    public required string Position { get; init; }
    public required string Any { get; init; }
    public required string Filter { get; init; }
    public required string ClearFilters { get; init; }

    /// <summary>{0}: how many trainees match.</summary>
    public required string TraineeCount { get; init; }
    public required string NoTraineeMatches { get; init; }
    public required string TraineeNotFound { get; init; }
    public required string EnglishName { get; init; }
    public required string Nationality { get; init; }
    public required string BirthDate { get; init; }
    public required string VoteForTrainee { get; init; }
    public required string RankHistory { get; init; }
    public required string NoRanksYet { get; init; }
    public required string Fancams { get; init; }
    public required string NoFancams { get; init; }

    /// <summary>The name of a fancam link the season gave no title. {0}: its place in the list (1, 2, …).</summary>
    public required string UntitledFancam { get; init; }

    /// <summary>Read after each fancam link's name (visually hidden): the link leaves the site in a new tab.</summary>
    public required string OpensInNewTab { get; init; }
    public required IReadOnlyDictionary<string, string> Positions { get; init; }

    // Rankings
    public required string Announcement { get; init; }
    public required string Rank { get; init; }
    public required string Name { get; init; }
    public required string Change { get; init; }

    /// <summary>{0}: a rank.</summary>
    public required string RankOrdinal { get; init; }
    public required string NewEntry { get; init; }
    public required string PlacesUp { get; init; }
    public required string PlacesDown { get; init; }
    public required string NoChange { get; init; }
    public required string NoRankingsYet { get; init; }
    public required string RankingNotPublished { get; init; }
    public required string Pyramid { get; init; }
    public required string CutLine { get; init; }

    /// <summary>{0}: the last surviving rank.</summary>
    public required string CutLineAt { get; init; }
    public required string RankingsFromLog { get; init; }
    public required string Survived { get; init; }
    public required string Eliminated { get; init; }

    /// <summary>{0}: the special seat's label (e.g. "X").</summary>
    public required string SpecialSeat { get; init; }

    // Voting
    public required string VotingNeedsScript { get; init; }
    public required string SignInToVote { get; init; }
    public required string VotingFrom { get; init; }
    public required string EligibleTrainees { get; init; }
    public required string SendBallot { get; init; }
    public required VoteText VoteScriptText { get; init; }

    // Sign-in
    public required string SignInIntro { get; init; }
    public required string AddressLabel { get; init; }
    public required string AddressHelp { get; init; }
    public required string SendCode { get; init; }
    public required string CodeLabel { get; init; }
    public required string CodeHelp { get; init; }
    public required string VerifyCode { get; init; }
    public required string SignOut { get; init; }
    public required SignInText SignInScriptText { get; init; }

    // My ballots
    public required string MyBallotsIntro { get; init; }
    public required string NoReceipts { get; init; }
    public required string CastAt { get; init; }
    public required string Picks { get; init; }
    public required string LogIndex { get; init; }
    public required string EntryHash { get; init; }
    public required string Checkpoint { get; init; }
    public required string Verify { get; init; }
    public required MyBallotsText MyBallotsScriptText { get; init; }

    /// <summary>A position's name (<c>vocal</c>, <c>rap</c>, …) in this language; unknown ones as the season spells them.</summary>
    public string PositionName(string position) => Positions.TryGetValue(position, out var name) ? name : position;

    /// <summary>A published seat status (<c>survived</c>, <c>eliminated</c>, <c>specialSeat</c>) in words.</summary>
    public string SeatStatusName(string status, string? seat) => status switch
    {
        "survived" => Survived,
        "eliminated" => Eliminated,
        _ => Format(SpecialSeat, seat ?? ""),
    };
}

/// <summary>The vote page script's messages; {0}, {1} are filled in by vote.js.</summary>
public sealed record VoteText(
    string PickCount, string TooFewPicks, string TooManyPicks, string GroupMin, string GroupMax, string QuotaLeft,
    string QuotaExhausted, string RoundNotOpen, string SignedInAs, string Sending, string Accepted, string Duplicate,
    string Refused, string SeeMyBallots, string SessionExpired);

/// <summary>The sign-in script's messages.</summary>
public sealed record SignInText(string CodeSent, string SignedIn, string SignedOut, string BadAddress, string Failed, string ContinueVoting);

/// <summary>The receipts script's messages; {0}, {1} are filled in by my-ballots.js.</summary>
public sealed record MyBallotsText(
    string ReceiptTitle, string Verifying, string Verified, string NotVerified, string SignatureOk, string SignatureBad,
    string ProofOk, string ProofBad, string KeyFetchFailed);
