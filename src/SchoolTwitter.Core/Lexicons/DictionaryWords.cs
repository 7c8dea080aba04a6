namespace SchoolTwitter.Core.Lexicons;

/// <summary>
/// The British word lists (140,000 words) as one lookup that costs nothing to start: the files' text is bisected
/// (<see cref="SortedWordText"/>) until enough lookups show the process is checking many drafts, then a hash table
/// (<see cref="WordTable"/>) is built on another thread and answers from then on. The CLI checking one draft looks up a few
/// hundred words and exits before any table would be ready; the Functions app and a JSON Lines run switch after a few drafts.
/// </summary>
internal sealed class DictionaryWords
{
    /// <summary>Lookups answered by bisection before the table is built: about twenty drafts' worth.</summary>
    public const int LookupsBeforeTable = 4096;

    private readonly LexiconSet _lists;
    private readonly int _lookupsBeforeTable;
    private readonly SortedWordText[] _sorted;
    private readonly WordTable _schoolWords;
    private volatile WordTable? _table;
    private int _lookups;

    /// <param name="lookupsBeforeTable">When to start building the table (tests pass int.MaxValue to keep bisecting).</param>
    public DictionaryWords(LexiconSet lists, int lookupsBeforeTable = LookupsBeforeTable)
    {
        _lists = lists;
        _lookupsBeforeTable = lookupsBeforeTable;
        _sorted = [.. lists.BuiltInText(LexiconSet.BritishWordsList, LexiconSet.BritishWordsCspellList).Select(text => new SortedWordText(text))];
        var school = new WordTable.Builder(1024);
        Span<char> folded = stackalloc char[MaxWordLength];
        foreach (var list in Lists)
        {
            foreach (var entry in lists.SchoolEntries(list)) Add(school, entry, folded);
        }
        _schoolWords = school.Build();
    }

    /// <summary>True once the hash table answers (for the benchmarks, which measure the long-running case).</summary>
    public bool HasTable => _table is not null;

    public WordKinds Kinds(ReadOnlySpan<char> folded)
    {
        if (_table is { } table) return table.Kinds(folded);
        if (Interlocked.Increment(ref _lookups) == _lookupsBeforeTable) _ = Task.Run(BuildTable);
        var kinds = _schoolWords.Kinds(folded);
        foreach (var sorted in _sorted) kinds |= sorted.Kinds(folded);
        return kinds;
    }

    /// <summary>Builds the table now (on this thread) if it is not built yet.</summary>
    public void BuildTable()
    {
        if (_table is not null) return;
        var builder = new WordTable.Builder(Lists.Sum(_lists.CharacterCount));
        Span<char> folded = stackalloc char[MaxWordLength];
        foreach (var list in Lists)
        {
            foreach (var entry in _lists.EntrySlices(list)) Add(builder, entry.Span, folded);
        }
        _table = builder.Build();
    }

    private const int MaxWordLength = 256;

    private static readonly string[] Lists = [LexiconSet.BritishWordsList, LexiconSet.BritishWordsCspellList];

    private static void Add(WordTable.Builder builder, ReadOnlySpan<char> word, Span<char> folded)
    {
        if (word.IsEmpty || word.Length > folded.Length) return; // no word is that long; a broken line must not stop start-up
        builder.Add(Fold(word, folded), char.IsUpper(word[0]) ? WordKinds.ProperNoun : WordKinds.LowerCaseWord);
    }

    /// <summary>The folded word: itself when it is plain lower-case ASCII, as most of the lists' words are.</summary>
    private static ReadOnlySpan<char> Fold(ReadOnlySpan<char> word, Span<char> into)
    {
        foreach (var c in word)
        {
            if (c >= 0x80 || char.IsUpper(c)) return into[..Text.TextFolding.Fold(word, into)];
        }
        return word;
    }
}
