using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Lexicons;

/// <summary>
/// A word list file's text, one word a line in folded order (tools/lexicons/sort-word-lists.mjs), searched by bisection with
/// nothing built: a lookup reads about twenty lines. It answers for the dictionary until <see cref="DictionaryWords"/> has
/// built its table, which a process checking one draft (the CLI) never waits for.
/// </summary>
internal sealed class SortedWordText
{
    private readonly string _text;
    private readonly int _start;

    /// <param name="text">The file's text: # header lines, then words in folded order (ordinal), one a line.</param>
    public SortedWordText(string text)
    {
        _text = text;
        while (_start < text.Length && text[_start] == '#')
        {
            var end = text.IndexOf('\n', _start);
            _start = end < 0 ? text.Length : end + 1;
        }
    }

    /// <summary>How the list has <paramref name="folded"/>: lower case, capitalised, both, or not at all.</summary>
    public WordKinds Kinds(ReadOnlySpan<char> folded)
    {
        if (folded.IsEmpty) return WordKinds.None;
        var lo = _start;
        var hi = _text.Length;
        while (lo < hi)
        {
            var (start, end, next) = LineAround(lo + (hi - lo) / 2, lo);
            var order = CompareFolded(start, end, folded);
            if (order < 0) lo = next;
            else if (order > 0) hi = start;
            else return KindsOfEqualRun(start, next, folded);
        }
        return WordKinds.None;
    }

    /// <summary>Every line in folded order: for the test that keeps the files sorted.</summary>
    public IEnumerable<string> Lines()
    {
        for (var at = _start; at < _text.Length;)
        {
            var (start, end, next) = LineAt(at);
            yield return _text[start..end];
            at = next;
        }
    }

    /// <summary>Compares two words as this class orders them (folded, then ordinal).</summary>
    public static int Compare(string a, string b) => string.CompareOrdinal(TextFolding.Fold(a), TextFolding.Fold(b));

    // "Mark" and "mark" fold alike and sit side by side: the kinds of every line around the match that folds the same.
    private WordKinds KindsOfEqualRun(int start, int next, ReadOnlySpan<char> folded)
    {
        var kinds = KindOf(start);
        for (var lineStart = start; lineStart > _start;)
        {
            var (s, e, _) = LineAround(lineStart - 1, _start); // the line before: its line break is at lineStart - 1
            if (CompareFolded(s, e, folded) != 0) break;
            kinds |= KindOf(s);
            lineStart = s;
        }
        for (var at = next; at < _text.Length;)
        {
            var (s, e, n) = LineAt(at);
            if (CompareFolded(s, e, folded) != 0) break;
            kinds |= KindOf(s);
            at = n;
        }
        return kinds;
    }

    private WordKinds KindOf(int start) => char.IsUpper(_text[start]) ? WordKinds.ProperNoun : WordKinds.LowerCaseWord;

    /// <summary>The line holding position <paramref name="at"/>, looking back no further than <paramref name="floor"/> (a line start).</summary>
    private (int Start, int End, int Next) LineAround(int at, int floor)
    {
        var start = at;
        while (start > floor && _text[start - 1] != '\n') start--;
        return LineAt(start);
    }

    /// <summary>The line starting at <paramref name="start"/>: where its word ends (trailing spaces and \r trimmed) and where the next line starts.</summary>
    private (int Start, int End, int Next) LineAt(int start)
    {
        var lineBreak = _text.IndexOf('\n', start);
        if (lineBreak < 0) lineBreak = _text.Length;
        var end = lineBreak;
        while (end > start && char.IsWhiteSpace(_text[end - 1])) end--;
        return (start, end, lineBreak + 1);
    }

    /// <summary>The folded line [start, end) against <paramref name="folded"/>, ordinal.</summary>
    private int CompareFolded(int start, int end, ReadOnlySpan<char> folded)
    {
        var k = 0;
        for (var i = start; i < end; i++)
        {
            var c = TextFolding.FoldChar(_text[i]);
            if (c == TextFolding.Removed) continue;
            if (k == folded.Length) return 1;
            if (c != folded[k]) return c < folded[k] ? -1 : 1;
            k++;
        }
        return k == folded.Length ? 0 : -1;
    }
}
