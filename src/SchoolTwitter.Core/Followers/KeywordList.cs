using System.Text;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Followers;

/// <summary>
/// Whole-word (or whole-phrase) matching of a follower list on folded text, so "nft" does not match inside "infant", robust to
/// case, zero-width characters, homoglyphs (<see cref="TextFolding"/>), leetspeak digits ("0nlyf4ns") and masked letters
/// ("onlyf*ns"; an entry with digits, such as a numeric code, is matched only as written). An entry "a &amp; b" matches when every part is present ("leaks &amp; telegram"); an entry with
/// <c>case: exact</c> matches only as written ("OF", not "of"), and not inside a run of capitals ("MEMBER OF THE PTA").
/// </summary>
public sealed class KeywordList
{
    private const string And = " & ";

    private readonly Compiled[] _entries;
    private readonly bool _matchRunTogether;
    private readonly bool _matchPlurals;

    private sealed record Compiled(FollowerListEntry Entry, string[] Parts, bool ExactCase);

    /// <param name="matchRunTogether">Also find long keywords spelt with separators between the letters ("o.n.l.y f.a.n.s").</param>
    public KeywordList(IEnumerable<string> entries, bool matchRunTogether)
        : this(entries.Select(FollowerListEntry.Parse), matchRunTogether)
    {
    }

    /// <param name="matchPlurals">Also find an entry of five letters or more with -s or -es ("school visit" in "school visits").</param>
    public KeywordList(IEnumerable<FollowerListEntry> entries, bool matchRunTogether, bool matchPlurals = false)
    {
        _matchPlurals = matchPlurals;
        _entries = entries
            .Where(e => !string.IsNullOrWhiteSpace(e.Term))
            .Select(e =>
            {
                var exact = string.Equals(e.Field("case"), "exact", StringComparison.OrdinalIgnoreCase);
                var parts = e.Term.Split(And, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => exact ? p : Normalise(p, leet: false)).Where(p => p.Length > 0).ToArray();
                return new Compiled(e, parts, exact);
            })
            .Where(c => c.Parts.Length > 0)
            .DistinctBy(c => string.Join(And, c.Parts) + c.ExactCase)
            .ToArray();
        _matchRunTogether = matchRunTogether;
    }

    public int Count => _entries.Length;

    public IEnumerable<FollowerListEntry> Entries => _entries.Select(e => e.Entry);

    /// <summary>The entries' terms found in <paramref name="text"/>, each once, in list order.</summary>
    public IReadOnlyList<string> Find(string? text) => FindEntries(text).Select(e => e.Term).ToList();

    /// <summary>The entries found in <paramref name="text"/>, each once, in list order.</summary>
    public IReadOnlyList<FollowerListEntry> FindEntries(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || _entries.Length == 0) return [];
        var plain = Normalise(text, leet: false);
        var leet = Normalise(text, leet: true);
        var runTogether = _matchRunTogether ? SpeltOut(leet) : "";
        string? cased = null;
        var found = new List<FollowerListEntry>();
        foreach (var compiled in _entries)
        {
            var all = true;
            foreach (var part in compiled.Parts)
            {
                var hit = compiled.ExactCase
                    ? ContainsExactCase(cased ??= CaseKeepingFold(text), part)
                    : ContainsWord(plain, part) || (!part.Any(char.IsAsciiDigit) && ContainsWord(leet, LeetOnly(part)))
                      || (_matchPlurals && part.Length >= 5 && char.IsLetter(part[^1]) && (ContainsWord(plain, part + "s") || ContainsWord(plain, part + "es")))
                      || (_matchRunTogether && part.Length >= 6 && IsLetters(part) && runTogether.Contains(part, StringComparison.Ordinal));
                if (hit) continue;
                all = false;
                break;
            }
            if (all) found.Add(compiled.Entry);
        }
        return found;
    }

    /// <summary>True when <paramref name="word"/> occurs in <paramref name="text"/> at word boundaries; a "*" in the text stands for any one letter of a word of five letters or more.</summary>
    internal static bool ContainsWord(string text, string word)
    {
        var masked = word.Length >= 5 && text.Contains('*');
        for (var i = 0; i + word.Length <= text.Length; i++)
        {
            if (!MatchesAt(text, i, word, masked)) continue;
            var startOk = i == 0 || !char.IsLetterOrDigit(word[0]) || !char.IsLetterOrDigit(text[i - 1]);
            var end = i + word.Length;
            var endOk = end == text.Length || !char.IsLetterOrDigit(word[^1]) || !char.IsLetterOrDigit(text[end]);
            if (startOk && endOk) return true;
        }
        return false;
    }

    private static bool MatchesAt(string text, int at, string word, bool masked)
    {
        var wild = 0;
        for (var k = 0; k < word.Length; k++)
        {
            var c = text[at + k];
            if (c == word[k]) continue;
            if (masked && c == '*' && char.IsLetter(word[k]) && ++wild <= 2) continue;
            return false;
        }
        return true;
    }

    private static bool ContainsExactCase(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            var end = i + word.Length;
            if (i > 0 && char.IsLetterOrDigit(text[i - 1])) continue;
            if (end < text.Length && char.IsLetterOrDigit(text[end])) continue;
            if (IsCapitalsWord(WordBefore(text, i)) || IsCapitalsWord(WordAfter(text, end))) continue;
            return true;
        }
        return false;
    }

    private static string WordBefore(string text, int at)
    {
        var end = at;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        return text[start..end];
    }

    private static string WordAfter(string text, int at)
    {
        var start = at;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        var end = start;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return text[start..end];
    }

    private static bool IsCapitalsWord(string word) => word.Length >= 2 && word.All(char.IsUpper);

    /// <summary>Folded (homoglyphs, invisible characters) but with the original's capitals kept.</summary>
    private static string CaseKeepingFold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var f = TextFolding.FoldChar(c);
            if (f == TextFolding.Removed) continue;
            sb.Append(char.IsUpper(c) ? char.ToUpperInvariant(f) : f);
        }
        return sb.ToString();
    }

    /// <summary>Folded, lower case, runs of whitespace as one space; with <paramref name="leet"/> digits and symbols read as letters.</summary>
    internal static string Normalise(string text, bool leet)
    {
        var folded = TextFolding.Fold(text).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        var lastSpace = true;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastSpace) sb.Append(' ');
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            sb.Append(leet ? LeetLetter(c) : c);
        }
        return sb.ToString().TrimEnd();
    }

    private static string LeetOnly(string normal)
    {
        var sb = new StringBuilder(normal.Length);
        foreach (var c in normal) sb.Append(LeetLetter(c));
        return sb.ToString();
    }

    internal static char LeetLetter(char c) => TextFolding.LeetLetter(c) is var l && l != TextFolding.Removed ? l : c;

    /// <summary>Letters written one by one joined into words ("o.n.l.y f.a.n.s" → "onlyfans"); ordinary words are left out, so "only fans" is not "onlyfans".</summary>
    private static string SpeltOut(string text)
    {
        var sb = new StringBuilder();
        var run = new StringBuilder();
        var i = 0;
        while (i <= text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            var length = i - start;
            if (length == 1) run.Append(text[start]);
            if ((length > 1 || i >= text.Length) && run.Length > 0)
            {
                sb.Append(run).Append(' ');
                run.Clear();
            }
            i++;
        }
        return sb.ToString();
    }

    private static bool IsLetters(string s) => s.All(char.IsLetter);
}
