namespace SchoolTwitter.Core.Followers;

/// <summary>
/// A concern that needs several kinds of word together, each kind a list of its own within one file (follower-grooming.txt:
/// contact, child, ask; follower-attacks.txt: target, attack; follower-drugs.txt: emoji, sale; follower-adult-emoji.txt: strong,
/// suggestive, pointer, age). Whole words on folded text, like every follower list; emoji anywhere.
/// </summary>
internal sealed class ComponentSignal
{
    private readonly Dictionary<string, KeywordList> _kinds;

    public ComponentSignal(IEnumerable<FollowerListEntry> entries)
    {
        _kinds = entries.Where(e => e.Kind is not null).GroupBy(e => e.Kind!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => new KeywordList(g, matchRunTogether: false), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The terms of one kind found in <paramref name="text"/>.</summary>
    public IReadOnlyList<string> Find(string kind, string? text) => _kinds.TryGetValue(kind, out var list) ? list.Find(text) : [];
}

/// <summary>"🍑💦", "🥵🔞 link below": emoji that together advertise adult content, though each alone is innocent (🍑 is a peach).</summary>
internal static class AdultEmoji
{
    /// <summary>The emoji that make the profile adult (empty when they do not): two strong ones, or a strong one with a suggestive one, a pointer to a link or an age marker.</summary>
    public static IReadOnlyList<string> Find(ComponentSignal emoji, string text)
    {
        var strong = emoji.Find("strong", text);
        var suggestive = emoji.Find("suggestive", text);
        var pointer = emoji.Find("pointer", text);
        var age = emoji.Find("age", text);
        var adult = strong.Count >= 2 || (strong.Count == 1 && suggestive.Count + pointer.Count + age.Count > 0) || (age.Count > 0 && suggestive.Count >= 2);
        return adult ? [.. strong, .. suggestive, .. age, .. pointer] : [];
    }
}

/// <summary>"🍃❄️💊 delivery, snap me": a dealer's phrase, or drug emoji (one of them mostly a drugs code, or three of any) with a word of selling.</summary>
internal static class DrugSale
{
    public static IReadOnlyList<string> Find(ComponentSignal drugs, string text)
    {
        var phrases = drugs.Find("block", text);
        if (phrases.Count > 0) return phrases;
        var strong = drugs.Find("strong", text);
        var emoji = drugs.Find("emoji", text);
        var sale = drugs.Find("sale", text);
        var count = strong.Count + emoji.Count;
        return sale.Count > 0 && ((strong.Count > 0 && count >= 2) || count >= 3) ? [.. strong, .. emoji, .. sale] : [];
    }
}
