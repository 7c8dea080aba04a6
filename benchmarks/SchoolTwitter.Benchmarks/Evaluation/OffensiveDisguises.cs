using System.Text;

namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// The disguises people use to slip a word past a filter, each built mechanically from a plain lower-case word, so every
/// must-block entry is tried in every disguise (not a hand-picked few).
/// </summary>
internal static class OffensiveDisguises
{
    private const string Vowels = "aeiou";

    /// <summary>"s h i t".</summary>
    public static string Spaced(string word) => string.Join(' ', word.ToCharArray());

    /// <summary>"fuuuuck" (the first vowel stretched) and "fuckkkk" (the last letter stretched).</summary>
    public static IEnumerable<string> Stretched(string word)
    {
        var vowel = word.IndexOfAny(Vowels.ToCharArray());
        if (vowel >= 0) yield return word[..vowel] + new string(word[vowel], 4) + word[(vowel + 1)..];
        yield return word + new string(word[^1], 3);
    }

    /// <summary>"f*ck": <paramref name="symbol"/> for the first vowel between the first and last letters (or the second letter when there is none).</summary>
    public static string Masked(string word, char symbol)
    {
        var at = word.IndexOfAny(Vowels.ToCharArray(), 1, word.Length - 2);
        if (at < 0) at = 1;
        return word[..at] + symbol + word[(at + 1)..];
    }

    /// <summary>"sh1t" (the first letter that has a digit), "5h17" (every such letter) and "@$$" (a, s and i as symbols); never all digits.</summary>
    public static IEnumerable<string> Leet(string word)
    {
        var first = Replace(word, Digit, onlyFirst: true);
        var all = Replace(word, Digit, onlyFirst: false);
        var symbols = Replace(word, Symbol, onlyFirst: false);
        return new[] { first, all, symbols }.Where(v => v != word && v.Any(char.IsAsciiLetter)).Distinct();
    }

    /// <summary>Every <paramref name="letter"/> of the word written as <paramref name="lookalike"/> (a confusable character, maybe outside the BMP).</summary>
    public static string WithLookalike(string word, char letter, string lookalike) => word.Replace(letter.ToString(), lookalike, StringComparison.Ordinal);

    /// <summary>
    /// Latin mixed with another script's look-alikes: the first letter that has one, and every other letter that has one
    /// ("ѕhit", "ѕhіt"). <paramref name="choose"/> picks which look-alike of a letter to use.
    /// </summary>
    public static IEnumerable<string> MixedScript(string word, IReadOnlyDictionary<char, string[]> lookalikes, Func<string[], string> choose)
    {
        var positions = Enumerable.Range(0, word.Length).Where(i => lookalikes.ContainsKey(word[i])).ToList();
        if (positions.Count == 0) yield break;
        yield return Substitute(word, [positions[0]], lookalikes, choose);
        if (positions.Count > 2) yield return Substitute(word, positions.Where((_, k) => k % 2 == 0), lookalikes, choose);
    }

    /// <summary>
    /// Regular derived forms of a base word: plural, -er, -ing, -ed, and the -head and -face compounds. A word that is itself
    /// derived (the lists hold "fuckers", "bitching", "shithead") gets none: "fuckersface" is nobody's word.
    /// </summary>
    public static IEnumerable<(string Kind, string Form)> Derived(string word)
    {
        if (IsDerived(word)) yield break;
        if (!word.EndsWith('s')) yield return ("plural", Plural(word));
        if (!word.EndsWith('s') && !word.EndsWith("er") && !word.EndsWith("ing") && !word.EndsWith("ed"))
        {
            var stem = word.EndsWith('e') ? word[..^1] : DoublesFinalConsonant(word) ? word + word[^1] : word;
            yield return ("-er", stem + "er");
            yield return ("-ing", stem + "ing");
            yield return ("-ed", stem + "ed");
            if (word.Length > 5 && DoublesFinalConsonant(word[^3..]))
            {
                // A longer word doubles too when it ends in a short one: "bullshitting".
                yield return ("-er", word + word[^1] + "er");
                yield return ("-ing", word + word[^1] + "ing");
                yield return ("-ed", word + word[^1] + "ed");
            }
        }
        if (word.Length <= 7 && !word.EndsWith("head") && !word.EndsWith("face"))
        {
            yield return ("-head", word + "head");
            yield return ("-face", word + "face");
        }
    }

    private static bool IsDerived(string word) =>
        word.EndsWith('s') || word.EndsWith('z') || word.EndsWith("ing") || word.EndsWith("in") || word.EndsWith("ed") || word.EndsWith("er")
        || word.EndsWith("head") || word.EndsWith("face") || word.EndsWith("hole") || word.EndsWith("wipe") || word.EndsWith("bag")
        || word.EndsWith("sucker") || word.EndsWith("licker") || word.EndsWith("muncher") || word.EndsWith("iest") || word.EndsWith("ier")
        || word.EndsWith('y') || word.EndsWith("wit");

    /// <summary>The plural of any word, derived or not ("shitheads", "cocksuckers").</summary>
    public static string Plural(string word) =>
        word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("ch") || word.EndsWith("sh") ? word + "es"
            : word.Length > 1 && word[^1] == 'y' && !Vowels.Contains(word[^2]) ? word[..^1] + "ies" : word + "s";

    /// <summary>"shit" → "shitter", "fag" → "fagged": one vowel before one final consonant in a short word.</summary>
    private static bool DoublesFinalConsonant(string word) =>
        word.Length is >= 3 and <= 5 && !Vowels.Contains(word[^1]) && word[^1] is not ('w' or 'x' or 'y')
        && Vowels.Contains(word[^2]) && !Vowels.Contains(word[^3]);

    private static string Substitute(string word, IEnumerable<int> positions, IReadOnlyDictionary<char, string[]> lookalikes, Func<string[], string> choose)
    {
        var at = positions.ToHashSet();
        var sb = new StringBuilder(word.Length * 2);
        for (var i = 0; i < word.Length; i++) sb.Append(at.Contains(i) ? choose(lookalikes[word[i]]) : word[i].ToString());
        return sb.ToString();
    }

    private static string Replace(string word, Func<char, char> map, bool onlyFirst)
    {
        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var m = map(chars[i]);
            if (m == chars[i]) continue;
            chars[i] = m;
            if (onlyFirst) break;
        }
        return new string(chars);
    }

    private static char Digit(char c) => c switch { 'a' => '4', 'e' => '3', 'i' => '1', 'o' => '0', 's' => '5', 't' => '7', _ => c };

    private static char Symbol(char c) => c switch { 'a' => '@', 's' => '$', 'i' => '!', _ => c };
}
