namespace SchoolTwitter.Core.Followers;

/// <summary>
/// One line of a follower list (Lexicons/Data/follower-*.txt): <c>term | kind | key: value | catch: bio | pass: bio</c>.
/// Only the term is required, so a school's extension file can hold bare terms. A bare field is the entry's kind (block, review,
/// strong, context, contact...); <c>catch:</c> and <c>pass:</c> are examples (a follower's bio that must, or must not, raise the
/// list's concern), tested one by one; other <c>key: value</c> fields (source, note, case) are kept for the entry's users.
/// Fields are separated by " | " (a pipe with a space each side), so a term or example may contain a bare "|".
/// </summary>
public sealed record FollowerListEntry(
    string Term,
    string? Kind,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> Catch,
    IReadOnlyList<string> Pass)
{
    private const string Separator = " | ";

    public static FollowerListEntry Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Split(Separator, StringSplitOptions.TrimEntries);
        string? kind = null;
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var catches = new List<string>();
        var passes = new List<string>();
        foreach (var part in parts.Skip(1))
        {
            if (part.Length == 0) continue;
            var colon = part.IndexOf(':');
            var key = colon > 0 ? part[..colon].Trim() : "";
            var value = colon > 0 ? part[(colon + 1)..].Trim() : "";
            if (key.Equals("catch", StringComparison.OrdinalIgnoreCase)) catches.Add(value);
            else if (key.Equals("pass", StringComparison.OrdinalIgnoreCase)) passes.Add(value);
            else if (colon > 0 && key.All(char.IsAsciiLetter)) fields[key] = value;
            else kind ??= part.ToLowerInvariant();
        }
        return new FollowerListEntry(parts[0], kind, fields, catches, passes);
    }

    public static IReadOnlyList<FollowerListEntry> ParseAll(IEnumerable<string> lines) =>
        lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(Parse).Where(e => e.Term.Length > 0).ToList();

    public string? Field(string key) => Fields.TryGetValue(key, out var v) ? v : null;

    public bool IsKind(string kind) => string.Equals(Kind, kind, StringComparison.OrdinalIgnoreCase);
}
