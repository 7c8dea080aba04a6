namespace SchoolTwitter.Core.Text;

/// <summary>
/// Step of the offensive matcher: digits and symbols standing for letters ("sh1t", "5h!t", "@ss", "a$$", "b!+ch", "liv€"),
/// the hand-written leetspeak table plus every symbol Unicode's confusables data reads as a letter or digit (¢, ©, ①, ∂).
/// </summary>
internal static class Leetspeak
{
    /// <summary>The letter a leetspeak character stands for (<paramref name="oneAsL"/>: read 1, ! and | as l rather than i), else <see cref="TextFolding.Removed"/>.</summary>
    public static char Letter(char c, bool oneAsL = false)
    {
        if (c < 0x80) return Digit(c, oneAsL);
        var looks = Confusables.Symbol(c);
        return char.IsAsciiDigit(looks) ? Digit(looks, oneAsL) : looks;
    }

    /// <summary>True for a character that can stand for a letter.</summary>
    public static bool IsLeet(char c) => Letter(c) != TextFolding.Removed;

    /// <summary>
    /// Writes <paramref name="word"/> with every leetspeak character read as its letter (letters, apostrophes and asterisks kept).
    /// False when nothing changed, when the word has a character that is none of those, or when it has neither a letter nor
    /// a leetspeak symbol (@ $ ! | +): a number is a number ("£455", "7175" stay numbers), "@$$" is a word.
    /// </summary>
    public static bool TryUndo(ReadOnlySpan<char> word, Span<char> output, bool oneAsL = false)
    {
        var changed = false;
        var letters = 0;
        for (var k = 0; k < word.Length; k++)
        {
            var c = word[k];
            if (char.IsLetter(c)) { output[k] = c; letters++; continue; }
            if (c is '\'' or '*') { output[k] = c; continue; }
            var l = Letter(c, oneAsL);
            if (l == TextFolding.Removed) return false;
            output[k] = l;
            changed = true;
            if (c is '@' or '$' or '!' or '|' or '+') letters++;
        }
        return changed && letters > 0;
    }

    private static char Digit(char c, bool oneAsL) => c switch
    {
        '4' or '@' => 'a',
        '3' => 'e',
        '1' or '!' or '|' => oneAsL ? 'l' : 'i',
        '0' => 'o',
        '5' or '$' => 's',
        '7' or '+' => 't',
        '8' => 'b',
        '9' or '6' => 'g',
        _ => TextFolding.Removed,
    };
}
