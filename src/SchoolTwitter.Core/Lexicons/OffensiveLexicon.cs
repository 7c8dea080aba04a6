using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Lexicons;

/// <summary>Where a term is found: as a whole word, anywhere inside words (<c>fuck*</c>) or at the end of longer words (<c>*shit</c>).</summary>
internal enum TermPosition
{
    Word,
    Inside,
    End,
}

/// <summary>An offensive term from offensive.txt (or an insult from insults.txt), with the phrases in which it is innocent.</summary>
/// <summary>An insult and whether it is strong (an insult wherever it stands) or weak (only when aimed at people). A class, not a
/// tuple: a dictionary of a value type is compiled at start-up, one of a reference type comes precompiled.</summary>
internal sealed record OffensiveInsult(OffensiveTerm Term, bool Strong);

/// <summary>One spelling of an entry, folded, with where it is found (a class for the same reason as <see cref="OffensiveInsult"/>).</summary>
internal sealed record TermSpelling(string Spelling, TermPosition Position);

internal sealed class OffensiveTerm(string term, string category, TermPosition position, InnocentPhrase[] innocent)
{
    /// <summary>The entry's first spelling, folded: what a match reports, however it was written.</summary>
    public string Term { get; } = term;

    public string Category { get; } = category;

    public TermPosition Position { get; } = position;

    public InnocentPhrase[] Innocent { get; } = innocent;

    /// <summary>
    /// The term has innocent readings in context (a phrase of more than the word itself: "blue tit", "oilseed rape"), so a
    /// form built on it that is an ordinary word ("cocked", "butter", "cumin") is that ordinary word.
    /// </summary>
    public bool AllowedInContext { get; } = innocent.Any(p => p.IsContext);

    /// <summary>A clinical or formal word ("penis", "pornography"): reported for a second reader, not blocked.</summary>
    public bool Warns => Category == OffensiveLexicon.ClinicalCategory;

    /// <summary>True when the match [start, end) in <paramref name="text"/> sits inside one of the term's innocent phrases.</summary>
    public bool IsInnocentAt(string text, int start, int end)
    {
        foreach (var phrase in Innocent)
        {
            if (phrase.Excuses(text, start, end)) return true;
        }
        return false;
    }
}

/// <summary>A spelling of more than one word ("son of a bitch", "blow job"), folded word by word.</summary>
internal sealed record OffensivePhrase(string[] Words, OffensiveTerm Term);

/// <summary>
/// offensive.txt and insults.txt as frozen lookups (every spelling of every entry, by length for masked words, by position
/// for terms found inside words), plus the words that aim an insult at people (insult-targets.txt, insult-linkers.txt).
/// </summary>
/// <remarks>
/// Entry syntax (<see cref="LexiconEntry"/>): <c>term[, spelling...] | category | innocent: phrase; phrase | catch: draft | pass: draft</c>.
/// The older context syntax still loads, so a school's extension files keep working: <c>term!</c> (also a name) becomes
/// the innocent phrases "Term [Name]" and "[Name] Term", <c>not before: w</c> becomes "term w", <c>not after: w</c> "w term".
/// </remarks>
internal sealed class OffensiveLexicon
{
    public const string ClinicalCategory = "clinical";

    private readonly WordMap<OffensiveTerm> _terms;
    private readonly WordMap<OffensivePhrase[]> _phrases;
    private readonly WordMap<OffensiveInsult> _insults;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _targets;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _linkers;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _titles;
    private readonly (string Spelling, OffensiveTerm Term)[][] _byLength;
    private readonly KeyPrefixes _termPrefixes;

    /// <summary>The longest spelling a masked word is compared with ("f*ckheads" is read through its stem).</summary>
    private const int MaxMaskedLength = 32;

