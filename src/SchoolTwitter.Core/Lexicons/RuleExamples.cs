using System.Reflection;
using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Core.Lexicons;

/// <summary>
/// One example a rule must get right: a text-only draft it must report (<see cref="MustCatch"/>, optionally with a finding
/// whose message or suggestion contains <see cref="Suggestion"/>) or must let through. <see cref="Source"/> says where it is
/// written ("examples/grammar.txt:12", "offensive.txt: fuck").
/// </summary>
public sealed record RuleExample(string Rule, bool MustCatch, string Text, string? Suggestion, string Source);

/// <summary>
/// Every rule's examples, kept beside its data rather than in test code, so one theory runs them all (a school's too).
/// </summary>
/// <remarks>
/// <para>Example files: <c>Lexicons/Data/examples/&lt;rule-id&gt;.txt</c> (embedded), or <c>examples/&lt;rule-id&gt;.txt</c> in a
/// school's extension directory. One example per line; <c>#</c> starts a comment line; blank lines are ignored:</para>
/// <code>
/// catch: &lt;draft text&gt;                   the rule reports at least one finding on this text-only draft
/// catch: &lt;draft text&gt; =&gt; &lt;suggestion&gt;   ... and some finding's message or suggestion contains &lt;suggestion&gt;
/// pass: &lt;draft text&gt;                    the rule reports nothing
/// </code>
/// <para>Term lists carry examples in each entry as <c>| catch: draft</c> and <c>| pass: draft</c> fields
/// (<see cref="LexiconEntry"/>). In the lists of <see cref="EntryLists"/> every entry must have a catch example: a line
/// without one is an error, so an entry a school adds is tested like a built-in one.</para>
/// </remarks>
public static class RuleExamples
{
    /// <summary>The folder of example files, under Lexicons/Data and under a school's extension directory.</summary>
    public const string Folder = "examples";

    private const string ResourcePrefix = "SchoolTwitter.Lexicons." + Folder;

    /// <summary>Term lists whose every entry carries its own examples, and the rule that runs them.</summary>
    public static readonly IReadOnlyDictionary<string, string> EntryLists = new Dictionary<string, string>
    {
        [LexiconSet.OffensiveList] = RuleIds.Offensive,
        [LexiconSet.InsultsList] = RuleIds.Offensive,
    };

    /// <summary>The built-in examples: the embedded example files and the examples in the built-in term lists.</summary>
    public static IReadOnlyList<RuleExample> BuiltIn()
    {
        var examples = new List<RuleExample>();
        var assembly = typeof(RuleExamples).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            // The embedded name keeps the folder separator of the machine that built it ("examples/x.txt" or "examples\x.txt").
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || resource.Length <= ResourcePrefix.Length
                || resource[ResourcePrefix.Length] is not ('/' or '\\') || !resource.EndsWith(".txt", StringComparison.Ordinal))
            {
                continue;
            }
            var fileName = resource[(ResourcePrefix.Length + 1)..];
            examples.AddRange(ParseFile(Path.GetFileNameWithoutExtension(fileName), Folder + "/" + fileName, ReadResource(assembly, resource)));
        }
        var lexicons = LexiconSet.Load();
        foreach (var (list, rule) in EntryLists)
        {
            examples.AddRange(FromEntries(rule, list + ".txt", lexicons.Entries(list)));
        }
        return examples;
    }

    /// <summary>A school's examples: <c>examples/*.txt</c> in its extension directory and the examples in its term-list files.</summary>
    public static IReadOnlyList<RuleExample> School(string extensionDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(extensionDirectory);
        if (!Directory.Exists(extensionDirectory))
        {
            throw new DirectoryNotFoundException($"The word-list directory “{extensionDirectory}” does not exist.");
        }
        var examples = new List<RuleExample>();
        var folder = Path.Combine(extensionDirectory, Folder);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
            {
                examples.AddRange(ParseFile(Path.GetFileNameWithoutExtension(file), Folder + "/" + Path.GetFileName(file), File.ReadLines(file)));
            }
        }
        foreach (var (list, rule) in EntryLists)
        {
            var file = Path.Combine(extensionDirectory, list + ".txt");
            if (!File.Exists(file)) continue;
            var entries = File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#');
            examples.AddRange(FromEntries(rule, list + ".txt (school)", entries));
        }
        return examples;
    }

    /// <summary>The examples of an example file's lines; any other line is an error naming the file and line.</summary>
    public static IEnumerable<RuleExample> ParseFile(string rule, string source, IEnumerable<string> lines)
    {
        var n = 0;
        foreach (var raw in lines)
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (Parse(rule, line, $"{source}:{n}") is { } example)
            {
                yield return example;
                continue;
            }
            throw new InvalidDataException($"{source} line {n}: expected “catch: draft”, “catch: draft => suggestion” or “pass: draft”, found “{line}”.");
        }
    }

    private static IEnumerable<RuleExample> FromEntries(string rule, string source, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var entry = LexiconEntry.Parse(line);
            var where = $"{source}: {entry.Term}";
            var catches = 0;
            foreach (var (name, value) in entry.Named)
            {
                if (name is not ("catch" or "pass")) continue;
                if (value.Length == 0) throw new InvalidDataException($"{where}: an empty {name}: example.");
                if (name == "catch") catches++;
                yield return Parse(rule, name + ": " + value, where)!;
            }
            if (catches == 0)
            {
                throw new InvalidDataException($"{where}: every entry needs a “| catch: draft” example the rule must block.");
            }
        }
    }

    private static RuleExample? Parse(string rule, string line, string source)
    {
        if (line.StartsWith("pass:", StringComparison.Ordinal))
        {
            var text = line[5..].Trim();
            return text.Length == 0 ? null : new RuleExample(rule, false, text, null, source);
        }
        if (!line.StartsWith("catch:", StringComparison.Ordinal)) return null;
        var body = line[6..].Trim();
        var arrow = body.LastIndexOf("=>", StringComparison.Ordinal);
        var draft = arrow < 0 ? body : body[..arrow].Trim();
        var suggestion = arrow < 0 ? null : body[(arrow + 2)..].Trim();
        return draft.Length == 0 || suggestion is { Length: 0 } ? null : new RuleExample(rule, true, draft, suggestion, source);
    }

    private static IEnumerable<string> ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line) yield return line;
    }
}
