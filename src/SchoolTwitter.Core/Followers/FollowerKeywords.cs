using System.Text;
using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Followers;

/// <summary>
/// The follower word lists (Lexicons/Data/follower-*.txt, extendable by the school like every lexicon), folded once for matching.
/// </summary>
public sealed class FollowerKeywords
{
    public const string AdultList = "follower-adult";
    public const string CommercialList = "follower-commercial";
    public const string SpamList = "follower-spam";
    public const string EducationalList = "follower-educational";

    /// <summary>Innocent names that contain an offensive-looking word ("Dick Whittington", "Dick King-Smith"): matches inside them are ignored.</summary>
    public const string InnocentNamesList = "follower-innocent-names";

    public FollowerKeywords(
        IEnumerable<string> adult,
        IEnumerable<string> commercial,
        IEnumerable<string> spam,
        IEnumerable<string> educational,
        IEnumerable<string> innocentNames)
    {
        Adult = new KeywordList(adult, matchRunTogether: true);
        Commercial = new KeywordList(commercial, matchRunTogether: false);
        Spam = new KeywordList(spam, matchRunTogether: false);
        Educational = new KeywordList(educational, matchRunTogether: false);
        InnocentNames = innocentNames.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToArray();
    }

    public static FollowerKeywords From(LexiconSet lexicons) => new(
        lexicons.Entries(AdultList),
        lexicons.Entries(CommercialList),
        lexicons.Entries(SpamList),
        lexicons.Entries(EducationalList),
        lexicons.Entries(InnocentNamesList));

    public KeywordList Adult { get; }
    public KeywordList Commercial { get; }
    public KeywordList Spam { get; }
    public KeywordList Educational { get; }
    public IReadOnlyList<string> InnocentNames { get; }
}

/// <summary>
/// Whole-word (or whole-phrase) keyword matching on folded text, so "nft" does not match inside another word, robust to
/// case, zero-width characters, homoglyphs (<see cref="TextFolding"/>) and leetspeak digits.
/// </summary>
public sealed class KeywordList
{
    private readonly (string Entry, string Normal)[] _entries;
    private readonly bool _matchRunTogether;

    /// <param name="matchRunTogether">Also find long keywords spelt with separators between the letters ("o.n.l.y f.a.n.s").</param>
    public KeywordList(IEnumerable<string> entries, bool matchRunTogether)
    {
        _entries = entries
            .Where(e => !string.IsNullOrWhiteSpace(e))
            .Select(e => (Entry: e.Trim(), Normal: Normalise(e.Trim(), leet: false)))
            .Where(e => e.Normal.Length > 0)
            .Distinct()
            .ToArray();
        _matchRunTogether = matchRunTogether;
    }

    public int Count => _entries.Length;

    /// <summary>The entries found in <paramref name="text"/>, each once, in list order.</summary>
    public IReadOnlyList<string> Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || _entries.Length == 0) return [];
        var plain = Normalise(text, leet: false);
        var leet = Normalise(text, leet: true);
        var runTogether = _matchRunTogether ? LettersOnly(leet) : "";
        var found = new List<string>();
        foreach (var (entry, normal) in _entries)
        {
            if (ContainsWord(plain, normal) || ContainsWord(leet, LeetOnly(normal))
                || (_matchRunTogether && normal.Length >= 6 && IsLetters(normal) && runTogether.Contains(normal, StringComparison.Ordinal)))
            {
                found.Add(entry);
            }
        }
        return found;
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            var startOk = i == 0 || !char.IsLetterOrDigit(word[0]) || !char.IsLetterOrDigit(text[i - 1]);
            var end = i + word.Length;
            var endOk = end == text.Length || !char.IsLetterOrDigit(word[^1]) || !char.IsLetterOrDigit(text[end]);
            if (startOk && endOk) return true;
        }
        return false;
    }

    /// <summary>Folded, lower case, runs of whitespace as one space; with <paramref name="leet"/> digits and symbols read as letters.</summary>
    internal static string Normalise(string text, bool leet)
    {
        var folded = TextFolding.Fold(text).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        var lastSpace = true;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastSpace) sb.Append(' ');
                lastSpace = true;
                continue;
            }
            lastSpace = false;
            sb.Append(leet ? LeetLetter(c) : c);
        }
        return sb.ToString().TrimEnd();
    }

    private static string LeetOnly(string normal)
    {
        var sb = new StringBuilder(normal.Length);
        foreach (var c in normal) sb.Append(LeetLetter(c));
        return sb.ToString();
    }

    private static char LeetLetter(char c) => c switch
    {
        '0' => 'o',
        '1' or '!' or '|' => 'i',
        '3' => 'e',
        '4' or '@' => 'a',
        '5' or '$' => 's',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        _ => c,
    };

    private static string LettersOnly(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetter(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsLetters(string s) => s.All(char.IsLetter);
}
