namespace KPops.Server.Web.Localization;

// The shape of the table: one property per piece of text. Templates take string.Format arguments ({0}).
public sealed partial record SiteStrings
{
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
}
