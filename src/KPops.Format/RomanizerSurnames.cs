using System.Collections.Frozen;

namespace KPops.Format;

/// <summary>
/// Surnames as Koreans conventionally spell them in Latin letters (passports, agencies, broadcasters), which
/// for the common ones differs from strict RR (이 Lee rather than I, 박 Park rather than Bak).
/// </summary>
internal static class RomanizerSurnames
{
    public static readonly FrozenDictionary<string, string> TwoSyllable = new Dictionary<string, string>
    {
        ["남궁"] = "Namgoong",
        ["황보"] = "Hwangbo",
        ["제갈"] = "Jegal",
        ["선우"] = "Sunwoo",
        ["독고"] = "Dokgo",
        ["사공"] = "Sakong",
        ["서문"] = "Seomun",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<char, string> OneSyllable = Parse("""
        김 Kim  이 Lee  박 Park  최 Choi  정 Jung  강 Kang  조 Cho  윤 Yoon  장 Jang  임 Lim  한 Han  오 Oh
        서 Seo  신 Shin  권 Kwon  황 Hwang  안 Ahn  송 Song  류 Yoo  유 Yoo  전 Jeon  홍 Hong  고 Ko  문 Moon
        양 Yang  손 Son  배 Bae  백 Baek  허 Heo  노 Noh  하 Ha  곽 Kwak  성 Sung  차 Cha  주 Joo  우 Woo
        구 Koo  민 Min  나 Na  진 Jin  지 Ji  엄 Um  채 Chae  원 Won  천 Cheon  방 Bang  공 Kong  현 Hyun
        함 Ham  변 Byun  염 Yeom  여 Yeo  추 Choo  도 Do  소 So  석 Seok  선 Sun  설 Seol  마 Ma  길 Gil
        연 Yeon  위 Wi  표 Pyo  명 Myung  기 Ki  반 Ban  라 Ra  왕 Wang  금 Geum  옥 Ok  육 Yook  인 In
        맹 Maeng  제 Je  모 Mo  탁 Tak  국 Kook  어 Eo  은 Eun  편 Pyeon  용 Yong  예 Ye  경 Kyung  봉 Bong
        사 Sa  부 Boo  가 Ka  복 Bok  태 Tae  목 Mok  형 Hyung  피 Pi  두 Doo  감 Kam  호 Ho  남 Nam
        심 Shim
        """);

    /// <summary>Reads "성 Spelling" pairs separated by white space.</summary>
    private static FrozenDictionary<char, string> Parse(string table)
    {
        var words = table.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var surnames = new Dictionary<char, string>(words.Length / 2);
        for (var i = 0; i < words.Length; i += 2)
        {
            surnames.Add(words[i][0], words[i + 1]);
        }

        return surnames.ToFrozenDictionary();
    }
}
