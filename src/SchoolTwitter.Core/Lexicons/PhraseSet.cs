using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Lexicons;

/// <summary>
/// Words and phrases, tokenised exactly as drafts are (<see cref="TextAnalysis"/>), looked up at a position in a draft without
/// allocating: by the phrase's first word (what starts here?) or its last (what ends here?).
/// </summary>
internal sealed class PhraseSet
{
    private readonly Dictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> _byFirst;
    private readonly Dictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> _byLast;
    private readonly WordFilter _firstWords;
    private readonly WordFilter _lastWords;

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
        _firstWords = new WordFilter(phrases.Select(p => p[0]));
        _lastWords = new WordFilter(phrases.Select(p => p[^1]));
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
        if (!Starting(word, out var candidates) && (!word.EndsWith("'s") || !Starting(word[..^2], out candidates))) return 0;
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
        if (end < 0 || end >= words.Count || !_lastWords.MayHold(words.Folded(end)) || !_byLast.TryGetValue(words.Folded(end), out var candidates)) return 0;
        var best = 0;
        foreach (var phrase in candidates)
        {
            var start = end - phrase.Length + 1;
            if (phrase.Length > best && start >= 0 && Matches(words, start, phrase)) best = phrase.Length;
        }
        return best;
    }

    private bool Starting(ReadOnlySpan<char> word, out string[][] candidates)
    {
        if (_firstWords.MayHold(word)) return _byFirst.TryGetValue(word, out candidates!);
        candidates = [];
        return false;
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

    private static Dictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> Index(List<string[]> phrases, Func<string[], string> key) =>
        phrases.GroupBy(key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
}
