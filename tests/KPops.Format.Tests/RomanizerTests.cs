using KPops.Format.Model;
using Xunit;

namespace KPops.Format.Tests;

public class RomanizerTests
{
    // Expected spellings are the examples of the Revised Romanization rules (Ministry of Culture and Tourism
    // notice 2000-8, §3.1 sound changes, §3.4 names) and RR place names on Korean road signs.
    [Theory]
    [InlineData("백마", "Baengma")]
    [InlineData("국민", "Gungmin")]
    [InlineData("신라", "Silla")]
    [InlineData("한라산", "Hallasan")]
    [InlineData("대관령", "Daegwallyeong")]
    [InlineData("별내", "Byeollae")]
    [InlineData("칼날", "Kallal")]
    [InlineData("울릉", "Ulleung")]
    [InlineData("종로", "Jongno")]
    [InlineData("왕십리", "Wangsimni")]
    [InlineData("독립", "Dongnip")]
    [InlineData("설악", "Seorak")]
    [InlineData("백암", "Baegam")]
    [InlineData("해돋이", "Haedoji")]
    [InlineData("같이", "Gachi")]
    [InlineData("좋고", "Joko")]
    [InlineData("놓다", "Nota")]
    [InlineData("많고", "Manko")]
    [InlineData("묵호", "Mukho")]
    [InlineData("집현전", "Jiphyeonjeon")]
    [InlineData("오죽헌", "Ojukheon")]
    [InlineData("압구정", "Apgujeong")]
    [InlineData("낙동강", "Nakdonggang")]
    [InlineData("샛별", "Saetbyeol")]
    [InlineData("옥천", "Okcheon")]
    [InlineData("합덕", "Hapdeok")]
    [InlineData("월곶", "Wolgot")]
    [InlineData("벚꽃", "Beotkkot")]
    [InlineData("구미", "Gumi")]
    [InlineData("영동", "Yeongdong")]
    [InlineData("울산", "Ulsan")]
    [InlineData("서울", "Seoul")]
    public void Romanize_writes_the_sound_changes_that_RR_transcribes(string hangul, string expected) =>
        Assert.Equal(expected, Romanizer.Romanize(hangul));

    [Fact]
    public void Romanize_passes_other_characters_through_and_capitalizes_each_Hangul_word() =>
        Assert.Equal("BTS (Bangtansonyeondan) – 2013!", Romanizer.Romanize("BTS (방탄소년단) – 2013!"));

    // Names: conventional surname spelling, then the given name syllable by syllable with no sound change
    // (RR §3.4: 한복남 Han Boknam, 홍빛나 Hong Bitna).
    [Theory]
    [InlineData("김복남", "Kim Boknam")]
    [InlineData("홍빛나", "Hong Bitna")]
    [InlineData("한복남", "Han Boknam")]
    [InlineData("강다니엘", "Kang Daniel")]
    [InlineData("이대휘", "Lee Daehwi")]
    [InlineData("김재환", "Kim Jaehwan")]
    [InlineData("박지훈", "Park Jihun")]
    [InlineData("최민기", "Choi Mingi")]
    [InlineData("정세운", "Jung Seun")]
    [InlineData("류준열", "Yoo Junyeol")]
    [InlineData("임영민", "Lim Yeongmin")]
    [InlineData("남궁민", "Namgoong Min")]
    [InlineData("황보혜정", "Hwangbo Hyejeong")]
    [InlineData("선우정아", "Sunwoo Jeonga")]
    [InlineData("옹성우", "Ong Seongu")]
    public void RomanizeName_spells_the_surname_conventionally_and_the_given_name_by_RR(string hangul, string expected) =>
        Assert.Equal(expected, Romanizer.RomanizeName(hangul));

    [Fact]
    public void A_two_syllable_name_starting_with_a_two_syllable_surname_is_surname_plus_given_name() =>
        Assert.Equal("Sun U", Romanizer.RomanizeName("선우"));

    [Theory]
    [InlineData("김 복남", "Kim Boknam")]
    [InlineData("남궁 민", "Namgoong Min")]
    [InlineData("옹 성우", "Ong Seongu")]
    public void A_space_marks_where_the_surname_ends(string hangul, string expected) =>
        Assert.Equal(expected, Romanizer.RomanizeName(hangul));

    [Fact]
    public void RomanizeName_leaves_a_name_that_is_not_Hangul_as_it_is() =>
        Assert.Equal("Loreen", Romanizer.RomanizeName("Loreen"));

    [Fact]
    public void A_trainee_s_own_spelling_overrides_the_RR_spelling()
    {
        var spelledByHimself = new Trainee { Id = "t002", Hangul = "박지훈", Romanized = "Park Jihoon" };
        var derived = spelledByHimself with { Romanized = null };

        Assert.Equal("Park Jihoon", Romanizer.DisplayRomanized(spelledByHimself));
        Assert.Equal("Park Jihun", Romanizer.DisplayRomanized(derived));
    }

    [Fact]
    public void Preset_trainees_whose_spelling_differs_from_RR_carry_their_own()
    {
        var season = Presets.Load("produce-101-s2");
        string Display(string hangul) => Romanizer.DisplayRomanized(season.Trainees.Single(t => t.Hangul == hangul));

        Assert.Equal("Kang Daniel", Display("강다니엘"));
        Assert.Equal("Ha Sungwoon", Display("하성운"));
        Assert.Equal("Ha Seongun", Romanizer.RomanizeName("하성운"));
        Assert.Equal("Lai Guanlin", Display("라이관린"));
    }
}
