using System.Text;
using KPops.Format.Model;

namespace KPops.Format;

/// <summary>
/// Hangul to Latin letters by the Revised Romanization of Korean (Ministry of Culture and Tourism, 2000):
/// <see cref="Romanize"/> for words and titles, with the sound changes RR writes between syllables;
/// <see cref="RomanizeName"/> for personal names, which RR writes syllable by syllable, after a surname in its
/// conventional spelling. Characters that are not Hangul syllables pass through unchanged.
/// </summary>
public static class Romanizer
{
    /// <summary>
    /// Romanizes Hangul text, e.g. 백마 → Baengma, 신라 → Silla, 좋고 → Joko. Each run of Hangul syllables is one
    /// word: sound changes apply inside it, and its first letter is capitalized (the text is a name or title).
    /// </summary>
    public static string Romanize(string hangul)
    {
        ArgumentNullException.ThrowIfNull(hangul);
        var output = new StringBuilder(hangul.Length * 3);
        var index = 0;
        while (index < hangul.Length)
        {
            if (!RomanizerJamo.IsSyllable(hangul[index]))
            {
                output.Append(hangul[index++]);
                continue;
            }

            var end = index;
            while (end < hangul.Length && RomanizerJamo.IsSyllable(hangul[end]))
            {
                end++;
            }

            AppendCapitalized(output, RomanizeWord(hangul.AsSpan(index, end - index)));
            index = end;
        }

        return output.ToString();
    }

    /// <summary>
    /// Romanizes a Korean personal name as "Surname Given": the surname in its conventional spelling
    /// (김 Kim, 이 Lee, 박 Park; two-syllable surnames such as 남궁 Namgoong when the name is longer than two
    /// syllables), the given name by RR without sound changes, as RR's rule for names requires
    /// (김복남 → Kim Boknam, 강다니엘 → Kang Daniel). Text that is not a Hangul name goes to <see cref="Romanize"/>.
    /// </summary>
    public static string RomanizeName(string hangulName)
    {
        ArgumentNullException.ThrowIfNull(hangulName);
        var name = hangulName.Trim();

        // "김 복남": the writer has already marked where the surname ends.
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && IsAllSyllables(name[..space]) && IsAllSyllables(name[(space + 1)..]))
        {
            return Surname(name[..space]) + " " + Given(name[(space + 1)..]);
        }

        if (name.Length < 2 || !IsAllSyllables(name))
        {
            return Romanize(hangulName);
        }

        var surnameLength = name.Length > 2 && RomanizerSurnames.TwoSyllable.ContainsKey(name[..2]) ? 2 : 1;
        return Surname(name[..surnameLength]) + " " + Given(name[surnameLength..]);
    }

    /// <summary>The name to show for a trainee: their own spelling when they have one, else <see cref="RomanizeName"/>.</summary>
    public static string DisplayRomanized(Trainee trainee)
    {
        ArgumentNullException.ThrowIfNull(trainee);
        return trainee.Romanized ?? RomanizeName(trainee.Hangul);
    }

    private static string Surname(string hangul)
    {
        if (RomanizerSurnames.TwoSyllable.TryGetValue(hangul, out var twoSyllable))
        {
            return twoSyllable;
        }

        return hangul.Length == 1 && RomanizerSurnames.OneSyllable.TryGetValue(hangul[0], out var conventional)
            ? conventional
            : Given(hangul);
    }

    /// <summary>Syllable by syllable, with no sound change between them (RR's rule for given names).</summary>
    private static string Given(string hangul)
    {
        var given = new StringBuilder(hangul.Length * 3);
        foreach (var syllable in hangul)
        {
            given.Append(RomanizerJamo.Standalone(syllable));
        }

        return Capitalize(given.ToString());
    }

    private static string RomanizeWord(ReadOnlySpan<char> word)
    {
        var output = new StringBuilder(word.Length * 3);
        var (initial, medial, final) = RomanizerJamo.Decompose(word[0]);
        output.Append(RomanizerJamo.Initials[initial]);
        for (var i = 0; i < word.Length; i++)
        {
            output.Append(RomanizerJamo.Medials[medial]);
            if (i == word.Length - 1)
            {
                output.Append(RomanizerJamo.Finals[final]);
                break;
            }

            var (nextInitial, nextMedial, nextFinal) = RomanizerJamo.Decompose(word[i + 1]);
            var (finalText, initialText) = RomanizerSoundChanges.Join(final, nextInitial, nextMedial);
            output.Append(finalText).Append(initialText);
            (medial, final) = (nextMedial, nextFinal);
        }

        return output.ToString();
    }

    private static bool IsAllSyllables(string text)
    {
        foreach (var c in text)
        {
            if (!RomanizerJamo.IsSyllable(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendCapitalized(StringBuilder output, string word)
    {
        if (word.Length > 0)
        {
            output.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
        }
    }

    private static string Capitalize(string word) =>
        word.Length == 0 ? word : string.Concat(char.ToUpperInvariant(word[0]).ToString(), word.AsSpan(1));
}
