namespace KPops.Format;

/// <summary>
/// The sound changes between two syllables that the Revised Romanization writes down (RR §3.1): liaison,
/// nasalization, the ㄹ rules, palatalization and aspiration after ㅎ. Tensing is not written in RR, and
/// neither is aspiration of ㄱ ㄷ ㅂ before ㅎ in nouns (묵호 Mukho, 집현전 Jiphyeonjeon), so neither is applied.
/// </summary>
internal static class RomanizerSoundChanges
{
    private enum FinalSound { None, K, T, P, N, L, M, Ng }

    // What each final (by Unicode index) sounds like before a consonant.
    private static readonly FinalSound[] SoundOfFinal =
    [
        FinalSound.None, FinalSound.K, FinalSound.K, FinalSound.K, FinalSound.N, FinalSound.N, FinalSound.N,
        FinalSound.T, FinalSound.L, FinalSound.K, FinalSound.M, FinalSound.L, FinalSound.L, FinalSound.L,
        FinalSound.P, FinalSound.L, FinalSound.M, FinalSound.P, FinalSound.P, FinalSound.T, FinalSound.T,
        FinalSound.Ng, FinalSound.T, FinalSound.T, FinalSound.K, FinalSound.T, FinalSound.P, FinalSound.T,
    ];

    private const int FinalD = 7;
    private const int FinalT = 25;
    private const int FinalNh = 6;
    private const int FinalLh = 15;
    private const int FinalH = 27;

    /// <summary>
    /// How the final of one syllable and the initial of the next are written when they meet.
    /// </summary>
    public static (string Final, string Initial) Join(int final, int nextInitial, int nextMedial)
    {
        if (final == 0)
        {
            return ("", RomanizerJamo.Initials[nextInitial]);
        }

        if (nextInitial == RomanizerJamo.InitialSilent)
        {
            // Palatalization: 굳이 guji, 같이 gachi.
            if (nextMedial == RomanizerJamo.MedialI && final is FinalD or FinalT)
            {
                return ("", final == FinalD ? "j" : "ch");
            }

            return RomanizerJamo.Liaison[final];
        }

        if (final is FinalH or FinalNh or FinalLh && Aspirated(nextInitial) is { } aspirated)
        {
            // 좋고 joko, 놓다 nota, 많지 manchi, 싫다 silta.
            var stays = final == FinalNh ? "n" : final == FinalLh ? "l" : "";
            return (stays, aspirated);
        }

        var sound = SoundOfFinal[final];
        var written = RomanizerJamo.Finals[final];
        var initial = RomanizerJamo.Initials[nextInitial];
        return nextInitial switch
        {
            RomanizerJamo.InitialN or RomanizerJamo.InitialM => sound switch
            {
                FinalSound.K => ("ng", initial),        // 백마 Baengma, 국민 gungmin
                FinalSound.T => ("n", initial),         // 잇몸 inmom, 놓는 nonneun
                FinalSound.P => ("m", initial),         // 밥물 bammul
                FinalSound.L when nextInitial == RomanizerJamo.InitialN => ("l", "l"), // 칼날 kallal
                _ => (written, initial),
            },
            RomanizerJamo.InitialR => sound switch
            {
                FinalSound.N or FinalSound.L => ("l", "l"), // 신라 Silla, 물론 mullon
                FinalSound.K => ("ng", "n"),                 // 독립 dongnip, 백리 baengni
                FinalSound.P => ("m", "n"),                  // 협력 hyeomnyeok, 왕십리 Wangsimni
                FinalSound.T => ("n", "n"),
                _ => (written, "n"),                         // 종로 Jongno, 담력 damnyeok
            },
            _ => (written, initial),
        };
    }

    private static string? Aspirated(int initial) => initial switch
    {
        RomanizerJamo.InitialG => "k",
        RomanizerJamo.InitialD => "t",
        RomanizerJamo.InitialJ => "ch",
        _ => null,
    };
}
