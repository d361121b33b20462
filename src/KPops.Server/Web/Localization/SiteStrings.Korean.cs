namespace KPops.Server.Web.Localization;

public sealed partial record SiteStrings
{
    public static SiteStrings Korean { get; } = new()
    {
        Language = WebLanguages.Korean,
        SiteName = "KPops 국민 프로듀서",
        SkipToContent = "본문으로 건너뛰기",
        NavHome = "홈",
        NavTrainees = "연습생",
        NavVote = "투표",
        NavMyBallots = "내 투표",
        NavRankings = "순위",
        NavSignIn = "로그인",
        SwitchLanguage = "언어",
        OtherLanguageName = "English",
        FooterLog = "모든 투표는 공개 로그에 기록됩니다. 누구나 다시 셀 수 있습니다.",
        NotFoundTitle = "페이지를 찾을 수 없습니다",
        NotFoundText = "주소를 확인하거나 홈으로 돌아가세요.",
    };
}
