using System.Runtime.CompilerServices;
using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Roster;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>Wording and word sets the language rules share.</summary>
internal static class LanguageRuleSupport
{
    /// <summary>“word” in curly quotes, invisible characters removed, so a head teacher sees what the reader would see.</summary>
    public static string Quote(ReadOnlySpan<char> text) => "“" + Visible(text) + "”";

    public static string Visible(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (!TextFolding.IsInvisible(c)) buffer[n++] = c;
        }
        return new string(buffer[..n]);
    }

    /// <summary>The draft text from word <paramref name="first"/> to word <paramref name="last"/> inclusive.</summary>
    public static ReadOnlySpan<char> Span(TextAnalysis words, int first, int last) =>
        words.Text.AsSpan(words[first].Start, words[last].End - words[first].Start);

    /// <summary>A rule's own small set of words, written space-separated.</summary>
    public static WordSet WordsOf(string words) => new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static readonly ConditionalWeakTable<PupilRoster, RosterNames> RosterNameCache = new();

    public static RosterNames NamesOf(PupilRoster roster) => RosterNameCache.GetValue(roster, static r => new RosterNames(r));


    /// <summary>True when the word touches a masking symbol ("tw@t", "b*st*rd"): it is a piece of a disguised word, not a word of its own.</summary>
    public static bool IsPieceOfMaskedWord(string text, WordToken token)
    {
        var before = token.Start > 0 ? text[token.Start - 1] : ' ';
        var after = token.End < text.Length ? text[token.End] : ' ';
        return before is '*' or '@' or '$' or '|' or '#' || after is '*' or '@' or '$' or '|' or '#' || (after == '!' && token.End + 1 < text.Length && char.IsLetter(text[token.End + 1]));
    }

    /// <summary>Word <paramref name="i"/> without a possessive ending ("Josh's" -> "josh").</summary>
    public static ReadOnlySpan<char> WithoutPossessive(ReadOnlySpan<char> folded) =>
        folded.EndsWith("'s") ? folded[..^2] : folded.EndsWith("'") ? folded[..^1] : folded;
}

/// <summary>
/// The spans earlier rules already reported, so one word gets one finding (text-speak and offensive run before shouting,
/// spelling and grammar in <see cref="CodeOfConductFactory"/>). Queried in text order; costs nothing when there are none.
/// </summary>
internal sealed class ReportedSpans
{
    private static readonly ReportedSpans None = new([]);
    private readonly (int Start, int End)[] _spans;
    private int _cursor;

    private ReportedSpans((int Start, int End)[] spans) => _spans = spans;

    public static ReportedSpans Of(List<Finding> findings)
    {
        if (findings.Count == 0) return None;
        var spans = new List<(int Start, int End)>(findings.Count);
        foreach (var f in findings)
        {
            if (f.Start is { } s && f.Length is { } l) spans.Add((s, s + l));
        }
        if (spans.Count == 0) return None;
        spans.Sort(static (a, b) => a.End.CompareTo(b.End));
        return new ReportedSpans([.. spans]);
    }

    /// <summary>True when a reported span overlaps [start, start+length); calls must come in increasing <paramref name="start"/>.</summary>
    public bool Overlaps(int start, int length)
    {
        while (_cursor < _spans.Length && _spans[_cursor].End <= start) _cursor++;
        for (var k = _cursor; k < _spans.Length && k < _cursor + 8; k++)
        {
            if (_spans[k].Start < start + length) return true;
        }
        return false;
    }
}

/// <summary>A roster's names folded for fast lookup, built once per roster instance.</summary>
internal sealed class RosterNames
{
    private readonly WordMap<Pupil[]> _byFirstName;
    private readonly WordSet _lastNames;

    /// <summary>Each pupil's folded first-name and last-name parts, so matching a name in a draft allocates nothing.</summary>
    private readonly Dictionary<Pupil, (string[] First, string[] Last)> _parts = new(ReferenceEqualityComparer.Instance);

    public RosterNames(PupilRoster roster)
    {
        var byFirst = new Dictionary<string, List<Pupil>>(StringComparer.Ordinal);
        var last = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pupil in roster.Pupils)
        {
            if (string.IsNullOrWhiteSpace(pupil.FirstName)) continue;
            // "Anne-Marie" and "Mary Jane": the analysis splits them, so index the first part and compare the rest later.
            var firstParts = Parts(pupil.FirstName);
            if (firstParts.Length == 0) continue;
            var key = firstParts[0];
            if (!byFirst.TryGetValue(key, out var list)) byFirst[key] = list = [];
            list.Add(pupil);
            var lastParts = string.IsNullOrWhiteSpace(pupil.LastName) ? [] : Parts(pupil.LastName);
            last.UnionWith(lastParts);
            _parts.TryAdd(pupil, (firstParts, lastParts));
        }
        _byFirstName = new WordMap<Pupil[]>(byFirst.Select(p => KeyValuePair.Create(p.Key, p.Value.ToArray())));
        _lastNames = new WordSet(last);
        IsEmpty = byFirst.Count == 0;
    }

    public bool IsEmpty { get; }

    public Pupil[]? PupilsNamed(ReadOnlySpan<char> foldedFirstName) =>
        _byFirstName.Find(foldedFirstName);

    private static string[] Parts(string name) => TextFolding.Fold(name.Trim()).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);

    public bool IsLastName(ReadOnlySpan<char> folded) => _lastNames.Contains(folded);

    /// <summary>
    /// How many words from <paramref name="i"/> spell a roster pupil's name: the whole first name (all its parts), then
    /// their last name when it follows. 0 when no pupil matches; <paramref name="withLastName"/> says the last name was there.
    /// </summary>
    public int MatchAt(TextAnalysis words, int i, out Pupil? pupil, out bool withLastName)
    {
        pupil = null;
        withLastName = false;
        var key = LanguageRuleSupport.WithoutPossessive(words.Folded(i));
        if (PupilsNamed(key) is not { } candidates) return 0;
        var best = 0;
        foreach (var candidate in candidates)
        {
            var (firstParts, lastParts) = _parts[candidate];
            if (i + firstParts.Length > words.Count) continue;
            var ok = true;
            for (var k = 1; k < firstParts.Length && ok; k++)
            {
                ok = LanguageRuleSupport.WithoutPossessive(words.Folded(i + k)).SequenceEqual(firstParts[k]);
            }
            if (!ok) continue;
            var length = firstParts.Length;
            var hasLast = false;
            if (lastParts.Length > 0)
            {
                var at = i + length;
                var lastOk = at + lastParts.Length <= words.Count;
                for (var k = 0; k < lastParts.Length && lastOk; k++)
                {
                    lastOk = LanguageRuleSupport.WithoutPossessive(words.Folded(at + k)).SequenceEqual(lastParts[k]) && words.SameSentence(at + k - 1, at + k);
                }
                if (lastOk)
                {
                    length += lastParts.Length;
                    hasLast = true;
                }
            }
            if (length > best || (length == best && hasLast))
            {
                best = length;
                pupil = candidate;
                withLastName = hasLast;
            }
        }
        return best;
    }
}
