namespace KPops.Server.Web.Localization;

public sealed partial record SiteStrings
{
    public static SiteStrings English { get; } = new()
    {
        Language = WebLanguages.English,
        SiteName = "KPops National Producers",
        SkipToContent = "Skip to content",
        NavHome = "Home",
        NavTrainees = "Trainees",
        NavVote = "Vote",
        NavMyBallots = "My ballots",
        NavRankings = "Rankings",
        NavSignIn = "Sign in",
        SwitchLanguage = "Language",
        OtherLanguageName = "한국어",
        FooterLog = "Every ballot is in a public log: anyone can recount.",
        NotFoundTitle = "Page not found",
        NotFoundText = "Check the address or go back home.",
    };
}
