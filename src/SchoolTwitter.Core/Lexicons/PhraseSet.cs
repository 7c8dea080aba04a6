using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Lexicons;

/// <summary>
/// Words and phrases, tokenised exactly as drafts are (<see cref="TextAnalysis"/>), looked up at a position in a draft without
/// allocating: by the phrase's first word (what starts here?) or its last (what ends here?).
/// </summary>
internal sealed class PhraseSet
{
    private readonly WordMap<string[][]> _byFirst;
    private readonly WordMap<string[][]> _byLast;

    public PhraseSet(IEnumerable<string> entries)
    {
        var phrases = new List<string[]>();
        foreach (var entry in entries)
        {
            var words = Tokens(entry);
            if (words.Length > 0) phrases.Add(words);
        }
        _byFirst = Index(phrases, p => p[0]);
        _byLast = Index(phrases, p => p[^1]);
        Singles = new WordSet(phrases.Where(p => p.Length == 1).Select(p => p[0]));
    }

    /// <summary>The one-word entries.</summary>
    public WordSet Singles { get; }

    public bool Contains(ReadOnlySpan<char> folded) => Singles.Contains(folded);

    /// <summary>The word count of the longest phrase starting at word <paramref name="start"/> within one sentence, or 0; the last word may carry a possessive.</summary>
    public int LengthStartingAt(TextAnalysis words, int start)
    {
        if (start < 0 || start >= words.Count) return 0;
        var word = words.Folded(start);
        if ((_byFirst.Find(word) ?? (word.EndsWith("'s") ? _byFirst.Find(word[..^2]) : null)) is not { } candidates) return 0;
        var best = 0;
        foreach (var phrase in candidates)
        {
            if (phrase.Length > best && Matches(words, start, phrase)) best = phrase.Length;
        }
        return best;
    }

    /// <summary>The word count of the longest phrase ending at word <paramref name="end"/> within one sentence, or 0.</summary>
    public int LengthEndingAt(TextAnalysis words, int end)
    {
        if (end < 0 || end >= words.Count || _byLast.Find(words.Folded(end)) is not { } candidates) return 0;
        var best = 0;
        foreach (var phrase in candidates)
        {
            var start = end - phrase.Length + 1;
            if (phrase.Length > best && start >= 0 && Matches(words, start, phrase)) best = phrase.Length;
        }
        return best;
    }

    private static bool Matches(TextAnalysis words, int start, string[] phrase)
    {
        if (start + phrase.Length > words.Count) return false;
        for (var k = 0; k < phrase.Length; k++)
        {
            var word = words.Folded(start + k);
            var last = k == phrase.Length - 1;
            if (!word.SequenceEqual(phrase[k]) && !(last && WithoutPossessive(word).SequenceEqual(phrase[k]))) return false;
            if (k > 0 && !words.SameSentence(start + k - 1, start + k)) return false;
        }
        return true;
    }

    private static ReadOnlySpan<char> WithoutPossessive(ReadOnlySpan<char> folded) =>
        folded.EndsWith("'s") ? folded[..^2] : folded;

    private static string[] Tokens(string entry)
    {
        var analysis = TextAnalysis.Analyse(entry, []);
        var words = new string[analysis.Count];
        for (var i = 0; i < words.Length; i++) words[i] = analysis.FoldedString(i);
        return words;
    }

    private static WordMap<string[][]> Index(List<string[]> phrases, Func<string[], string> key) =>
        new(phrases.GroupBy(key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.OrderByDescending(p => p.Length).ToArray())));
}
