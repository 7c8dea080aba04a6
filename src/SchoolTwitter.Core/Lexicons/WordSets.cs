using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Lexicons;

/// <summary>
/// Named word sets from one list file, a set a line (<c>name: word word ...</c>), as span lookups built once. Lines with the
/// same name add to one set, so a school's extension file extends a built-in set.
/// </summary>
internal sealed class WordSets
{
    private readonly string _listName;
    private readonly Dictionary<string, WordSet> _sets;

    public WordSets(LexiconSet lists, string listName)
    {
        _listName = listName;
        var sets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var entry in lists.Entries(listName))
        {
            var colon = entry.IndexOf(':');
            if (colon <= 0) continue;
            var name = entry[..colon].Trim().ToLowerInvariant();
            if (!sets.TryGetValue(name, out var set)) sets[name] = set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var word in entry[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)) set.Add(TextFolding.Fold(word));
        }
        _sets = sets.ToDictionary(p => p.Key, p => new WordSet(p.Value), StringComparer.Ordinal);
    }

    /// <summary>The set called <paramref name="name"/>; a missing line is a broken data file, so it fails at start-up, not per draft.</summary>
    public WordSet this[string name] =>
        _sets.TryGetValue(name, out var set) ? set
            : throw new InvalidOperationException($"The word list {_listName}.txt has no “{name}:” line.");
}
