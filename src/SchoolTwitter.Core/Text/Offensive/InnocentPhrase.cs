namespace SchoolTwitter.Core.Text;

/// <summary>
/// A phrase in which a lexicon term is innocent ("blue tit", "Homo sapiens", "Dick [Name]", "[Name] cum [Name]", "cocker").
/// Words are compared folded, ignoring the punctuation between them; a word written with a capital must be capitalised in
/// the text; <c>[Name]</c> stands for any capitalised word (a name: "Dick Whittington", "Chorlton-cum-Hardy") and <c>*</c> for
/// any one word ("cock and * hens": "a cock and three hens"). The phrase
/// never reaches across the end of a sentence, except after an initial ("Philip K. Dick").
/// </summary>
internal sealed class InnocentPhrase
{
    public const string NameMark = "[Name]";

    public const string AnyWordMark = "*";

    private readonly string[] _words;
    private readonly bool[] _capitalised;
    private readonly bool[] _name;
    private readonly bool[] _any;

    private InnocentPhrase(string written, string[] words, bool[] capitalised, bool[] name, bool[] any)
    {
        Written = written;
        _words = words;
        _capitalised = capitalised;
        _name = name;
        _any = any;
    }

    public string Written { get; }

    /// <summary>
    /// True when the phrase has more than the term and is no name ("blue tit", not "Thomas Crapper"): the term itself has
    /// innocent readings in context, so ordinary words built on it are ordinary too ("tits" a bird, "cocked" a hat).
    /// </summary>
    public bool IsContext => _words.Length > 1 && _capitalised.Contains(false);

    public static InnocentPhrase Parse(string phrase)
    {
        var words = new List<string>();
        var capitalised = new List<bool>();
        var names = new List<bool>();
        var any = new List<bool>();
        foreach (var raw in phrase.Split([' ', '-', ',', '\'', '’', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            var isName = raw == NameMark;
            names.Add(isName);
            any.Add(raw == AnyWordMark);
            capitalised.Add(isName || char.IsUpper(raw[0]));
            words.Add(isName || raw == AnyWordMark ? "" : TextFolding.Fold(raw));
        }
        return new InnocentPhrase(phrase, [.. words], [.. capitalised], [.. names], [.. any]);
    }

    /// <summary>True when the term found at <paramref name="start"/> in <paramref name="text"/> sits inside this phrase.</summary>
    public bool Excuses(string text, int start, int end)
    {
        // The anchor: the text word the match starts in ("cocker" for a match of "cock" in "cocker spaniel").
        var anchorStart = start;
        while (anchorStart < end && !IsWordChar(text[anchorStart])) anchorStart++;
        while (anchorStart > 0 && IsWordChar(text[anchorStart - 1])) anchorStart--;
        var anchorEnd = anchorStart;
        while (anchorEnd < text.Length && IsWordChar(text[anchorEnd])) anchorEnd++;
        if (anchorEnd == anchorStart) return false;

        for (var j = 0; j < _words.Length; j++)
        {
            if (!WordFits(text, anchorStart, anchorEnd, j, anchor: true)) continue;
            if (Fits(text, anchorStart, anchorEnd, j)) return true;
        }
        return false;
    }

    private bool Fits(string text, int anchorStart, int anchorEnd, int j)
    {
        var left = anchorStart;
        for (var k = j - 1; k >= 0; k--)
        {
            if (!PreviousWord(text, left, out var s, out var e) || !WordFits(text, s, e, k, anchor: false)) return false;
            left = s;
        }
        var right = anchorEnd;
        for (var k = j + 1; k < _words.Length; k++)
        {
            if (!NextWord(text, right, out var s, out var e) || !WordFits(text, s, e, k, anchor: false)) return false;
            right = e;
        }
        return true;
    }

    /// <summary>Phrase word <paramref name="k"/> against the text word [s, e); the anchor may also carry a plural -s or -es.</summary>
    private bool WordFits(string text, int s, int e, int k, bool anchor)
    {
        if (_capitalised[k] && !char.IsUpper(text[s])) return false;
        if (_name[k]) return e - s <= 2 || !IsAllUpper(text, s, e); // "DICK HEAD" in capitals names nobody
        if (_any[k]) return !anchor;
        var word = _words[k].AsSpan();
        var n = 0;
        for (var m = s; m < e; m++)
        {
            var f = TextFolding.FoldChar(text[m]);
            if (f == TextFolding.Removed) continue;
            if (n < word.Length ? f != word[n] : !(anchor && IsPluralRest(text, m, e, n - word.Length))) return false;
            n++;
        }
        return n >= word.Length;
    }

    /// <summary>The anchor's letters after the phrase word's: "s" or "es" (<paramref name="offset"/> counts letters past the phrase word).</summary>
    private static bool IsPluralRest(string text, int m, int e, int offset)
    {
        var c = TextFolding.FoldChar(text[m]);
        if (offset == 1) return c == 's';
        return (c == 's' && e - m == 1) || (c == 'e' && e - m == 2 && TextFolding.FoldChar(text[m + 1]) == 's');
    }

    private static bool PreviousWord(string text, int from, out int start, out int end)
    {
        var k = from - 1;
        while (k >= 0 && !IsWordChar(text[k]))
        {
            if (EndsSentence(text, k)) break;
            k--;
        }
        end = k + 1;
        while (k >= 0 && IsWordChar(text[k])) k--;
        start = k + 1;
        return end > start && (end == from || !Crosses(text, end, from));
    }

    private static bool NextWord(string text, int from, out int start, out int end)
    {
        var k = from;
        while (k < text.Length && !IsWordChar(text[k]))
        {
            if (EndsSentence(text, k)) break;
            k++;
        }
        start = k;
        while (k < text.Length && IsWordChar(text[k])) k++;
        end = k;
        return end > start && !Crosses(text, from, start);
    }

    private static bool Crosses(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (EndsSentence(text, k)) return true;
        }
        return false;
    }

    /// <summary>. ! ? or a line break, but not the dot after an initial ("K.").</summary>
    private static bool EndsSentence(string text, int k)
    {
        var c = text[k];
        if (c is '!' or '?' or '\n' or '\r') return true;
        if (c != '.') return false;
        return !(k >= 1 && char.IsUpper(text[k - 1]) && (k == 1 || !IsWordChar(text[k - 2])));
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || (TextFolding.IsInvisible(c) && c != '\0');

    private static bool IsAllUpper(string text, int s, int e)
    {
        for (var m = s; m < e; m++)
        {
            if (char.IsLetter(text[m]) && !char.IsUpper(text[m])) return false;
        }
        return true;
    }
}
