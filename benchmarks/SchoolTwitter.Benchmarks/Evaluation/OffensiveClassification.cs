using System.Reflection;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>What a careful safeguarding lead in a British primary school would do with a profanity-list entry.</summary>
internal enum OffensiveClass
{
    /// <summary>Never on the school account, in any sentence.</summary>
    MustBlock,

    /// <summary>Offensive, but innocent in a context the reason names (a cocker spaniel, oilseed rape, Dick Whittington).</summary>
    AllowedInContext,

    /// <summary>Ordinary in British school use (god, balls, screw, Nazis in history).</summary>
    NotOffensiveUkSchool,

    /// <summary>An anatomical, medical or clinical word (RSE and science).</summary>
    Clinical,

    /// <summary>Not English.</summary>
    Foreign,

    /// <summary>List syntax, a fragment or a typo rather than a word.</summary>
    Artefact,
}

/// <summary>One classified list entry; <see cref="Tested"/> is the entry without list syntax (a wildcard <c>*</c> or a stray <c>;</c>).</summary>
internal sealed record OffensiveEntry(string Term, OffensiveClass Class, string Reason)
{
    public string Tested { get; } = Term.Trim('*').TrimEnd(';');

    /// <summary>One word of letters only: the forms the disguise and derived-form measures build on.</summary>
    public bool IsPlainWord => Tested.Length >= 3 && Tested.All(char.IsAsciiLetterLower);
}

/// <summary>
/// The reviewable classification of every entry of the five lists (Data/offensive-classification.tsv: term, class, reason),
/// checked against the lists as installed so an entry a package adds cannot go unmeasured.
/// </summary>
internal static class OffensiveClassification
{
    public static IReadOnlyList<OffensiveEntry> Load(IReadOnlyDictionary<string, List<string>> lists)
    {
        var entries = new Dictionary<string, OffensiveEntry>(StringComparer.Ordinal);
        var n = 0;
        foreach (var line in EmbeddedLines("offensive-classification.tsv"))
        {
            n++;
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            if (fields.Length != 3 || fields[2].Length == 0)
                throw new InvalidDataException($"offensive-classification.tsv line {n}: expected term<TAB>class<TAB>reason.");
            entries.Add(fields[0], new OffensiveEntry(fields[0], ParseClass(fields[1], n), fields[2]));
        }
        var unclassified = lists.Keys.Where(k => !entries.ContainsKey(k)).ToList();
        var stale = entries.Keys.Where(k => !lists.ContainsKey(k)).ToList();
        if (unclassified.Count > 0 || stale.Count > 0)
        {
            throw new InvalidDataException("offensive-classification.tsv does not match the installed lists: " +
                (unclassified.Count > 0 ? $"unclassified {string.Join(", ", unclassified)}; " : "") +
                (stale.Count > 0 ? $"in no list {string.Join(", ", stale)}." : ""));
        }
        return [.. entries.Values.OrderBy(e => e.Term, StringComparer.Ordinal)];
    }

    /// <summary>Lines of a data file embedded from Evaluation/Data.</summary>
    public static IEnumerable<string> EmbeddedLines(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Evaluation." + fileName)
            ?? throw new InvalidOperationException($"Evaluation data file {fileName} is not embedded.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line) yield return line;
    }

    private static OffensiveClass ParseClass(string name, int line) => name switch
    {
        "must-block" => OffensiveClass.MustBlock,
        "allowed-in-context" => OffensiveClass.AllowedInContext,
        "not-offensive-uk-school" => OffensiveClass.NotOffensiveUkSchool,
        "clinical" => OffensiveClass.Clinical,
        "foreign" => OffensiveClass.Foreign,
        "artefact" => OffensiveClass.Artefact,
        _ => throw new InvalidDataException($"offensive-classification.tsv line {line}: unknown class “{name}”."),
    };
}
