using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// A draft's words as the remark rules read them: each word's roles from the remarks lists, where clauses begin, and phrase
/// matching. Worked out once per draft and per thread, then shared by the defamation, discrimination and sexualised rules,
/// so the three cost one dictionary look-up per word between them and allocate nothing.
/// </summary>
internal sealed class RemarkReading
{
    [ThreadStatic] private static RemarkReading? t_reading;

    private RemarkRole[] _roles = new RemarkRole[64];
    private RemarkRole[] _phrases = new RemarkRole[64];
    private bool[] _clauseStart = new bool[64];

    private RemarkReading(TextAnalysis words, RemarkLexicon lexicon)
    {
        Words = words;
        Lexicon = lexicon;
    }

    public TextAnalysis Words { get; private set; }

    public RemarkLexicon Lexicon { get; private set; }

    public int Count => Words.Count;

    /// <summary>Every role any word of the draft has or starts: a rule whose words are absent has nothing to read.</summary>
    public RemarkRole Present { get; private set; }

    public static RemarkReading Of(TextAnalysis words, RemarkLexicon lexicon)
    {
        var reading = t_reading;
        if (reading is not null && ReferenceEquals(reading.Words, words) && ReferenceEquals(reading.Lexicon, lexicon)) return reading;
        reading ??= t_reading = new RemarkReading(words, lexicon);
        reading.Read(words, lexicon);
        return reading;
    }

    public ReadOnlySpan<char> Folded(int k) => Words.Folded(k);

    public bool Has(int k, RemarkRole role) => k >= 0 && k < Words.Count && (_roles[k] & role) != 0;

    /// <summary>True when an entry with <paramref name="role"/>, of one word or more, starts at word <paramref name="k"/> (its other words unchecked).</summary>
    public bool MayStart(int k, RemarkRole role) => k >= 0 && k < Words.Count && ((_roles[k] | _phrases[k]) & role) != 0;

    public bool Capitalised(int k) => Words[k].Has(WordFlags.Capitalised) || Words[k].Has(WordFlags.AllCaps);

    /// <summary>True when word <paramref name="k"/> starts a sentence, a line or a clause (after , ; : brackets or a dash).</summary>
    public bool ClauseStart(int k) => k <= 0 || k >= Words.Count || _clauseStart[k];

    /// <summary>True when words <paramref name="k"/> - 1 and <paramref name="k"/> belong together: same clause, nothing skipped between.</summary>
    public bool Joined(int k) => !ClauseStart(k) && !Words[k].Has(WordFlags.AfterEntity);

    public bool Is(int k, string folded) => k >= 0 && k < Words.Count && Folded(k).SequenceEqual(folded);

    /// <summary>Word <paramref name="k"/> ends in 's ("Oakfield's", "Mary's") or is followed by an apostrophe ("girls' team").</summary>
    public bool Possessive(int k)
    {
        var f = Folded(k);
        if (f.Length > 2 && f[^2] == '\'' && f[^1] == 's') return true;
        var gap = Words.GapBefore(k + 1);
        return gap.Length > 0 && gap[0] is '\'' or '’';
    }

    /// <summary>
    /// The longest entry with one of <paramref name="roles"/> starting at word <paramref name="k"/> whose words follow in the
    /// same clause and whose conditions on the next word hold; returns the index after its last word, or -1.
    /// </summary>
    public int Match(int k, RemarkRole roles, out RemarkEntry entry)
    {
        entry = null!;
        if (!MayStart(k, roles)) return -1;
        var entries = Lexicon.EntriesStartingWith(Folded(k));
        if (entries is null) return -1;
        foreach (var e in entries)
        {
            if ((e.Role & roles) == 0) continue;
            var end = k + e.Words.Length;
            if (end > Words.Count) continue;
            var matches = true;
            for (var w = 1; w < e.Words.Length && matches; w++)
            {
                matches = Joined(k + w) && Folded(k + w).SequenceEqual(e.Words[w]);
            }
            if (!matches || (e.CapitalisedOnly && !Capitalised(k)) || !NextAllows(e, end)) continue;
            entry = e;
            return end;
        }
        return -1;
    }

    /// <summary>Whether the words after an entry permit it: not "stole the show", only "fiddled the books".</summary>
    private bool NextAllows(RemarkEntry e, int end)
    {
        if (e.NotBefore is null && e.OnlyBefore is null) return true;
        var atEnd = !(end < Words.Count && Joined(end));
        var next = atEnd ? -1 : end;
        // "the"/"our"/"a" may stand between: "stole the show", "fiddled their figures".
        var after = next >= 0 && end + 1 < Words.Count && Joined(end + 1) && IsArticle(Folded(next)) ? end + 1 : -1;
        if (e.NotBefore is { } not && (In(not, next) || In(not, after))) return false;
        return e.OnlyBefore is not { } only || (atEnd && e.OnlyBeforeEnd) || In(only, next) || In(only, after);
    }

    public bool In(HashSet<string> words, int k) => k >= 0 && words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Folded(k));

    private static bool IsArticle(ReadOnlySpan<char> w) =>
        w is "the" or "a" or "an" or "our" or "their" or "his" or "her" or "my" or "your" or "its" or "some" or "all";

    private void Read(TextAnalysis words, RemarkLexicon lexicon)
    {
        Words = words;
        Lexicon = lexicon;
        if (_roles.Length < words.Count)
        {
            _roles = new RemarkRole[Math.Max(words.Count, _roles.Length * 2)];
            _phrases = new RemarkRole[_roles.Length];
            _clauseStart = new bool[_roles.Length];
        }
        var tokens = words.Tokens;
        var present = RemarkRole.None;
        for (var k = 0; k < tokens.Length; k++)
        {
            (_roles[k], _phrases[k]) = lexicon.AllRoles(words.Folded(k));
            present |= _roles[k] | _phrases[k];
            _clauseStart[k] = k == 0 || tokens[k].Has(WordFlags.SentenceStart) || tokens[k].Has(WordFlags.LineStart)
                || BreaksClause(words.GapBefore(k));
        }
        Present = present;
    }

    // Most words follow one space.
    private static bool BreaksClause(ReadOnlySpan<char> gap) => gap is not " " && gap.IndexOfAny(ClauseBreaks) >= 0;

    private static readonly System.Buffers.SearchValues<char> ClauseBreaks = System.Buffers.SearchValues.Create(",;:()[]—–\"“”");
}
