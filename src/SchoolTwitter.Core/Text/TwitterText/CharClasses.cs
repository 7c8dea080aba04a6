using System.Globalization;
using System.Runtime.CompilerServices;

namespace SchoolTwitter.Core.Text.TwitterTextImpl;

/// <summary>
/// The character classes of twitter-text's regular expressions, as plain predicates so the scanners need no Regex.
/// Java's CASE_INSENSITIVE folds ASCII only, so every ASCII letter test accepts both cases and nothing else is folded.
/// </summary>
internal static class CharClasses
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiAlnum(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);

    /// <summary>twitter-text's LATIN_ACCENTS_CHARS.</summary>
    public static bool IsLatinAccent(char c) =>
        c >= 0x00C0 && (
            (c <= 0x00D6) || (c >= 0x00D8 && c <= 0x00F6) || (c >= 0x00F8 && c <= 0x024F) ||
            c is '\u0253' or '\u0254' or '\u0256' or '\u0257' or '\u0259' or '\u025B' or '\u0263' or '\u0268' or '\u026F'
                or '\u0272' or '\u0289' or '\u028B' or '\u02BB' ||
            (c >= 0x0300 && c <= 0x036F) || (c >= 0x1E00 && c <= 0x1EFF));

    public static bool IsCyrillic(char c) => c >= 0x0400 && c <= 0x04FF;

    /// <summary>URL_VALID_CHARS: the characters of a domain label.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUrlValidChar(char c) => c < 0x80 ? IsAsciiAlnum(c) : IsLatinAccent(c);

    /// <summary>The characters that may not come straight after a TLD: <c>[a-z0-9@+-]</c>.</summary>
    public static bool IsTldFollowerExcluded(char c) => IsAsciiAlnum(c) || c is '@' or '+' or '-';

    /// <summary>URL_VALID_PRECEDING_CHARS' exclusions: a URL may not follow a letter, digit, @, $ or #.</summary>
    public static bool IsUrlPrecedingExcluded(char c) =>
        IsAsciiAlnum(c) || c is '@' or '\uFF20' or '$' or '#' or '\uFF03' or '\uFFFE' or '\uFEFF' or '\uFFFF';

    private const string Punctuation = "-_!\"#$%&'()*+,./:;<=>?@[]^`{|}~";

    /// <summary>URL_VALID_UNICODE_CHARS: anything but ASCII punctuation, Java's \s, separators and General Punctuation.</summary>
    public static bool IsUrlUnicodeChar(char c)
    {
        if (c < 0x80)
        {
            return !(c is ' ' or '\t' or '\n' or '\u000B' or '\f' or '\r') && Punctuation.IndexOf(c) < 0;
        }
        if (c >= 0x2000 && c <= 0x206F)
        {
            return false;
        }
        var category = char.GetUnicodeCategory(c);
        return category is not (UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
    }

    /// <summary>URL_VALID_GENERAL_PATH_CHARS.</summary>
    public static bool IsPathChar(char c)
    {
        if (c < 0x80)
        {
            return IsAsciiAlnum(c) || c is '!' or '*' or '\'' or ';' or ':' or '=' or '+' or ',' or '.' or '$' or '/' or '%'
                or '#' or '[' or ']' or '-' or '_' or '~' or '|' or '&' or '@';
        }
        return c == '\u2013' || IsLatinAccent(c) || IsCyrillic(c);
    }

    /// <summary>URL_VALID_PATH_ENDING_CHARS (without the balanced-parentheses alternative).</summary>
    public static bool IsPathEndingChar(char c)
    {
        if (c < 0x80)
        {
            return IsAsciiAlnum(c) || c is '=' or '_' or '#' or '/' or '-' or '+';
        }
        return IsLatinAccent(c) || IsCyrillic(c);
    }

    /// <summary>URL_VALID_URL_QUERY_CHARS.</summary>
    public static bool IsQueryChar(char c) =>
        c < 0x80 && (IsAsciiAlnum(c) || c is '!' or '?' or '*' or '\'' or '(' or ')' or ';' or ':' or '&' or '=' or '+'
            or '$' or '/' or '%' or '#' or '[' or ']' or '-' or '_' or '.' or ',' or '~' or '|' or '@');

    /// <summary>URL_VALID_URL_QUERY_ENDING_CHARS.</summary>
    public static bool IsQueryEndingChar(char c) => c < 0x80 && (IsAsciiAlnum(c) || c is '-' or '_' or '&' or '=' or '#' or '/');

    /// <summary>twitter-text's UNICODE_SPACES.</summary>
    public static bool IsUnicodeSpace(char c) =>
        (c >= '\u0009' && c <= '\u000D') || c is ' ' or '\u0085' or '\u00A0' or '\u1680' or '\u180E'
            || (c >= '\u2000' && c <= '\u200A') || c is '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000';

    /// <summary>Java's <c>\s</c> without UNICODE_CHARACTER_CLASS.</summary>
    public static bool IsJavaSpace(char c) => c is ' ' or '\t' or '\n' or '\u000B' or '\f' or '\r';

    /// <summary>Java's POSIX <c>\p{Punct}</c>: ASCII punctuation only.</summary>
    public static bool IsJavaPunct(char c) => c < 0x80 && Punctuation.IndexOf(c) >= 0;

    /// <summary>Characters twitter-text never accepts in a tweet.</summary>
    public static bool IsInvalidTweetChar(char c) => c is '\uFFFE' or '\uFEFF' or '\uFFFF';

    // ---- Hashtags ----

    private static readonly int[] ExtraLettersAndMarks =
    [
        0x037F, 0x037F, 0x0528, 0x052F, 0x08A0, 0x08B2, 0x08E4, 0x08FF, 0x0978, 0x0978, 0x0980, 0x0980, 0x0C00, 0x0C00,
        0x0C34, 0x0C34, 0x0C81, 0x0C81, 0x0D01, 0x0D01, 0x0EDE, 0x0EDF, 0x10C7, 0x10C7, 0x10CD, 0x10CD, 0x10FD, 0x10FF,
        0x16F1, 0x16F8, 0x17B4, 0x17B5, 0x191D, 0x191E, 0x1AB0, 0x1ABE, 0x1BAB, 0x1BAD, 0x1BBA, 0x1BBF, 0x1CF3, 0x1CF6,
        0x1CF8, 0x1CF9, 0x1DE7, 0x1DF5, 0x2CF2, 0x2CF3, 0x2D27, 0x2D27, 0x2D2D, 0x2D2D, 0x2D66, 0x2D67, 0x9FCC, 0x9FCC,
        0xA674, 0xA67B, 0xA698, 0xA69D, 0xA69F, 0xA69F, 0xA792, 0xA79F, 0xA7AA, 0xA7AD, 0xA7B0, 0xA7B1, 0xA7F7, 0xA7F9,
        0xA9E0, 0xA9EF, 0xA9FA, 0xA9FE, 0xAA7C, 0xAA7F, 0xAAE0, 0xAAEF, 0xAAF2, 0xAAF6, 0xAB30, 0xAB5A, 0xAB5C, 0xAB5F,
        0xAB64, 0xAB65, 0xF870, 0xF87F, 0xF882, 0xF882, 0xF884, 0xF89F, 0xF8B8, 0xF8B8, 0xF8C1, 0xF8D6, 0xFA2E, 0xFA2F,
        0xFE27, 0xFE2D,
    ];

    private static readonly int[] ExtraNumerals = [0x0DE6, 0x0DEF, 0xA9F0, 0xA9F9];

    /// <summary>HASHTAG_LETTERS_AND_MARKS: Unicode letters and marks plus twitter-text's additions.</summary>
    public static bool IsHashtagLetterOrMark(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return IsAsciiLetter((char)codePoint);
        }
        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        if (category <= UnicodeCategory.EnclosingMark)
        {
            return true; // Lu, Ll, Lt, Lm, Lo, Mn, Mc, Me are the first eight categories.
        }
        return InRanges(ExtraLettersAndMarks, codePoint);
    }

    /// <summary>HASHTAG_NUMERALS: decimal digits plus twitter-text's additions.</summary>
    public static bool IsHashtagNumeral(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return IsAsciiDigit((char)codePoint);
        }
        return CharUnicodeInfo.GetUnicodeCategory(codePoint) == UnicodeCategory.DecimalDigitNumber || InRanges(ExtraNumerals, codePoint);
    }

    /// <summary>HASHTAG_SPECIAL_CHARS.</summary>
    public static bool IsHashtagSpecial(int codePoint) =>
        codePoint is '_' or 0x200C or 0x200D or 0xA67E or 0x05BE or 0x05F3 or 0x05F4 or 0xFF5E or 0x301C or 0x309B or 0x309C
            or 0x30A0 or 0x30FB or 0x3003 or 0x0F0B or 0x0F0C or 0x00B7;

    public static bool IsHashtagChar(int codePoint) =>
        IsHashtagLetterOrMark(codePoint) || IsHashtagNumeral(codePoint) || IsHashtagSpecial(codePoint);

    // ---- Emoji ----

    public static bool IsExtendedPictographic(int codePoint) =>
        codePoint >= 0xA9 && InRanges(TwitterTextData.ExtendedPictographicRanges, codePoint);

    public static bool IsEmojiModifier(int codePoint) => codePoint >= 0x1F3FB && codePoint <= 0x1F3FF;

    public static bool IsRegionalIndicator(int codePoint) => codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;

    /// <summary>Binary search over sorted inclusive [start, end] pairs.</summary>
    private static bool InRanges(int[] ranges, int codePoint)
    {
        int lo = 0, hi = (ranges.Length / 2) - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (codePoint < ranges[2 * mid]) hi = mid - 1;
            else if (codePoint > ranges[(2 * mid) + 1]) lo = mid + 1;
            else return true;
        }
        return false;
    }

    /// <summary>The code point at <paramref name="index"/>; a lone surrogate is returned as itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CodePointAt(string text, int index, out int charCount)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            charCount = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }
        charCount = 1;
        return c;
    }
}
