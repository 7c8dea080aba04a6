using System.Reflection;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Lexicons;

/// <summary>
/// Every word list the code of conduct uses (text language, offensive terms, acronyms, glossary, given names, British spellings,
/// follower keywords), loaded once from the embedded data files (Lexicons/Data/NAME.txt), extended by same-named files in a school's directory.
/// </summary>
/// <remarks>
/// A list file has one entry per line; lines starting with # and blank lines are ignored. A school extends list NAME by putting
/// NAME.txt in its extension directory: its entries are added to the built-in ones (docs/checker-language.md documents every list).
/// The typed lookups the rules use are built on first use and are immutable, so one instance serves every thread.
/// </remarks>
public sealed class LexiconSet
{
    public const string TextSpeakList = "text-speak";
    public const string OffensiveList = "offensive";
    public const string InsultsList = "insults";
    public const string AcronymsList = "acronyms";
    public const string GlossaryList = "glossary";
    public const string GivenNamesList = "given-names";
    public const string EverydayNameWordsList = "everyday-name-words";
    public const string BritishWordsList = "british-words";
    public const string BritishWordsCspellList = "british-words-cspell";
    public const string GbPlacesList = "gb-places";
    public const string GrammarFixedList = "grammar-fixed";
    public const string GrammarWordsList = "grammar-words";
    public const string IrregularVerbsList = "irregular-verbs";
    public const string TextSpeakWordsList = "text-speak-words";
    public const string AmericanToBritishList = "american-to-british";
    public const string CommonMisspellingsList = "common-misspellings";
    public const string NameContextList = "name-context";
    public const string WellKnownNamesList = "well-known-names";

    private const string ResourcePrefix = "SchoolTwitter.Lexicons.";

