namespace SchoolTwitter.Core.Text;

/// <summary>What the language rules need to know about one word's shape and place.</summary>
[Flags]
public enum WordFlags : ushort
{
    None = 0,
    HasLetter = 1 << 0,
    HasDigit = 1 << 1,
    HasApostrophe = 1 << 2,
    /// <summary>The first letter is a capital.</summary>
    Capitalised = 1 << 3,
    /// <summary>Two or more letters, all capitals ("SATS", "NO").</summary>
    AllCaps = 1 << 4,
    /// <summary>No capital letter at all.</summary>
    LowerCase = 1 << 5,
    /// <summary>A capital after the first letter ("iPad", "McDonald").</summary>
    InnerCapital = 1 << 6,
    /// <summary>First word of the text or the first after . ! ? (abbreviations like "Mr." and "e.g." aside).</summary>
    SentenceStart = 1 << 7,
    /// <summary>First word of a line.</summary>
    LineStart = 1 << 8,
    /// <summary>Written with invisible characters, look-alike letters from other scripts or full-width forms.</summary>
    Disguised = 1 << 9,
    /// <summary>Has letters of a non-Latin script that do not look like Latin ones (a real Greek, Urdu or Polish-with-ł word).</summary>
    NonLatin = 1 << 10,
    /// <summary>A URL, mention or hashtag lies between this word and the previous one.</summary>
    AfterEntity = 1 << 11,
    /// <summary>Joined to the previous word by a hyphen ("well-being", "Year-6").</summary>
    AfterHyphen = 1 << 12,
}

/// <summary>One word of a draft: its span in the original text and its folded form in <see cref="TextAnalysis.FoldedText"/>.</summary>
public readonly record struct WordToken(int Start, int Length, int FoldedStart, int FoldedLength, WordFlags Flags)
{
    public int End => Start + Length;

    public bool Has(WordFlags flags) => (Flags & flags) == flags;
}

