namespace SchoolTwitter.Core.Followers;

/// <summary>
/// An adult account seeking private contact with children, or "DM me" aimed at children or parents of young children
/// (NSPCC and CEOP's signs of online grooming): a request for contact (DM me, add me on Discord, Snap:) with a child audience
/// (kids, teens, little ones, aged 8-12) is worth a look; with a grooming ask as well (photos, young friends, free Robux,
/// passwords, no DBS, in my home) it should be blocked.
/// </summary>
internal static class GroomingRisk
{
    public sealed record Finding(bool Block, IReadOnlyList<string> Contact, IReadOnlyList<string> Child, IReadOnlyList<string> Ask);

    public static Finding? Check(ComponentSignal grooming, string text)
    {
        var contact = grooming.Find("contact", text);
        var child = grooming.Find("child", text);
        if (contact.Count == 0 || child.Count == 0) return null;
        var ask = grooming.Find("ask", text);
        return new Finding(ask.Count > 0, contact, child, ask);
    }
}

/// <summary>
/// An account that attacks schools or their staff (Education Support and NAHT on online abuse of school staff): in one clause,
/// a school or staff target (teachers, the head, schools, the school's own name) with an attacking word (groomers, useless,
/// naming and shaming, indoctrination). "Three lazy boys" has no target; "support for teachers" has no attack.
/// </summary>
internal static class SchoolAttack
{
    private static readonly char[] ClauseEnds = ['.', '!', '?', '\n', '|', '•', ',', ';'];

    public static (string Target, string Attack)? Find(ComponentSignal attacks, SchoolIdentity school, params string?[] texts)
    {
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            foreach (var sentence in Clauses(text))
            {
                var attack = attacks.Find("attack", sentence);
                if (attack.Count == 0) continue;
                var target = attacks.Find("target", sentence).FirstOrDefault() ?? SchoolNamed(school, sentence);
                if (target is not null) return (target, attack[0]);
            }
        }
        return null;
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

    private static string? SchoolNamed(SchoolIdentity school, string sentence) =>
        school.Names.FirstOrDefault(n => n.Length >= 4 && KeywordList.ContainsWord(KeywordList.Normalise(sentence, false), KeywordList.Normalise(n, false)));
}
