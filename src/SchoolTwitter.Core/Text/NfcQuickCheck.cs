using System.Globalization;
using System.Text;

namespace SchoolTwitter.Core.Text;

/// <summary>
/// Whether NFC leaves a text as it is, answered without ICU for the characters drafts are written in. ICU's check costs
/// about ten microseconds a call, a fifth of a whole check, for a draft with one curly apostrophe or emoji.
/// </summary>
/// <remarks>
/// A character is "stable" when NFC can neither change it nor compose it with a neighbour: NFC leaves it alone by itself
/// (no singleton or excluded composition) and it is not a combining mark or a Hangul jamo, the only characters that
/// compose with the character before them or reorder. A text of stable characters is NFC. Each BMP character is asked of the
/// runtime's own normaliser once and remembered, so the table follows the runtime's Unicode version rather than a copy.
/// Anything else (other supplementary characters, lone surrogates) goes to the full check.
/// </remarks>
public static class NfcQuickCheck
{
    private const byte Unknown = 0, Stable = 1, Unstable = 2;

    // One byte per BMP character; a race writes the same answer twice, so no lock.
    private static readonly byte[] Table = new byte[char.MaxValue + 1];

    /// <summary>True when NFC would leave <paramref name="text"/> unchanged.</summary>
    public static bool IsNfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x300)
            {
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (!IsStableSupplementary(char.ConvertToUtf32(c, text[i + 1])))
                {
                    return FullCheck(text);
                }
                i++;
                continue;
            }
            var known = Table[c];
            if (known == Unknown)
            {
                known = Table[c] = Classify(c);
            }
            if (known == Unstable)
            {
                return FullCheck(text);
            }
        }
        return true;
    }

    private static byte Classify(char c)
    {
        if (char.IsSurrogate(c) || IsHangulJamo(c))
        {
            return Unstable;
        }
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return Unstable;
        }
        try
        {
            return c.ToString().IsNormalized(NormalizationForm.FormC) ? Stable : Unstable;
        }
        catch (ArgumentException)
        {
            // Noncharacters (U+FFFE, U+FFFF): the full check decides how they count.
            return Unstable;
        }
    }

    // Conjoining jamo compose into syllables; precomposed syllables (U+AC00-U+D7A3) only compose with a jamo after them.
    private static bool IsHangulJamo(char c) => c is >= '\u1100' and <= '\u11FF' or >= '\uA960' and <= '\uA97F' or >= '\uD7B0' and <= '\uD7FF';

    // Emoji, their modifiers and flag tags: no canonical decompositions and combining class 0.
    private static bool IsStableSupplementary(int codePoint) => codePoint is >= 0x1F000 and <= 0x1FAFF or >= 0xE0020 and <= 0xE007F;

    /// <summary>ICU's answer; text .NET refuses to normalise (lone surrogates, noncharacters) counts as written.</summary>
    private static bool FullCheck(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
