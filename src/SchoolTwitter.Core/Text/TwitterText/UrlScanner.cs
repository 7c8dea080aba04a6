using System.Text;
using static SchoolTwitter.Core.Text.TwitterTextImpl.CharClasses;

namespace SchoolTwitter.Core.Text.TwitterTextImpl;

/// <summary>
/// twitter-text's URL extraction (VALID_URL and the Extractor's checks), as a hand-written scanner that reproduces the
/// regular expression's leftmost-match and backtracking order exactly, in linear time for ordinary text and without
/// allocating except for the URLs it finds.
/// </summary>
internal static class UrlScanner
{
    /// <summary>The maximum URL length the Twitter backend accepts (with "https://" added when there is no protocol).</summary>
    private const int MaxUrlLength = 4096;
    private const int MaxTcoSlugLength = 40;
    private const int MaxDomainLabelLength = 63;

    private static readonly HashSet<string> AsciiTlds = BuildAsciiTlds();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AsciiTldLookup =
        AsciiTlds.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly string[] NonAsciiTlds = BuildNonAsciiTlds();

    private static HashSet<string> BuildAsciiTlds()
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tld in TwitterTextData.GenericTlds.Concat(TwitterTextData.CountryTlds))
        {
            if (tld.All(char.IsAscii)) set.Add(tld);
        }
        return set;
    }

    // Generic before country, each in list order: the order in which the regex alternation tries them.
    private static string[] BuildNonAsciiTlds() =>
        TwitterTextData.GenericTlds.Concat(TwitterTextData.CountryTlds).Where(t => !t.All(char.IsAscii)).ToArray();

    /// <summary>Appends every URL entity in <paramref name="text"/>, in order.</summary>
    public static void Extract(string text, List<TextEntity> into)
    {
        // As twitter-text: a URL's top-level domain follows a dot, so without a dot followed by a letter or digit there is no
        // URL (a draft's full stops are followed by spaces).
        if (!HasDotBeforeLetterOrDigit(text))
        {
            return;
        }
        var tracker = new SegmentTracker(text);
        var searchFrom = 0;
        while (searchFrom < text.Length && TryFindNext(text, searchFrom, ref tracker, out var match))
        {
            searchFrom = match.End;
            if (Accept(text, match, out var start, out var end))
            {
                into.Add(new TextEntity(TextEntityKind.Url, start, end - start, text.Substring(start, end - start)));
            }
        }
    }

    private static bool HasDotBeforeLetterOrDigit(string text)
    {
        for (var dot = text.IndexOf('.'); dot >= 0 && dot + 1 < text.Length; dot = text.IndexOf('.', dot + 1))
        {
            if (char.IsLetterOrDigit(text[dot + 1])) return true;
        }
        return false;
    }

    /// <summary>One match of VALID_URL: the preceding character (if consumed), the URL and its groups.</summary>
    private readonly record struct UrlMatch(int Before, int UrlStart, bool HasProtocol, int DomainStart, int DomainEnd, int End);

    private static bool TryFindNext(string text, int from, ref SegmentTracker tracker, out UrlMatch match)
    {
        for (var p = from; p < text.Length; p++)
        {
            // Alternative 1 of the preceding group: one character that is not a letter, digit, @, $ or #.
            var cp = CodePointAt(text, p, out var count);
            if (!(cp < 0x10000 && IsUrlPrecedingExcluded((char)cp)) && TryUrlAt(text, p + count, p, ref tracker, out match))
            {
                return true;
            }
            // Alternative 3: the start of the text.
            if (p == 0 && TryUrlAt(text, 0, -1, ref tracker, out match))
            {
                return true;
            }
        }
        match = default;
        return false;
    }

    private static bool TryUrlAt(string text, int u, int before, ref SegmentTracker tracker, out UrlMatch match)
    {
        match = default;
        // A URL needs a dot before the next space; skip the expensive part when there is none.
        if (u >= text.Length || !tracker.HasDotAtOrAfter(u))
        {
            return false;
        }
        var protocolLength = ProtocolLength(text, u);
        if (protocolLength > 0 && TryDomain(text, u + protocolLength, ref tracker, out var domainEnd))
        {
            match = Complete(text, before, u, true, u + protocolLength, domainEnd);
            return true;
        }
        if (TryDomain(text, u, ref tracker, out domainEnd))
        {
            match = Complete(text, before, u, false, u, domainEnd);
            return true;
        }
        return false;
    }

    private static int ProtocolLength(string text, int at)
    {
        var rest = text.AsSpan(at);
        if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) return 7;
        if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return 8;
        return 0;
    }

    /// <summary>Port, path and query after the domain (all optional).</summary>
    private static UrlMatch Complete(string text, int before, int urlStart, bool hasProtocol, int domainStart, int domainEnd)
    {
        var n = text.Length;
        var end = domainEnd;
        if (end + 1 < n && text[end] == ':' && IsAsciiDigit(text[end + 1]))
        {
            end += 2;
            while (end < n && IsAsciiDigit(text[end])) end++;
        }
        if (end < n && text[end] == '/')
        {
            end = MatchPath(text, end + 1);
        }
        if (end < n && text[end] == '?')
        {
            end = MatchQuery(text, end);
        }
        return new UrlMatch(before, urlStart, hasProtocol, domainStart, domainEnd, end);
    }

    /// <summary>
    /// The domain alternatives of URL_VALID_DOMAIN, in order: sub-domains + domain + TLD (longest first);
    /// then, straight after a protocol, one Unicode label + TLD. (The regex's third alternative is covered by the first.)
    /// </summary>
    private static bool TryDomain(string text, int d, ref SegmentTracker tracker, out int end)
    {
        if (TryAsciiDomain(text, d, ref tracker, out end))
        {
            return true;
        }
        var afterProtocol =
            (d >= 7 && text.AsSpan(d - 7, 7).Equals("http://", StringComparison.OrdinalIgnoreCase)) ||
            (d >= 8 && text.AsSpan(d - 8, 8).Equals("https://", StringComparison.OrdinalIgnoreCase));
        return afterProtocol && TryUnicodeDomain(text, d, out end);
    }

    private static bool TryAsciiDomain(string text, int d, ref SegmentTracker tracker, out int end)
    {
        end = 0;
        var n = text.Length;
        // Inside a chain of labels that already failed, the chain ends at the same last dot and offers a subset of its TLD
        // positions: with no valid TLD anywhere in it, or from a label start (same domain-name choices too), it fails
        // again. This keeps "a.a.a.a…" and "a_a.a_a.…" linear.
        if (d > tracker.FailedChainStart && d <= tracker.FailedChainLastDot &&
            (!tracker.FailedChainHadTld || text[d - 1] == '.'))
        {
            return false;
        }
        // Greedy sub-domains: every "label." from d, where a label is [C-_]* starting and ending with C.
        var pos = d;
        var lastDot = -1;
        while (pos < n)
        {
            var labelStart = pos;
            while (pos < n && (IsUrlValidChar(text[pos]) || text[pos] is '-' or '_')) pos++;
            if (pos == labelStart || pos >= n || text[pos] != '.' ||
                !IsUrlValidChar(text[labelStart]) || !IsUrlValidChar(text[pos - 1]))
            {
                break;
            }
            lastDot = pos;
            pos++;
        }
        // Backtrack: the last dotted label is the domain name (no underscores), followed by the TLD.
        var hadTld = false;
        for (var dot = lastDot; dot >= d;)
        {
            var labelStart = dot - 1;
            while (labelStart > d && text[labelStart - 1] != '.') labelStart--;
            if (TryTld(text, dot + 1, allowPunycode: true, out var tldEnd))
            {
                hadTld = true;
                if (text.AsSpan(labelStart, dot - labelStart).IndexOf('_') < 0)
                {
                    end = tldEnd;
                    return true;
                }
            }
            dot = labelStart - 1;
        }
        if (lastDot >= 0)
        {
            tracker.FailedChainStart = d;
            tracker.FailedChainLastDot = lastDot;
            tracker.FailedChainHadTld = hadTld;
        }
        return false;
    }

    private static bool TryUnicodeDomain(string text, int d, out int end)
    {
        end = 0;
        var n = text.Length;
        if (d >= n || !IsUrlUnicodeChar(text[d]))
        {
            return false;
        }
        var pos = d;
        while (pos < n && (IsUrlUnicodeChar(text[pos]) || text[pos] == '-')) pos++;
        return pos < n && text[pos] == '.' && IsUrlUnicodeChar(text[pos - 1]) && TryTld(text, pos + 1, allowPunycode: false, out end);
    }

    /// <summary>A generic or country TLD not followed by [a-z0-9@+-]; or, where allowed, a punycode label.</summary>
    private static bool TryTld(string text, int at, bool allowPunycode, out int end)
    {
        end = 0;
        var n = text.Length;
        if (at >= n)
        {
            return false;
        }
        if (text[at] < 0x80)
        {
            // An ASCII TLD is followed by no letter or digit, so it is the whole alphanumeric run.
            var runEnd = at;
            while (runEnd < n && IsAsciiAlnum(text[runEnd])) runEnd++;
            if (runEnd > at && (runEnd == n || !IsTldFollowerExcluded(text[runEnd])) &&
                AsciiTldLookup.Contains(text.AsSpan(at, runEnd - at)))
            {
                end = runEnd;
                return true;
            }
        }
        // TLDs with any non-ASCII letter ("みんな", "vermögensberatung"), in the regex's order.
        if (HasNonAsciiInLabel(text, at))
        {
            var rest = text.AsSpan(at);
            foreach (var tld in NonAsciiTlds)
            {
                if (rest.StartsWith(tld, StringComparison.Ordinal) &&
                    (tld.Length == rest.Length || !IsTldFollowerExcluded(rest[tld.Length])))
                {
                    end = at + tld.Length;
                    return true;
                }
            }
        }
        if (allowPunycode && at + 4 < n && text.AsSpan(at, 4).Equals("xn--", StringComparison.OrdinalIgnoreCase) &&
            IsPunycodeChar(text[at + 4]))
        {
            end = at + 5;
            while (end < n && IsPunycodeChar(text[end])) end++;
            return true;
        }
        return false;
    }

    /// <summary>Whether the label at <paramref name="at"/> has a non-ASCII character before its end, so a non-ASCII TLD may match.</summary>
    private static bool HasNonAsciiInLabel(string text, int at)
    {
        var i = at;
        while (i < text.Length && IsAsciiAlnum(text[i])) i++;
        return i < text.Length && text[i] >= 0x80;
    }

    private static bool IsPunycodeChar(char c) => IsAsciiAlnum(c) || c == '-';

    /// <summary>
    /// "/" then URL_VALID_PATH*+: the longest run of path characters and balanced parentheses (two levels) that ends in a
    /// path-ending character or a balanced group — the first success of the regex's greedy backtracking.
    /// </summary>
    private static int MatchPath(string text, int start)
    {
        var n = text.Length;
        var i = start;
        var lastEnd = start;
        while (i < n)
        {
            var c = text[i];
            if (IsPathChar(c))
            {
                i++;
                if (IsPathEndingChar(c)) lastEnd = i;
                continue;
            }
            if (c == '(')
            {
                var balancedEnd = MatchBalancedParens(text, i);
                if (balancedEnd > 0)
                {
                    i = balancedEnd;
                    lastEnd = i;
                    continue;
                }
            }
            break;
        }
        return lastEnd;
    }

    /// <summary>URL_BALANCED_PARENS at an opening parenthesis: "(path)" or "(path(path)path)"; the end, or -1.</summary>
    private static int MatchBalancedParens(string text, int open)
    {
        var n = text.Length;
        var i = open + 1;
        var runStart = i;
        while (i < n && IsPathChar(text[i])) i++;
        if (i >= n) return -1;
        if (text[i] == ')' && i > runStart) return i + 1;
        if (text[i] != '(') return -1;
        i++;
        var innerStart = i;
        while (i < n && IsPathChar(text[i])) i++;
        if (i == innerStart || i >= n || text[i] != ')') return -1;
        i++;
        while (i < n && IsPathChar(text[i])) i++;
        return i < n && text[i] == ')' ? i + 1 : -1;
    }

    /// <summary>"?" then query characters up to the last query-ending character; without one there is no query.</summary>
    private static int MatchQuery(string text, int question)
    {
        var n = text.Length;
        var i = question + 1;
        var lastEnd = -1;
        while (i < n && IsQueryChar(text[i]))
        {
            if (IsQueryEndingChar(text[i])) lastEnd = i + 1;
            i++;
        }
        return lastEnd > 0 ? lastEnd : question;
    }

    /// <summary>The Extractor's checks on a match: no-protocol URLs after - _ . /, t.co slugs, host validity and length.</summary>
    private static bool Accept(string text, UrlMatch match, out int start, out int end)
    {
        start = match.UrlStart;
        end = match.End;
        if (!match.HasProtocol && match.Before >= 0 && text[match.Before] is '-' or '_' or '.' or '/')
        {
            return false;
        }
        if (match.HasProtocol && TryTcoUrl(text, start, end, out var tcoEnd, out var slugLength))
        {
            if (slugLength > MaxTcoSlugLength)
            {
                return false;
            }
            end = tcoEnd;
        }
        return IsValidHostAndLength(text, end - start, match.HasProtocol, match.DomainStart, match.DomainEnd);
    }

    /// <summary>VALID_TCO_URL: ^https?://t\.co/([a-z0-9]+)(?:\?query)? on the URL.</summary>
    private static bool TryTcoUrl(string text, int start, int end, out int tcoEnd, out int slugLength)
    {
        tcoEnd = 0;
        slugLength = 0;
        var url = text.AsSpan(start, end - start);
        var protocol = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8 : 7;
        if (url.Length <= protocol + 5 || !url.Slice(protocol, 5).Equals("t.co/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var i = protocol + 5;
        var slugStart = i;
        while (i < url.Length && IsAsciiAlnum(url[i])) i++;
        if (i == slugStart)
        {
            return false;
        }
        slugLength = i - slugStart;
        if (i < url.Length && url[i] == '?')
        {
            var lastEnd = -1;
            var q = i + 1;
            while (q < url.Length && IsQueryChar(url[q]))
            {
                if (IsQueryEndingChar(url[q])) lastEnd = q + 1;
                q++;
            }
            if (lastEnd > 0) i = lastEnd;
        }
        tcoEnd = start + i;
        return true;
    }

    /// <summary>
    /// As Java's IDN.toASCII: every label, punycode-encoded when not ASCII, is 1–63 characters, and a non-ASCII label may not
    /// carry the ACE prefix; the URL with the encoded host (and "https://" when it had no protocol) is at most 4,096 characters.
    /// </summary>
    private static bool IsValidHostAndLength(string text, int urlLength, bool hasProtocol, int hostStart, int hostEnd)
    {
        var host = text.AsSpan(hostStart, hostEnd - hostStart);
        if (host.IsEmpty)
        {
            return false;
        }
        var encodedLength = 0;
        var labelStart = 0;
        for (var i = 0; i <= host.Length; i++)
        {
            if (i < host.Length && host[i] != '.')
            {
                continue;
            }
            var label = host[labelStart..i];
            var labelLength = Ascii.IsValid(label) ? label.Length : Punycode.EncodedLabelLength(label);
            if (labelLength < 1 || labelLength > MaxDomainLabelLength)
            {
                return false;
            }
            encodedLength += labelLength + (i < host.Length ? 1 : 0);
            labelStart = i + 1;
        }
        var length = urlLength + encodedLength - host.Length + (hasProtocol ? 0 : "https://".Length);
        return length <= MaxUrlLength;
    }

    /// <summary>
    /// Remembers, for the whitespace-delimited segment being scanned, where its last dot is: a URL cannot start
    /// after the last dot of its segment, so most words are rejected without scanning them again.
    /// </summary>
    private struct SegmentTracker(string text)
    {
        private int _segmentEnd = -1;
        private int _lastDot = -1;

        public int FailedChainStart { get; set; } = int.MaxValue;
        public int FailedChainLastDot { get; set; } = -1;
        public bool FailedChainHadTld { get; set; }

        public bool HasDotAtOrAfter(int position)
        {
            if (position >= _segmentEnd)
            {
                // Scan the segment containing position (ended by any whitespace or separator).
                var i = position;
                _lastDot = -1;
                while (i < text.Length && !IsSegmentBreak(text[i]))
                {
                    if (text[i] == '.') _lastDot = i;
                    i++;
                }
                _segmentEnd = i == position ? i + 1 : i;
            }
            return _lastDot >= position;
        }

        private static bool IsSegmentBreak(char c) =>
            IsJavaSpace(c) || (c >= 0x80 && char.GetUnicodeCategory(c) is
                System.Globalization.UnicodeCategory.SpaceSeparator or
                System.Globalization.UnicodeCategory.LineSeparator or
                System.Globalization.UnicodeCategory.ParagraphSeparator);
    }
}
