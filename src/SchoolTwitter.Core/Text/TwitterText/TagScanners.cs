using static SchoolTwitter.Core.Text.TwitterTextImpl.CharClasses;

namespace SchoolTwitter.Core.Text.TwitterTextImpl;

/// <summary>A mention as twitter-text extracts it: the screen name and, for a list, its "/slug".</summary>
internal readonly record struct MentionMatch(int Start, int End, string ScreenName, string? ListSlug);

/// <summary>
/// twitter-text's hashtag, mention and cashtag extraction (VALID_HASHTAG, VALID_MENTION_OR_LIST, VALID_CASHTAG and their
/// end checks), as scanners that reproduce the regexes' leftmost matches, including matches that are then discarded and
/// so consume text.
/// </summary>
internal static class TagScanners
{
    // ---- Hashtags: (^|\uFE0E|\uFE0F|[^&LNS])([#＃])(?![\uFE0F\u20E3])(LNS* L LNS*), then not followed by # or :// ----

    public static void ExtractHashtags(string text, List<TextEntity> into)
    {
        if (text.AsSpan().IndexOfAny('#', '\uFF03') < 0)
        {
            return;
        }
        var from = 0;
        while (TryFindHashtag(text, from, out var hash, out var end))
        {
            from = end;
            if (!StartsInvalidHashtagEnd(text, end))
            {
                into.Add(new TextEntity(TextEntityKind.Hashtag, hash, end - hash, text.Substring(hash + 1, end - hash - 1)));
            }
        }
    }

    private static bool TryFindHashtag(string text, int from, out int hash, out int end)
    {
        for (var p = from; p < text.Length; p++)
        {
            // Java steps over the second half of a surrogate pair when a pattern holds supplementary characters.
            if (p > from && char.IsLowSurrogate(text[p]) && char.IsHighSurrogate(text[p - 1]))
            {
                continue;
            }
            if (p == 0 && TryHashtagAt(text, 0, out end))
            {
                hash = 0;
                return true;
            }
            var cp = CodePointAt(text, p, out var count);
            var precedes = cp is 0xFE0E or 0xFE0F || (cp != '&' && !IsHashtagChar(cp));
            if (precedes && TryHashtagAt(text, p + count, out end))
            {
                hash = p + count;
                return true;
            }
        }
        hash = end = 0;
        return false;
    }

    private static bool TryHashtagAt(string text, int hash, out int end)
    {
        end = 0;
        if (hash >= text.Length || text[hash] is not ('#' or '\uFF03'))
        {
            return false;
        }
        var i = hash + 1;
        if (i < text.Length && text[i] is '\uFE0F' or '\u20E3')
        {
            return false;
        }
        var hasLetter = false;
        while (i < text.Length)
        {
            var cp = CodePointAt(text, i, out var count);
            if (IsHashtagLetterOrMark(cp)) hasLetter = true;
            else if (!IsHashtagNumeral(cp) && !IsHashtagSpecial(cp)) break;
            i += count;
        }
        end = i;
        return hasLetter;
    }

    private static bool StartsInvalidHashtagEnd(string text, int end) =>
        end < text.Length && (text[end] is '#' or '\uFF03' || text.AsSpan(end).StartsWith("://", StringComparison.Ordinal));

    // ---- Mentions: ([^a-z0-9_!#$%&*@＠]|^|(?:^|[^a-z0-9_+~.-])RT:?)([@＠]+)([a-z0-9_]{1,20})(/[a-z][a-z0-9_\-]{0,24})? ----

    public static void ExtractMentionsOrLists(string text, List<MentionMatch> into)
    {
        if (text.AsSpan().IndexOfAny('@', '\uFF20') < 0)
        {
            return;
        }
        var from = 0;
        while (TryFindMention(text, from, out var match))
        {
            from = match.End;
            if (!StartsInvalidMentionEnd(text, match.End))
            {
                into.Add(match);
            }
        }
    }

    private static bool TryFindMention(string text, int from, out MentionMatch match)
    {
        for (var p = from; p < text.Length; p++)
        {
            var cp = CodePointAt(text, p, out var count);
            if (!(cp < 0x80 && IsMentionPrecedingExcluded((char)cp)) && cp is not (0xFF20) && TryMentionAt(text, p + count, out match))
            {
                return true;
            }
            if (p == 0 && TryMentionAt(text, 0, out match))
            {
                return true;
            }
            // (?:^|[^a-z0-9_+~.-])RT:?
            if (p == 0 && TryRetweetPrefix(text, 0, out match))
            {
                return true;
            }
            if (!(cp < 0x80 && IsRetweetPrecedingExcluded((char)cp)) && TryRetweetPrefix(text, p + count, out match))
            {
                return true;
            }
        }
        match = default;
        return false;
    }

    private static bool IsMentionPrecedingExcluded(char c) => IsAsciiAlnum(c) || c is '_' or '!' or '#' or '$' or '%' or '&' or '*' or '@';

    private static bool IsRetweetPrecedingExcluded(char c) => IsAsciiAlnum(c) || c is '_' or '+' or '~' or '.' or '-';

    private static bool TryRetweetPrefix(string text, int at, out MentionMatch match)
    {
        match = default;
        if (at + 2 > text.Length || (text[at] | 0x20) != 'r' || (text[at + 1] | 0x20) != 't')
        {
            return false;
        }
        var next = at + 2;
        return (next < text.Length && text[next] == ':' && TryMentionAt(text, next + 1, out match)) || TryMentionAt(text, next, out match);
    }

