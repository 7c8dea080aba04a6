namespace SchoolTwitter.Core.Followers;

/// <summary>
/// An account that attacks schools or their staff (Education Support and NAHT on online abuse of school staff): in one clause,
/// a school or staff target (teachers, the head, schools, the school's own name) with an attacking word (groomers, useless,
/// naming and shaming, indoctrination) within a few words of each other. "Three lazy boys" has no target; "a lazy Sunday after a
/// busy school week" has them too far apart; "support for teachers" has no attack.
/// </summary>
internal static class SchoolAttack
{
    private static readonly char[] ClauseEnds = ['.', '!', '?', '\n', '|', '•', ',', ';'];

    /// <summary>At most this many words from the attacking word to its target ("useless teachers", "the head is a liar").</summary>
    public const int MaxDistance = 4;

    public static (string Target, string Attack)? Find(ComponentSignal attacks, SchoolIdentity school, params string?[] texts)
    {
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            foreach (var clause in Clauses(text))
            {
                var attack = attacks.Find("attack", clause);
                if (attack.Count == 0) continue;
                var targets = attacks.Find("target", clause).Concat(school.Names.Where(n => n.Length >= 4)).ToList();
                var words = Words(clause);
                foreach (var a in attack)
                {
                    var at = Positions(words, a);
                    foreach (var t in targets)
                    {
                        if (Positions(words, t).Any(p => at.Any(q => Math.Abs(p.Start - q.Start) <= MaxDistance + Math.Max(p.Length, q.Length) - 1))) return (t, a);
                    }
                }
            }
        }
        return null;
    }

    private static string[] Words(string text) =>
        KeywordList.Normalise(text, leet: false).Split(NotWord, StringSplitOptions.RemoveEmptyEntries);

    private static readonly char[] NotWord = [' ', ',', '.', ':', ';', '!', '?', '"', '(', ')', '-', '/', '#', '@'];

    /// <summary>Where the words of <paramref name="term"/> occur in <paramref name="words"/> (start index and length in words).</summary>
    private static List<(int Start, int Length)> Positions(string[] words, string term)
    {
        var parts = Words(term);
        var found = new List<(int, int)>();
        for (var i = 0; i + parts.Length <= words.Length; i++)
        {
            var all = true;
            for (var k = 0; k < parts.Length && all; k++) all = words[i + k] == parts[k] || words[i + k] == parts[k] + "s";
            if (all) found.Add((i, parts.Length));
        }
        return found;
    }

    /// <summary>Clauses of a bio: sentences, split also at commas and emoji, which bios use as punctuation ("three lazy boys 😂 Ashworth Green mum").</summary>
    internal static IEnumerable<string> Clauses(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length || Array.IndexOf(ClauseEnds, text[i]) >= 0 || char.IsSurrogate(text[i]) || text[i] is >= '\u2600' and <= '\u27BF';
            if (!end) continue;
            if (i > start) yield return text[start..i];
            start = i + 1;
        }
    }
}
