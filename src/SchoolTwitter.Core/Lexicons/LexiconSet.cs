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

    private static readonly Lazy<Dictionary<string, string[]>> BuiltIn = new(LoadBuiltIn);
    private static readonly Lazy<LexiconSet> Default = new(() => new LexiconSet(BuiltIn.Value));

    private readonly Dictionary<string, string[]> _lists;
    private readonly Lazy<LanguageLexicons> _language;
    private readonly Lazy<NameLexicons> _names;
    private readonly Lazy<GrammarLexicons> _grammar;

    private LexiconSet(Dictionary<string, string[]> lists)
    {
        _lists = lists;
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

        var lists = new Dictionary<string, string[]>(BuiltIn.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(extensionDirectory, "*.txt"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var extra = ParseLines(File.ReadLines(file));
            lists[name] = lists.TryGetValue(name, out var builtIn) ? [.. builtIn, .. extra] : [.. extra];
        }
        return new LexiconSet(lists.ToDictionary(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The names of every list this set holds.</summary>
    public IEnumerable<string> ListNames => _lists.Keys;

    /// <summary>The entries of list <paramref name="listName"/> (file name without .txt): built-in lines plus the school's, comments and blanks removed.</summary>
    public IReadOnlyList<string> Entries(string listName) =>
        _lists.TryGetValue(listName, out var entries) ? entries : [];

    /// <summary>The typed, folded lookups the language rules use (built once per set, on first use).</summary>
    internal LanguageLexicons Language => _language.Value;

    /// <summary>The words around names and the well-known names the name rules use (built once per set, on first use).</summary>
    internal NameLexicons Names => _names.Value;

    /// <summary>The grammar rule's fixed mistakes, context words and irregular verbs (built once per set, on first use).</summary>
    internal GrammarLexicons Grammar => _grammar.Value;

    /// <summary>True when <paramref name="word"/> is in the British word list, the glossary, the acronyms or the given names (case-insensitive, folded).</summary>
    public bool IsKnownWord(string word)
    {
        var folded = TextFolding.Fold(word);
        var language = Language;
        return language.IsDictionaryWord(folded) || language.IsGlossaryWord(folded) || language.IsAcronym(folded)
            || language.IsGivenName(folded) || language.IsEverydayNameWord(folded);
    }

    private static Dictionary<string, string[]> LoadBuiltIn()
    {
        var assembly = typeof(LexiconSet).Assembly;
        var lists = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
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
            lists[name] = ParseLines(ReadResourceLines(assembly, resource)).ToArray();
        }
        return lists.ToDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> ReadResourceLines(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded word list {resource} is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line) yield return line;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // 100k lines at start-up
    private static List<string> ParseLines(IEnumerable<string> lines)
    {
        var entries = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            entries.Add(line);
        }
        return entries;
    }
}