    public OffensiveLexicon(LexiconSet lists)
    {
        var single = new Dictionary<string, OffensiveTerm>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, List<OffensivePhrase>>(StringComparer.Ordinal);
        var inside = new List<(string, OffensiveTerm)>();
        var end = new List<(string, OffensiveTerm)>();
        foreach (var line in lists.Entries(LexiconSet.OffensiveList))
        {
            var entry = LexiconEntry.Parse(line);
            if (entry.Spellings.Count == 0) continue;
            var category = entry.Fields.Count > 0 ? entry.Fields[0].ToLowerInvariant() : "offensive";
            var term = Build(entry, category, out var spellings);
            foreach (var (spelling, position) in spellings)
            {
                var words = spelling.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 1)
                {
                    if (!phrases.TryGetValue(words[0], out var list)) phrases[words[0]] = list = [];
                    list.Add(new OffensivePhrase(words, term));
                    continue;
                }
                single.TryAdd(spelling, term);
                if (position == TermPosition.Inside) inside.Add((spelling, term));
                if (position == TermPosition.End) end.Add((spelling, term));
            }
        }
        _terms = new WordMap<OffensiveTerm>(single);
        _termPrefixes = new KeyPrefixes(single.Keys);
        _phrases = new WordMap<OffensivePhrase[]>(phrases.Select(p => KeyValuePair.Create(p.Key, p.Value.ToArray())));
        InsideWordTerms = [.. inside];
        _insideLetters = new uint[inside.Count];
        for (var k = 0; k < inside.Count; k++) _insideLetters[k] = LetterMask(inside[k].Item1);
        EndOfWordTerms = [.. end];
        var byLength = new List<(string, OffensiveTerm)>[MaxMaskedLength + 1];
        foreach (var (spelling, term) in single)
        {
            if (spelling.Length > MaxMaskedLength || !IsLetters(spelling)) continue;
            (byLength[spelling.Length] ??= []).Add((spelling, term));
        }
        _byLength = new (string, OffensiveTerm)[MaxMaskedLength + 1][];
        for (var n = 0; n <= MaxMaskedLength; n++) _byLength[n] = byLength[n]?.ToArray() ?? [];