    // The two British word lists are 140,000 lines: kept as their files' text, which DictionaryWords bisects (and later
    // indexes), so start-up makes no string per word. Entries() still gives them as strings, parsed on first ask.
    private static readonly HashSet<string> BulkLists = new([BritishWordsList, BritishWordsCspellList], StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<BuiltInLists> BuiltIn = new(LoadBuiltIn);
    private static readonly Lazy<LexiconSet> Default = new(() => new LexiconSet(BuiltIn.Value.Lists, BuiltIn.Value.BulkText));

    private readonly Dictionary<string, string[]> _lists;
    private readonly Dictionary<string, string> _bulkText;
    private readonly Dictionary<string, Lazy<string[]>> _bulkEntries;
    private readonly Lazy<LanguageLexicons> _language;
    private readonly Lazy<NameLexicons> _names;
    private readonly Lazy<GrammarLexicons> _grammar;
    private int _preparing;

    /// <param name="lists">Every list's entries; for a bulk list, only the school's additions.</param>
    /// <param name="bulkText">The built-in text of the bulk lists.</param>
    private LexiconSet(Dictionary<string, string[]> lists, Dictionary<string, string> bulkText)
    {
        _lists = lists;
        _bulkText = bulkText;
        _bulkEntries = bulkText.Keys.ToDictionary(
            name => name,
            name => new Lazy<string[]>(() => [.. EntrySlices(name).Select(e => e.ToString())], LazyThreadSafetyMode.ExecutionAndPublication),
            StringComparer.OrdinalIgnoreCase);
        _language = new Lazy<LanguageLexicons>(() => new LanguageLexicons(this), LazyThreadSafetyMode.ExecutionAndPublication);
        _names = new Lazy<NameLexicons>(() => new NameLexicons(this), LazyThreadSafetyMode.ExecutionAndPublication);
        _grammar = new Lazy<GrammarLexicons>(() => new GrammarLexicons(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The built-in lists (parsed once per process), each extended by <c>NAME.txt</c> in <paramref name="extensionDirectory"/> when given.
    /// A file there whose name matches no built-in list becomes a list of its own (e.g. the follower keywords).
    /// </summary>
    public static LexiconSet Load(string? extensionDirectory = null)
    {
        if (string.IsNullOrWhiteSpace(extensionDirectory)) return Default.Value;
        if (!Directory.Exists(extensionDirectory))
        {
            throw new DirectoryNotFoundException($"The word-list directory “{extensionDirectory}” does not exist.");
        }

        var lists = new Dictionary<string, string[]>(BuiltIn.Value.Lists, StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(extensionDirectory, "*.txt"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var extra = ParseEntries(File.ReadAllText(file));
            lists[name] = lists.TryGetValue(name, out var builtIn) ? [.. builtIn, .. extra] : [.. extra];
        }
        return new LexiconSet(lists.ToDictionary(StringComparer.OrdinalIgnoreCase), BuiltIn.Value.BulkText);
    }

    /// <summary>
    /// Starts reading the built-in lists (and, with <paramref name="withLookups"/>, building the lookups the rules use) on the
    /// thread pool, and returns at once. A process about to check a draft calls it first thing, so the lists load while it
    /// parses its command line; whatever asks for them later waits only for what is not done yet.
    /// </summary>
    public static void StartLoadingBuiltIn(bool withLookups) =>
        _ = Task.Run(() =>
        {
            var set = Default.Value;
            if (!withLookups) return;
            set.PrepareInBackground();
            _ = set.Language;
        });

    /// <summary>The names of every list this set holds.</summary>
    public IEnumerable<string> ListNames => _lists.Keys.Union(_bulkText.Keys, StringComparer.OrdinalIgnoreCase);

    /// <summary>The entries of list <paramref name="listName"/> (file name without .txt): built-in lines plus the school's, comments and blanks removed.</summary>
    public IReadOnlyList<string> Entries(string listName) =>
        _bulkEntries.TryGetValue(listName, out var bulk) ? bulk.Value
        : _lists.TryGetValue(listName, out var entries) ? entries : [];

    /// <summary>As <see cref="Entries"/>, as slices of the list files' text: a string is made only for the school's additions.</summary>
    internal IEnumerable<ReadOnlyMemory<char>> EntrySlices(string listName)
    {
        if (_bulkText.TryGetValue(listName, out var text))
        {
            foreach (var line in Lines(text)) yield return line;
        }
        if (_lists.TryGetValue(listName, out var entries))
        {
            foreach (var entry in entries) yield return entry.AsMemory();
        }
    }

    /// <summary>The built-in text of the bulk lists named (their files as embedded, # header included).</summary>
    internal IEnumerable<string> BuiltInText(params string[] listNames)
    {
        foreach (var name in listNames)
        {
            if (_bulkText.TryGetValue(name, out var text)) yield return text;
        }
    }

    /// <summary>What the school's directory adds to a bulk list (its built-in entries are in <see cref="BuiltInText"/>).</summary>
    internal IReadOnlyList<string> SchoolEntries(string bulkListName) =>
        _bulkText.ContainsKey(bulkListName) && _lists.TryGetValue(bulkListName, out var entries) ? entries : [];

    /// <summary>About how many characters <see cref="EntrySlices"/> gives (to size a table up front), without parsing a bulk list.</summary>
    internal int CharacterCount(string listName) =>
        (_bulkText.TryGetValue(listName, out var text) ? text.Length : 0)
        + (_lists.TryGetValue(listName, out var entries) ? entries.Sum(e => e.Length + 1) : 0);

    /// <summary>The typed, folded lookups the language rules use (built once per set, on first use).</summary>
    internal LanguageLexicons Language => _language.Value;

    /// <summary>The words around names and the well-known names the name rules use (built once per set, on first use).</summary>
    internal NameLexicons Names => _names.Value;

    /// <summary>The grammar rule's fixed mistakes, context words and irregular verbs (built once per set, on first use).</summary>
    internal GrammarLexicons Grammar => _grammar.Value;

    /// <summary>
    /// Starts building the lexicons the rules share, each on its own thread-pool thread, and returns at once: the checker's
    /// constructors then wait only for the slowest, not the sum (the CLI's first verdict waits on this). Safe to call again.
    /// </summary>
    internal void PrepareInBackground()
    {
        if (Interlocked.Exchange(ref _preparing, 1) == 1) return; // started already: the tasks are queued or done
        _ = Task.Run(() => _names.Value);
        _ = Task.Run(() => _grammar.Value);
        _ = Task.Run(() => RemarkLexicon.For(this));
    }

    /// <summary>True when <paramref name="word"/> is in the British word list, the glossary, the acronyms or the given names (case-insensitive, folded).</summary>
    public bool IsKnownWord(string word)
    {
        var folded = TextFolding.Fold(word);
        var language = Language;
        return language.IsDictionaryWord(folded) || language.IsGlossaryWord(folded) || language.IsAcronym(folded)
            || language.IsGivenName(folded) || language.IsEverydayNameWord(folded);
    }

    private static BuiltInLists LoadBuiltIn()
    {
        var assembly = typeof(LexiconSet).Assembly;
        var lists = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var bulk = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                || !resource.EndsWith(".txt", StringComparison.Ordinal))
            {
                continue;
            }
            var name = resource[ResourcePrefix.Length..^".txt".Length];
            if (name.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase)) continue;
            if (name.Contains('/') || name.Contains('\\')) continue; // a subfolder (examples/) is not a word list
            var text = EmbeddedText.Read(assembly, resource);
            if (BulkLists.Contains(name)) bulk[name] = text;
            else lists[name] = ParseEntries(text);
        }
        return new BuiltInLists(lists, bulk);
    }

    /// <summary>A list file's entries as strings. Plain loops: start-up runs this before the JIT has optimised generic LINQ.</summary>
    private static string[] ParseEntries(string text)
    {
        var entries = new List<string>(text.Length / 16);
        for (var at = 0; NextEntry(text, ref at, out var from, out var to);) entries.Add(text.Substring(from, to - from));
        return [.. entries];
    }

    /// <summary>A list file's entries as slices of its text.</summary>
    private static IEnumerable<ReadOnlyMemory<char>> Lines(string text)
    {
        for (var at = 0; NextEntry(text, ref at, out var from, out var to);) yield return text.AsMemory(from, to - from);
    }

    /// <summary>The next entry from <paramref name="at"/> on: a line trimmed, blank lines and # comments skipped; false at the end.</summary>
    private static bool NextEntry(string text, ref int at, out int from, out int to)
    {
        while (at < text.Length)
        {
            var end = text.IndexOf('\n', at);
            if (end < 0) end = text.Length;
            from = at;
            to = end;
            at = end + 1;
            while (from < to && char.IsWhiteSpace(text[from])) from++;
            while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
            if (to > from && text[from] != '#') return true;
        }
        from = to = 0;
        return false;
    }

    /// <summary>The embedded lists: a class rather than a tuple, so its <see cref="Lazy{T}"/> needs no compiling at start-up.</summary>
    private sealed record BuiltInLists(Dictionary<string, string[]> Lists, Dictionary<string, string> BulkText);
}
