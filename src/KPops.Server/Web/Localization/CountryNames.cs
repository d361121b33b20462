using System.Collections.Frozen;
using System.Globalization;

namespace KPops.Server.Web.Localization;

/// <summary>
/// A trainee's nationality (ISO 3166-1 alpha-2) named in the page's language. .NET names regions only in English
/// (<see cref="RegionInfo.EnglishName"/>) or in their own language (<see cref="RegionInfo.DisplayName"/> gives 日本 for
/// Japan whatever the request's language), so Korean names come from this table: the countries survival shows draw
/// their trainees from. A code not in it falls back to the English name, then to the code itself.
/// </summary>
public static class CountryNames
{
    private static readonly FrozenDictionary<string, string> Korean = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AL"] = "알바니아",
        ["AM"] = "아르메니아",
        ["AR"] = "아르헨티나",
        ["AT"] = "오스트리아",
        ["AU"] = "오스트레일리아",
        ["AZ"] = "아제르바이잔",
        ["BE"] = "벨기에",
        ["BG"] = "불가리아",
        ["BR"] = "브라질",
        ["BY"] = "벨라루스",
        ["CA"] = "캐나다",
        ["CH"] = "스위스",
        ["CL"] = "칠레",
        ["CN"] = "중국",
        ["CY"] = "키프로스",
        ["CZ"] = "체코",
        ["DE"] = "독일",
        ["DK"] = "덴마크",
        ["EE"] = "에스토니아",
        ["ES"] = "스페인",
        ["FI"] = "핀란드",
        ["FR"] = "프랑스",
        ["GB"] = "영국",
        ["GE"] = "조지아",
        ["GR"] = "그리스",
        ["HK"] = "홍콩",
        ["HR"] = "크로아티아",
        ["HU"] = "헝가리",
        ["ID"] = "인도네시아",
        ["IE"] = "아일랜드",
        ["IL"] = "이스라엘",
        ["IN"] = "인도",
        ["IS"] = "아이슬란드",
        ["IT"] = "이탈리아",
        ["JP"] = "일본",
        ["KH"] = "캄보디아",
        ["KR"] = "대한민국",
        ["KZ"] = "카자흐스탄",
        ["LT"] = "리투아니아",
        ["LV"] = "라트비아",
        ["MD"] = "몰도바",
        ["MN"] = "몽골",
        ["MO"] = "마카오",
        ["MT"] = "몰타",
        ["MX"] = "멕시코",
        ["MY"] = "말레이시아",
        ["NL"] = "네덜란드",
        ["NO"] = "노르웨이",
        ["NZ"] = "뉴질랜드",
        ["PE"] = "페루",
        ["PH"] = "필리핀",
        ["PL"] = "폴란드",
        ["PT"] = "포르투갈",
        ["RO"] = "루마니아",
        ["RS"] = "세르비아",
        ["RU"] = "러시아",
        ["SE"] = "스웨덴",
        ["SG"] = "싱가포르",
        ["SI"] = "슬로베니아",
        ["SK"] = "슬로바키아",
        ["SM"] = "산마리노",
        ["TH"] = "태국",
        ["TR"] = "튀르키예",
        ["TW"] = "대만",
        ["UA"] = "우크라이나",
        ["US"] = "미국",
        ["UZ"] = "우즈베키스탄",
        ["VN"] = "베트남",
        ["ZA"] = "남아프리카 공화국",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The country's name in <paramref name="language"/> (<c>ko</c> or <c>en</c>).</summary>
    public static string Of(string code, string language)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (language == WebLanguages.Korean && Korean.TryGetValue(code, out var korean))
        {
            return korean;
        }

        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
