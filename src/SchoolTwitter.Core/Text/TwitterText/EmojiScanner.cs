using static SchoolTwitter.Core.Text.TwitterTextImpl.CharClasses;

namespace SchoolTwitter.Core.Text.TwitterTextImpl;

/// <summary>
/// Finds emoji sequences (UTS #51) so config v3 can count each once: keycaps, flags (regional-indicator pairs and tag
/// sequences), skin tones, presentation selectors and zero-width-joiner sequences.
/// </summary>
internal static class EmojiScanner
{
    private const char Zwj = '\u200D';
    private const char Vs15 = '\uFE0E';
    private const char Vs16 = '\uFE0F';
    private const char Keycap = '\u20E3';

    /// <summary>The UTF-16 length of the emoji sequence starting at <paramref name="index"/>, or 0 when none starts there.</summary>
    public static int SequenceLength(string text, int index)
    {
        var c = text[index];
        if (c < 0x80)
        {
            // Keycaps: [#*0-9] VS16? U+20E3.
            if (!(IsAsciiDigit(c) || c is '#' or '*')) return 0;
            var k = index + 1;
            if (k < text.Length && text[k] == Vs16) k++;
            return k < text.Length && text[k] == Keycap ? k + 1 - index : 0;
        }
        if (c == Vs16)
        {
            return 1; // A stray presentation selector is an emoji of its own to twitter-text.
        }
        var cp = CodePointAt(text, index, out var count);
        if (IsRegionalIndicator(cp))
        {
            var next = index + count;
            return next < text.Length && IsRegionalIndicator(CodePointAt(text, next, out var second)) ? count + second : count;
        }
        if (!IsExtendedPictographic(cp) && !IsEmojiModifier(cp))
        {
            return 0;
        }
        var i = index + count;
        if (i < text.Length && text[i] == Vs15)
        {
            return 0; // Text presentation requested.
        }
        if (cp < 0x1100 && !(i < text.Length && text[i] == Vs16))
        {
            return 0; // ©, ® and the like are text unless followed by VS16.
        }
        i = SkipModifiers(text, i);
        if (cp == 0x1F3F4)
        {
            // Subdivision flags: black flag, tag letters, cancel tag.
            while (i + 1 < text.Length && CodePointAt(text, i, out _) is >= 0xE0020 and <= 0xE007E) i += 2;
            if (i + 1 < text.Length && CodePointAt(text, i, out _) == 0xE007F) i += 2;
        }
        while (i + 1 < text.Length && text[i] == Zwj)
        {
            var joined = CodePointAt(text, i + 1, out var joinedCount);
            if (!IsExtendedPictographic(joined)) break;
            i = SkipModifiers(text, i + 1 + joinedCount);
        }
        return i - index;
    }

    private static int SkipModifiers(string text, int i)
    {
        if (i < text.Length && text[i] == Vs16) i++;
        if (i + 1 < text.Length && IsEmojiModifier(CodePointAt(text, i, out _))) i += 2;
        if (i < text.Length && text[i] == Vs16) i++;
        return i;
    }
}