        var insults = new Dictionary<string, OffensiveInsult>(StringComparer.Ordinal);
        foreach (var line in lists.Entries(LexiconSet.InsultsList))
        {
            var entry = LexiconEntry.Parse(line);
            if (entry.Spellings.Count == 0) continue;
            var strong = entry.Fields.Count == 0 || !entry.Fields[0].StartsWith("weak", StringComparison.OrdinalIgnoreCase);
            var term = Build(entry, OffensiveLanguage.InsultCategory, out var spellings);
            foreach (var (spelling, _) in spellings) insults.TryAdd(spelling, new OffensiveInsult(term, strong));
        }
        _insults = new WordMap<OffensiveInsult>(insults);
        _targets = Folded(lists.Entries(InsultTargetsList));
        _linkers = Folded(lists.Entries(InsultLinkersList));
        _titles = Folded(lists.Entries(TitlesList));
    }

    /// <summary>Words for people an insult can be aimed at ("parents", "staff", "referee", "you").</summary>
    public const string InsultTargetsList = "insult-targets";

    /// <summary>Titles before a surname, which make the surname no term ("Col. Faget", "Mr Dick").</summary>
    public const string TitlesList = "offensive-titles";

    /// <summary>Words that may stand between a person and the insult ("are", "such a", "a bunch of").</summary>
    public const string InsultLinkersList = "insult-linkers";

    /// <summary>Single-word terms marked <c>term*</c>, found anywhere inside longer words ("motherfucker").</summary>
    public (string Spelling, OffensiveTerm Term)[] InsideWordTerms { get; }

    private readonly uint[] _insideLetters;

    /// <summary>
    /// False when no <see cref="InsideWordTerms"/> spelling can occur in the word because the word lacks one of its letters:
    /// one pass over the word instead of a search per term, for every word of every draft.
    /// </summary>
    public bool MayHoldInsideTerm(ReadOnlySpan<char> folded)
    {
        var letters = LetterMask(folded);
        foreach (var needed in _insideLetters)
        {
            if ((letters & needed) == needed) return true;
        }
        return false;
    }

    /// <summary>Bit k set when letter 'a' + k occurs; bit 26 when any other character does.</summary>
    private static uint LetterMask(ReadOnlySpan<char> word)
    {
        var mask = 0u;
        foreach (var c in word) mask |= (uint)(c - 'a') < 26 ? 1u << (c - 'a') : 1u << 26;
        return mask;
    }

    /// <summary>Single-word terms marked <c>*term</c>, found at the end of longer words ("bullshit", "dipshit").</summary>
    public (string Spelling, OffensiveTerm Term)[] EndOfWordTerms { get; }

    public OffensiveTerm? Term(ReadOnlySpan<char> folded) => _terms.Find(folded);

    /// <summary>False when <paramref name="first"/> and <paramref name="second"/> written together cannot be a term, asked without joining them.</summary>
    public bool MayBeTerm(ReadOnlySpan<char> first, ReadOnlySpan<char> second) => _terms.MayHold(first, second);

    /// <summary>False when no single-word spelling starts with the word's first three characters (so neither it nor any stem of it is a term).</summary>
    public bool MayStartTerm(ReadOnlySpan<char> folded) => _termPrefixes.MayStart(folded);

    public OffensivePhrase[]? PhrasesStartingWith(ReadOnlySpan<char> folded) => _phrases.Find(folded);

    /// <summary>Every single-word spelling of letters only with <paramref name="length"/> letters (for masked words, "f*ck").</summary>
    public ReadOnlySpan<(string Spelling, OffensiveTerm Term)> SpellingsOfLength(int length) =>
        length < _byLength.Length ? _byLength[length] : [];

    /// <summary>The insult and whether it is strong (an insult wherever it stands) or weak (only when aimed at people).</summary>
    public OffensiveInsult? Insult(ReadOnlySpan<char> folded) => _insults.Find(folded);

    public bool IsInsultTarget(ReadOnlySpan<char> folded) => _targets.Contains(folded);

    public bool IsInsultLinker(ReadOnlySpan<char> folded) => _linkers.Contains(folded);

    /// <summary>A title before a surname (insult-targets.txt's titles: Mr, Mrs, Dr, Col...).</summary>
    public bool IsTitle(ReadOnlySpan<char> folded) => _titles.Contains(folded);

    /// <summary>The entry's term, and each spelling folded with where it is found (<c>*</c> markers removed).</summary>
    private static OffensiveTerm Build(LexiconEntry entry, string category, out List<TermSpelling> spellings)
    {
        spellings = [];
        var innocent = new List<InnocentPhrase>();
        foreach (var raw in entry.Spellings)
        {
            var s = raw;
            var position = TermPosition.Word;
            if (s.Length > 1 && s.EndsWith('*')) { s = s[..^1]; position = TermPosition.Inside; }
            else if (s.Length > 1 && s.StartsWith('*')) { s = s[1..]; position = TermPosition.End; }
            if (s.Length > 1 && s.EndsWith('!'))
            {
                s = s[..^1]; // legacy: "dick!" is also a name
                var name = char.ToUpperInvariant(s[0]) + s[1..];
                innocent.Add(InnocentPhrase.Parse(name + " " + InnocentPhrase.NameMark));
                innocent.Add(InnocentPhrase.Parse(InnocentPhrase.NameMark + " " + name));
            }
            spellings.Add(new TermSpelling(Key(s), position));
        }
        var first = spellings[0].Spelling;
        foreach (var phrases in entry.Values("innocent"))
        {
            foreach (var phrase in phrases.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                innocent.Add(InnocentPhrase.Parse(phrase));
            }
        }
        foreach (var words in entry.Values("not before"))
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries)) innocent.Add(InnocentPhrase.Parse(first + " " + w));
        }
        foreach (var words in entry.Values("not after"))
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries)) innocent.Add(InnocentPhrase.Parse(w + " " + first));
        }
        return new OffensiveTerm(first, category, spellings[0].Position, [.. innocent]);
    }

    /// <summary>A spelling as the matcher meets it: folded, without the trailing dot a chunk loses ("s.o.b." → "s.o.b").</summary>
    public static string Key(string spelling) => TextFolding.Fold(spelling).TrimEnd('.');

    private static bool IsLetters(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsLetter(c)) return false;
        }
        return true;
    }

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Folded(IReadOnlyList<string> entries)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries) set.Add(TextFolding.Fold(entry));
        return set.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
