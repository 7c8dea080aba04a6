using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Followers;

/// <summary>
/// The checker's <see cref="OffensiveLanguage"/> read the way a follower's profile needs: a match is excused inside an innocent
/// name or phrase ("Dick Whittington", "Sex Education", "Naked Mole Rat"), as a surname after a title or a given name
/// ("Mrs Dyke", "Mr Coon"), or as a place or pub name when the word is also an ordinary word ("Cock Hill", "The Cock Inn").
/// Each excuse is kept, so the assessment can say what it read and why it let it pass.
/// </summary>
public sealed class FollowerLanguage(OffensiveLanguage offensive, FollowerKeywords keywords, Func<string, bool> isOrdinaryWord, Func<string, bool> isGivenName)
{
    /// <summary>Titles before a surname ("Mrs Dyke"); the handle reading also keeps the word after one whole.</summary>
    internal static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "cllr", "councillor", "sir", "dame", "lady", "lord", "rev", "revd",
    };

    /// <summary>The matches in <paramref name="text"/> that stand, and what was excused (with why).</summary>
    /// <param name="profile">The whole profile, when <paramref name="text"/> is part of one: a pub's bio makes "The Old Cock" its name.</param>
    public (IReadOnlyList<LanguageMatch> Matches, IReadOnlyList<string> Excused) Find(string? text, string? profile = null)
    {
        var isPub = profile is not null && keywords.Venues.Find(profile).Count > 0;
        if (string.IsNullOrWhiteSpace(text)) return ([], []);
        var kept = new List<LanguageMatch>();
        var excused = new List<string>();
        foreach (var match in offensive.Find(text))
        {
            var written = text.Substring(match.Start, match.Length);
            var why = Excuse(text, match, written, isPub);
            if (why is null) kept.Add(match);
            else excused.Add($"\"{written}\" {why}");
        }
        return (kept, excused);
    }

    private string? Excuse(string text, LanguageMatch match, string written, bool isPub)
    {
        if (InnocentName(text, match) is { } name) return $"is part of \"{name}\"";
        if (!char.IsUpper(written[0])) return null;
        var before = WordBefore(text, match.Start);
        var after = WordAfter(text, match.Start + match.Length);
        if (keywords.Surnames.Contains(written) && (Titles.Contains(before.TrimEnd('.')) || (IsCapitalised(before) && isGivenName(before))))
        {
            return $"read as a surname (after \"{before}\")";
        }
        if (isOrdinaryWord(written.ToLowerInvariant()) && IsCapitalised(after) && keywords.PlaceWords.Contains(after))
        {
            return $"read as a place or pub name (\"{written} {after}\")";
        }
        if (isPub && isOrdinaryWord(written.ToLowerInvariant()) && PubName(text, match.Start))
        {
            return "read as the pub's name (\"The ... " + written + "\" in a pub's profile)";
        }
        return null;
    }

    /// <summary>"The Cock", "The Old Cock": the word straight after "The", or after "The" and one capitalised word.</summary>
    private static bool PubName(string text, int at)
    {
        var before = WordBefore(text, at);
        if (before == "The") return true;
        if (!IsCapitalised(before)) return false;
        var start = at;
        while (start > 0 && text[start - 1] == ' ') start--;
        start -= before.Length;
        return WordBefore(text, start) == "The";
    }

    /// <summary>"Dick Whittington", "Dick King-Smith": a match wholly inside a listed innocent name is not offensive.</summary>
    private string? InnocentName(string text, LanguageMatch match)
    {
        foreach (var name in keywords.InnocentNames)
        {
            for (var i = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); i >= 0;
                 i = text.IndexOf(name, i + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (match.Start >= i && match.Start + match.Length <= i + name.Length) return name;
            }
        }
        return null;
    }

    private static bool IsCapitalised(string word) => word.Length > 1 && char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower);

    private static string WordBefore(string text, int at)
    {
        var end = at;
        while (end > 0 && text[end - 1] == ' ') end--;
        var start = end;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.')) start--;
        return text[start..end];
    }

    private static string WordAfter(string text, int at)
    {
        var start = at;
        while (start < text.Length && text[start] == ' ') start++;
        var end = start;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return text[start..end];
    }
}
