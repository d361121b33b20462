namespace KPops.Format;

/// <summary>
/// The Revised Romanization of Korean's letter tables, indexed the way Unicode composes a Hangul syllable:
/// U+AC00 + (initial × 21 + medial) × 28 + final.
/// </summary>
internal static class RomanizerJamo
{
    public const char FirstSyllable = '\uAC00';
    public const char LastSyllable = '\uD7A3';

    // Initial consonant indices the sound-change rules refer to.
    public const int InitialG = 0;
    public const int InitialN = 2;
    public const int InitialD = 3;
    public const int InitialR = 5;
    public const int InitialM = 6;
    public const int InitialSilent = 11;
    public const int InitialJ = 12;
    public const int InitialH = 18;

    public const int MedialI = 20;

    /// <summary>ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ</summary>
    public static readonly string[] Initials =
        ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];

    /// <summary>ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ</summary>
    public static readonly string[] Medials =
        ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];

    /// <summary>
    /// Finals as pronounced before a pause or a consonant: none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ.
    /// </summary>
    public static readonly string[] Finals =
        ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];

    /// <summary>
    /// A final carried over to a following silent ㅇ (liaison): what stays in the first syllable and what
    /// becomes the next one's initial, e.g. 국어 gugeo, 없어 eopseo, 좋아 joa, 강아지 gangaji.
    /// </summary>
    public static readonly (string Stays, string Moves)[] Liaison =
    [
        ("", ""), ("", "g"), ("", "kk"), ("k", "s"), ("", "n"), ("n", "j"), ("", "n"), ("", "d"), ("", "r"),
        ("l", "g"), ("l", "m"), ("l", "b"), ("l", "s"), ("l", "t"), ("l", "p"), ("", "r"), ("", "m"), ("", "b"),
        ("p", "s"), ("", "s"), ("", "ss"), ("ng", ""), ("", "j"), ("", "ch"), ("", "k"), ("", "t"), ("", "p"), ("", ""),
    ];

    public static bool IsSyllable(char c) => c is >= FirstSyllable and <= LastSyllable;

    public static (int Initial, int Medial, int Final) Decompose(char syllable)
    {
        var offset = syllable - FirstSyllable;
        return (offset / (21 * 28), offset / 28 % 21, offset % 28);
    }

    /// <summary>The syllable on its own, with no neighbour to change it (how RR writes given-name syllables).</summary>
    public static string Standalone(char syllable)
    {
        var (initial, medial, final) = Decompose(syllable);
        return Initials[initial] + Medials[medial] + Finals[final];
    }
}