/// <summary>The words of a draft outside URLs, mentions and hashtags, with evasion (case, zero-width, homoglyphs, leetspeak, spacing) folded.</summary>
/// <remarks>
/// Built once per draft (<see cref="CodeOfConduct.DraftContext.Words"/>) and shared by every language rule. A word is a run of
/// letters and digits (apostrophes between letters included; zero-width characters inside are skipped); hyphens, dots and
/// spaces separate words, and <see cref="SpacedRuns"/> finds words spelt out letter by letter ("l.o.l", "s h i t").
/// The folded forms live in one string, so analysing a draft allocates three objects whatever its length.
/// </remarks>
public sealed class TextAnalysis
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Abbreviations =
        new HashSet<string>(["mr", "mrs", "ms", "mx", "dr", "st", "no", "nos", "vs", "etc", "eg", "ie", "approx", "rev", "revd",
            "cllr", "prof", "fr", "sr", "jr", "inc", "ltd", "co", "dept", "tel", "ref", "fig", "vol", "pp", "ft", "mt", "wk", "yr"],
            StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    [ThreadStatic] private static WordToken[]? t_tokens;
    [ThreadStatic] private static char[]? t_folded;

    private readonly WordToken[] _tokens;
    private readonly (int Start, int End)[] _skipped;

    private TextAnalysis(string text, WordToken[] tokens, string folded, (int, int)[] skipped)
    {
        Text = text;
        _tokens = tokens;
        FoldedText = folded;
        _skipped = skipped;
    }

    public static TextAnalysis Analyse(string text, IReadOnlyList<TextEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entities);
        var skipped = SkippedSpans(text, entities);
        var tokens = t_tokens ??= new WordToken[256];
        var folded = t_folded is { } f && f.Length >= text.Length ? f : t_folded = new char[Math.Max(text.Length, 1024)];
        var count = 0;
        var foldedLength = 0;
        var skipIndex = 0;
        var previousEnd = 0;
        var entityBetween = false;
        var i = 0;
        while (i < text.Length)
        {
            if (skipIndex < skipped.Length && i >= skipped[skipIndex].Start)
            {
                i = Math.Max(i, skipped[skipIndex].End);
                skipIndex++;
                entityBetween = true;
                continue;
            }
            var limit = skipIndex < skipped.Length ? skipped[skipIndex].Start : text.Length;
            // Spaces and ASCII punctuation, most of what lies between words, fold to themselves: no word starts there.
            if (text[i] < 0x80 && !char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            if (!IsWordChar(text, i, out _, out _))
            {
                i++;
                continue;
            }

            // A word: letters and digits, apostrophes between letters, invisible characters skipped.
            var start = i;
            var foldedStart = foldedLength;
            var letters = 0;
            var upper = 0;
            var flags = WordFlags.None;
            var end = i;
            while (i < limit)
            {
                var c = text[i];
                // ASCII letters and digits, most of any draft, fold to themselves in lower case.
                if (char.IsAsciiLetterOrDigit(c))
                {
                    if (char.IsAsciiDigit(c))
                    {
                        folded[foldedLength++] = c;
                        flags |= WordFlags.HasDigit;
                    }
                    else
                    {
                        folded[foldedLength++] = (char)(c | 0x20);
                        flags |= WordFlags.HasLetter;
                        if (c <= 'Z')
                        {
                            flags |= letters > 0 ? WordFlags.InnerCapital : WordFlags.Capitalised;
                            upper++;
                        }
                        letters++;
                    }
                    end = ++i;
                    continue;
                }
                if (IsWordChar(text, i, out var unit, out var fc))
                {
                    folded[foldedLength++] = fc;
                    if (char.IsDigit(fc)) flags |= WordFlags.HasDigit;
                    else
                    {
                        flags |= WordFlags.HasLetter;
                        if (char.IsUpper(c))
                        {
                            if (letters > 0) flags |= WordFlags.InnerCapital;
                            else flags |= WordFlags.Capitalised;
                            upper++;
                        }
                        letters++;
                        if (unit == 2 || (c >= 0x370 && fc < 0x80)) flags |= WordFlags.Disguised;
                        else if (c >= 0x370 && fc >= 0x370) flags |= WordFlags.NonLatin;
                    }
                    i += unit;
                    end = i;
                    continue;
                }
                if (TextFolding.IsInvisible(c) && c != '\0')
                {
                    flags |= WordFlags.Disguised;
                    i++;
                    continue;
                }
                if (IsApostrophe(c) && letters > 0 && i + 1 < limit && IsLetterAt(text, i + 1))
                {
                    folded[foldedLength++] = '\'';
                    flags |= WordFlags.HasApostrophe;
                    i++;
                    continue;
                }
                break;
            }

            if (upper == 0) flags |= WordFlags.LowerCase;
            else if (upper == letters && letters >= 2) flags |= WordFlags.AllCaps;
            if (entityBetween) flags |= WordFlags.AfterEntity;
            flags |= Boundary(text, previousEnd, start, count, tokens, folded);

            if (count == tokens.Length) Array.Resize(ref tokens, tokens.Length * 2);
            tokens[count++] = new WordToken(start, end - start, foldedStart, foldedLength - foldedStart, flags);
            previousEnd = end;
            entityBetween = false;
        }
        t_tokens = tokens;
        return new TextAnalysis(text, tokens.AsSpan(0, count).ToArray(), new string(folded, 0, foldedLength), skipped);
    }

    public string Text { get; }

    /// <summary>Every word's folded form, back to back; <see cref="WordToken.FoldedStart"/> indexes it.</summary>
    public string FoldedText { get; }

    public int Count => _tokens.Length;

    public WordToken this[int index] => _tokens[index];

    public ReadOnlySpan<WordToken> Tokens => _tokens;

    /// <summary>Lower case, invisible characters dropped, look-alike letters and accents folded to plain Latin letters.</summary>
    public ReadOnlySpan<char> Folded(int index) => FoldedText.AsSpan(_tokens[index].FoldedStart, _tokens[index].FoldedLength);

    /// <summary>The folded form as a string (allocates; for messages and suggestions).</summary>
    public string FoldedString(int index) => Folded(index).ToString();

    /// <summary>The word as written in the draft.</summary>
    public ReadOnlySpan<char> Original(int index) => Text.AsSpan(_tokens[index].Start, _tokens[index].Length);

    /// <summary>The text between the previous word (or the start) and word <paramref name="index"/>; <see cref="Count"/> gives the text after the last word.</summary>
    public ReadOnlySpan<char> GapBefore(int index)
    {
        var from = index == 0 ? 0 : _tokens[index - 1].End;
        var to = index < _tokens.Length ? _tokens[index].Start : Text.Length;
        return Text.AsSpan(from, to - from);
    }

    /// <summary>True when words <paramref name="index"/> - 1 and <paramref name="index"/> are in the same sentence with only spaces between them.</summary>
    public bool FollowsDirectly(int index)
    {
        if (index <= 0 || index >= _tokens.Length || _tokens[index].Has(WordFlags.AfterEntity)) return false;
        foreach (var c in GapBefore(index))
        {
            if (c != ' ' && c != '\u00A0' && !TextFolding.IsInvisible(c)) return false;
        }
        return true;
    }

    /// <summary>True when no sentence boundary, line break or entity lies between words <paramref name="from"/> and <paramref name="to"/>.</summary>
    public bool SameSentence(int from, int to)
    {
        for (var k = from + 1; k <= to; k++)
        {
            if (_tokens[k].Has(WordFlags.SentenceStart) || _tokens[k].Has(WordFlags.LineStart)) return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="position"/> is inside a URL, mention or hashtag.</summary>
    public bool IsSkipped(int position)
    {
        foreach (var (start, end) in _skipped)
        {
            if (position >= start && position < end) return true;
        }
        return false;
    }

    /// <summary>The spans no word comes from, in order: URLs, mentions, hashtags (twitter-text's, plus anything starting #, @, http or www.).</summary>
    public ReadOnlySpan<(int Start, int End)> EntitySpans => _skipped;

    /// <summary>
    /// Runs of three or more one-character words separated by one or two of space . - _ * · (a word spelt out to hide it:
    /// "l o l", "L.O.L.", "s-h-i-t"), as (first word, word count).
    /// </summary>
    public List<(int First, int Count)>? SpacedRuns()
    {
        List<(int, int)>? runs = null;
        var k = 0;
        while (k < _tokens.Length)
        {
            if (_tokens[k].FoldedLength != 1) { k++; continue; }
            var first = k;
            while (k + 1 < _tokens.Length && _tokens[k + 1].FoldedLength == 1 && IsSpellingGap(GapBefore(k + 1)) && !_tokens[k + 1].Has(WordFlags.AfterEntity)) k++;
            var count = k - first + 1;
            if (count >= 3) (runs ??= []).Add((first, count));
            k++;
        }
        return runs;
    }

    /// <summary>The folded letters of words <paramref name="first"/>..<paramref name="first"/>+<paramref name="count"/>-1 joined together.</summary>
    public string Joined(int first, int count)
    {
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        for (var k = first; k < first + count && length < buffer.Length; k++)
        {
            foreach (var c in Folded(k))
            {
                if (length < buffer.Length) buffer[length++] = c;
            }
        }
        return new string(buffer[..length]);
    }

    private static bool IsSpellingGap(ReadOnlySpan<char> gap)
    {
        if (gap.Length is 0 or > 2) return false;
        foreach (var c in gap)
        {
            if (c is not (' ' or '.' or '-' or '_' or '*' or '·' or '\u00A0' or '/' or '+' or '~') && !TextFolding.IsInvisible(c)) return false;
        }
        return true;
    }

    private static WordFlags Boundary(string text, int previousEnd, int start, int count, WordToken[] tokens, char[] folded)
    {
        if (count == 0)
        {
            return WordFlags.SentenceStart | WordFlags.LineStart;
        }
        var gap = text.AsSpan(previousEnd, start - previousEnd);
        // Most words follow one space, which marks nothing.
        if (gap.Length == 1 && gap[0] == ' ') return WordFlags.None;
        var flags = WordFlags.None;
        if (gap.Length == 1 && gap[0] is '-' or '‐' or '‑') flags |= WordFlags.AfterHyphen;
        var newline = gap.IndexOfAny('\n', '\r');
        var terminator = gap.LastIndexOfAny(".!?");
        if (gap.IndexOf("..", StringComparison.Ordinal) >= 0 || gap.IndexOf('…') >= 0) terminator = -1;
        if (terminator >= 0)
        {
            var after = gap[(terminator + 1)..];
            var spaced = after.IndexOfAny(' ', '\n', '\r') >= 0 || after.IndexOf('\u00A0') >= 0;
            var previous = tokens[count - 1];
            var previousWord = folded.AsSpan(previous.FoldedStart, previous.FoldedLength);
            var abbreviation = gap[terminator] == '.' && gap.IndexOfAny("!?") < 0
                && (Abbreviations.Contains(previousWord) || (previous.FoldedLength == 1 && !char.IsDigit(previousWord[0])));
            if (spaced && !abbreviation) flags |= WordFlags.SentenceStart;
        }
        if (newline >= 0)
        {
            flags |= WordFlags.LineStart;
            // A new line after one that ended a sentence starts a sentence too.
            var before = gap[..newline].TrimEnd();
            if (before.Length > 0 && before[^1] is '.' or '!' or '?') flags |= WordFlags.SentenceStart;
        }
        return flags;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ' or '‘';

    private static bool IsLetterAt(string text, int i) => char.IsLetter(TextFolding.FoldChar(text[i])) || char.IsLetter(text[i]);

    /// <summary>
    /// Whether a letter or digit starts at <paramref name="i"/>, and its folded form; <paramref name="units"/> is 2 for a letter
    /// outside the BMP (maths alphabet).
    /// </summary>
    private static bool IsWordChar(string text, int i, out int units, out char folded)
    {
        var c = text[i];
        units = 1;
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            units = 2;
            folded = TextFolding.FoldCodePoint(char.ConvertToUtf32(c, text[i + 1]));
            return folded != TextFolding.Removed;
        }
        folded = TextFolding.FoldChar(c);
        return folded != TextFolding.Removed && (char.IsLetterOrDigit(folded) && !char.IsSurrogate(folded));
    }

    private static (int Start, int End)[] SkippedSpans(string text, IReadOnlyList<TextEntity> entities)
    {
        List<(int, int)>? spans = null;
        for (var k = 0; k < entities.Count; k++)
        {
            var e = entities[k];
            if (e.Length > 0) (spans ??= []).Add((e.Start, e.End));
        }
        // Anything twitter-text did not mark but that is plainly a hashtag, mention or link is not a word either.
        for (var i = 0; i < text.Length; i++)
        {
            // Only a #, @, http or www. can start one: jump to the next of those.
            var rest = text.AsSpan(i);
            var tag = rest.IndexOfAny(TagStarts);
            var link = rest.IndexOfAny(LinkStarts);
            if (tag < 0 && link < 0) break;
            i += tag < 0 ? link : link < 0 ? tag : Math.Min(tag, link);
            if (i > 0 && !char.IsWhiteSpace(text[i - 1]) && text[i - 1] is not ('(' or '"' or '“')) continue;
            var c = text[i];
            var isLink = c is '#' or '＃' or '@' or '＠'
                || (c is 'h' or 'H' && (text.AsSpan(i).StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                    || text.AsSpan(i).StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
                || (c is 'w' or 'W' && text.AsSpan(i).StartsWith("www.", StringComparison.OrdinalIgnoreCase));
            if (!isLink || i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])) continue;
            var end = i + 1;
            while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
            // Trailing sentence punctuation belongs to the sentence, not the link.
            while (end > i + 1 && text[end - 1] is '.' or ',' or '!' or '?' or ')' or ':' or ';' or '"' or '”') end--;
            if (!Covered(spans, i)) (spans ??= []).Add((i, end));
            i = end;
        }
        if (spans is null) return [];
        spans.Sort(static (a, b) => a.Item1.CompareTo(b.Item1));
        return [.. spans];
    }

    private static readonly System.Buffers.SearchValues<char> TagStarts = System.Buffers.SearchValues.Create("#＃@＠");

    // ASCII only, so the search stays vectorised.
    private static readonly System.Buffers.SearchValues<string> LinkStarts =
        System.Buffers.SearchValues.Create(["http://", "https://", "www."], StringComparison.OrdinalIgnoreCase);

    private static bool Covered(List<(int Start, int End)>? spans, int position)
    {
        if (spans is null) return false;
        foreach (var (start, end) in spans)
        {
            if (position >= start && position < end) return true;
        }
        return false;
    }
}
