namespace SchoolTwitter.Core.Lexicons;

/// <summary>
/// One line of a term list: <c>term[, spelling...] | field | name: value | ...</c>. The first field is the term and its other
/// spellings (comma-separated); fields without a name follow in order (a category, a strength); named fields
/// (<c>innocent:</c>, <c>catch:</c>, <c>pass:</c>) may repeat and come in any order. A value never holds a <c>|</c>.
/// </summary>
public sealed class LexiconEntry
{
    private LexiconEntry(string line, string[] spellings, string[] fields, (string Name, string Value)[] named)
    {
        Line = line;
        Spellings = spellings;
        Fields = fields;
        Named = named;
    }

    /// <summary>The line as written.</summary>
    public string Line { get; }

    /// <summary>The term first, then its other spellings, as written (trimmed).</summary>
    public IReadOnlyList<string> Spellings { get; }

    public string Term => Spellings.Count > 0 ? Spellings[0] : "";

    /// <summary>The unnamed fields after the term, in order (for offensive.txt: the category).</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The named fields in order of appearance; names are lower case ("innocent", "catch", "pass", "not before").</summary>
    public IReadOnlyList<(string Name, string Value)> Named { get; }

    /// <summary>Every value of the named field <paramref name="name"/>.</summary>
    public List<string> Values(string name)
    {
        var values = new List<string>();
        foreach (var (n, value) in Named)
        {
            if (n == name) values.Add(value);
        }
        return values;
    }

    public static LexiconEntry Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        var spellings = parts[0].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var fields = new List<string>();
        var named = new List<(string, string)>();
        for (var k = 1; k < parts.Length; k++)
        {
            var part = parts[k];
            if (NameOf(part) is { } name) named.Add((name.ToLowerInvariant(), part[(name.Length + 1)..].Trim()));
            else if (part.Length > 0) fields.Add(part);
        }
        return new LexiconEntry(line, spellings, [.. fields], [.. named]);
    }

    /// <summary>"catch: What a shit day." has the name "catch"; a name is one or two words of letters before the first colon.</summary>
    private static string? NameOf(string field)
    {
        var colon = field.IndexOf(':');
        if (colon <= 0 || colon > 20) return null;
        var name = field[..colon];
        foreach (var c in name)
        {
            if (!char.IsAsciiLetter(c) && c != ' ') return null;
        }
        return name.Trim().Length == name.Length ? name : null;
    }
}