    private static bool TryMentionAt(string text, int at, out MentionMatch match)
    {
        match = default;
        var n = text.Length;
        var i = at;
        while (i < n && text[i] is '@' or '\uFF20') i++;
        if (i == at)
        {
            return false;
        }
        var nameStart = i;
        while (i < n && i - nameStart < 20 && IsScreenNameChar(text[i])) i++;
        if (i == nameStart)
        {
            return false;
        }
        var nameEnd = i;
        string? slug = null;
        if (i + 1 < n && text[i] == '/' && IsAsciiLetter(text[i + 1]))
        {
            var slugStart = i;
            i += 2;
            while (i < n && i - slugStart < 26 && (IsScreenNameChar(text[i]) || text[i] == '-')) i++;
            slug = text.Substring(slugStart, i - slugStart);
        }
        match = new MentionMatch(nameStart - 1, i, text.Substring(nameStart, nameEnd - nameStart), slug);
        return true;
    }

    /// <summary>VALID_REPLY: ^(UNICODE_SPACES|DIRECTIONAL_CHARACTERS)*[@＠]([a-z0-9_]{1,20}), not followed by an invalid mention end.</summary>
    public static string? ExtractReplyScreenName(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var i = 0;
        while (true)
        {
            if (i < text.Length && IsUnicodeSpace(text[i])) i++;
            else if (text.AsSpan(i).StartsWith(DirectionalSequence, StringComparison.Ordinal)) i += DirectionalSequence.Length;
            else break;
        }
        if (i >= text.Length || text[i] is not ('@' or '\uFF20'))
        {
            return null;
        }
        var nameStart = ++i;
        while (i < text.Length && i - nameStart < 20 && IsScreenNameChar(text[i])) i++;
        return i == nameStart || StartsInvalidMentionEnd(text, i) ? null : text.Substring(nameStart, i - nameStart);
    }

    private static bool IsScreenNameChar(char c) => IsAsciiAlnum(c) || c == '_';

    private static bool StartsInvalidMentionEnd(string text, int end)
    {
        if (end >= text.Length)
        {
            return false;
        }
        var c = text[end];
        return c is '@' or '\uFF20' || IsLatinAccent(c) || text.AsSpan(end).StartsWith("://", StringComparison.Ordinal);
    }

    // ---- Cashtags: (^|UNICODE_SPACES|DIRECTIONAL_CHARACTERS)(\$)([a-z]{1,6}(?:[._][a-z]{1,2})?)(?=$|\s|\p{Punct}) ----

    // twitter-text concatenates the directional marks without brackets, so the regex wants all twelve in a row.
    private const string DirectionalSequence = "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    public static void ExtractCashtags(string text, List<TextEntity> into)
    {
        if (!text.Contains('$'))
        {
            return;
        }
        var from = 0;
        while (TryFindCashtag(text, from, out var dollar, out var end))
        {
            from = end;
            into.Add(new TextEntity(TextEntityKind.Cashtag, dollar, end - dollar, text.Substring(dollar + 1, end - dollar - 1)));
        }
    }

    private static bool TryFindCashtag(string text, int from, out int dollar, out int end)
    {
        for (var p = from; p < text.Length; p++)
        {
            if (p == 0 && TryCashtagAt(text, 0, out end))
            {
                dollar = 0;
                return true;
            }
            if (IsUnicodeSpace(text[p]) && TryCashtagAt(text, p + 1, out end))
            {
                dollar = p + 1;
                return true;
            }
            if (text.AsSpan(p).StartsWith(DirectionalSequence, StringComparison.Ordinal) &&
                TryCashtagAt(text, p + DirectionalSequence.Length, out end))
            {
                dollar = p + DirectionalSequence.Length;
                return true;
            }
        }
        dollar = end = 0;
        return false;
    }

    private static bool TryCashtagAt(string text, int dollar, out int end)
    {
        end = 0;
        var n = text.Length;
        if (dollar >= n || text[dollar] != '$')
        {
            return false;
        }
        var letters = 0;
        while (dollar + 1 + letters < n && letters < 6 && IsAsciiLetter(text[dollar + 1 + letters])) letters++;
        for (var k = letters; k >= 1; k--)
        {
            var e = dollar + 1 + k;
            if (e < n && text[e] is '.' or '_')
            {
                var suffix = 0;
                while (e + 1 + suffix < n && suffix < 2 && IsAsciiLetter(text[e + 1 + suffix])) suffix++;
                for (var j = suffix; j >= 1; j--)
                {
                    if (CashtagMayEndAt(text, e + 1 + j))
                    {
                        end = e + 1 + j;
                        return true;
                    }
                }
            }
            if (CashtagMayEndAt(text, e))
            {
                end = e;
                return true;
            }
        }
        return false;
    }

    /// <summary>(?=$|\s|\p{Punct}) with Java's $: the end, or before a final line terminator.</summary>
    private static bool CashtagMayEndAt(string text, int at)
    {
        if (at >= text.Length)
        {
            return true;
        }
        var c = text[at];
        if (IsJavaSpace(c) || IsJavaPunct(c))
        {
            return true;
        }
        return at == text.Length - 1 && c is '\u0085' or '\u2028' or '\u2029';
    }
}
