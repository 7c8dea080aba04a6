using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Lexicons;

/// <summary>An American spelling and its British form; <see cref="ExceptNear"/> words nearby make the American form correct ("computer program").</summary>
internal sealed record AmericanSpelling(string British, HashSet<string>? ExceptNear);

/// <summary>
/// The language lists as folded, frozen lookups that also answer for <see cref="ReadOnlySpan{T}"/> keys,
/// so the rules look words up without allocating a string per word.
/// </summary>
internal sealed class LanguageLexicons
{
    private readonly WordMap<string> _textSpeak;
    private readonly WordSet _acronyms;
    private readonly WordSet _glossary;
    private readonly WordSet _givenNames;
    private readonly WordSet _everydayNames;
    private readonly WordSet _places;
    private readonly DictionaryWords _dictionary;
    private readonly WordMap<AmericanSpelling> _american;
    private readonly WordMap<string> _misspellings;

    // Start-up time counts (the CLI's first verdict): the loops below run once and should not wait for tiered JIT.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public LanguageLexicons(LexiconSet lists)
    {
        _dictionary = new DictionaryWords(lists);
        _textSpeak = new WordMap<string>(Pairs(lists.Entries(LexiconSet.TextSpeakList), '='));

        Offensives = new OffensiveLexicon(lists);

        // Small sets of their own: a draft looks each word up in several, and a few thousand names stay in the CPU's cache.
        _acronyms = FoldedSet(lists.Entries(LexiconSet.AcronymsList));
        _glossary = FoldedSet(lists.Entries(LexiconSet.GlossaryList).SelectMany(WordsOf));
        _givenNames = FoldedSet(lists.Entries(LexiconSet.GivenNamesList).SelectMany(WordsOf));
        _everydayNames = FoldedSet(lists.Entries(LexiconSet.EverydayNameWordsList));
        _places = FoldedSet(lists.Entries(LexiconSet.GbPlacesList).SelectMany(WordsOf));

        var american = new Dictionary<string, AmericanSpelling>(StringComparer.Ordinal);
        foreach (var entry in lists.Entries(LexiconSet.AmericanToBritishList))
        {
            var eq = entry.IndexOf('=');
            if (eq <= 0) continue;
            var rest = entry[(eq + 1)..];
            var bar = rest.IndexOf('|');
            var british = (bar < 0 ? rest : rest[..bar]).Trim();
            HashSet<string>? exceptNear = null;
            if (bar >= 0)
            {
                var context = rest[(bar + 1)..].Trim();
                var colon = context.IndexOf(':');
                exceptNear = context[(colon + 1)..].Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
                    .Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);
            }
            american[TextFolding.Fold(entry[..eq].Trim())] = new AmericanSpelling(british, exceptNear);
        }
        _american = new WordMap<AmericanSpelling>(american);
        _misspellings = new WordMap<string>(Pairs(lists.Entries(LexiconSet.CommonMisspellingsList), '='));
    }

    public bool TryTextSpeak(ReadOnlySpan<char> folded, out string suggestion)
    {
        var found = _textSpeak.Find(folded);
        suggestion = found ?? "";
        return found is not null;
    }

    /// <summary>Whether two words written together may be text language, asked without joining them.</summary>
    public bool MayBeTextSpeak(ReadOnlySpan<char> first, ReadOnlySpan<char> second) => _textSpeak.MayHold(first, second);

    /// <summary>offensive.txt and insults.txt, with the words that aim an insult at people.</summary>
    public OffensiveLexicon Offensives { get; }

    /// <summary>The British word lists' lookup (for the benchmarks, which build its table before measuring).</summary>
    public DictionaryWords Dictionary => _dictionary;

    public OffensiveTerm? Offensive(ReadOnlySpan<char> folded) => Offensives.Term(folded);

    /// <summary>True for a strong insult, false for a weak one, null when the word is no insult.</summary>
    public bool? Insult(ReadOnlySpan<char> folded) => Offensives.Insult(folded)?.Strong;

    public bool IsAcronym(ReadOnlySpan<char> folded) => _acronyms.Contains(folded);

    public bool IsGlossaryWord(ReadOnlySpan<char> folded) => _glossary.Contains(folded);

    public bool IsGivenName(ReadOnlySpan<char> folded) => _givenNames.Contains(folded);

    public bool IsEverydayNameWord(ReadOnlySpan<char> folded) => _everydayNames.Contains(folded);

    /// <summary>True for a GB place name or one of its words (gb-places.txt: "Devizes", "Mold", "Willows").</summary>
    public bool IsPlace(ReadOnlySpan<char> folded) => _places.Contains(folded);

    /// <summary>True when the folded, lower-case word is in the British word list in any capitalisation.</summary>
    public bool IsDictionaryWord(ReadOnlySpan<char> folded) => (_dictionary.Kinds(folded) & WordKinds.DictionaryWord) != 0;

    /// <summary>How the British word list has the word (a rule asking several questions of one word looks it up once).</summary>
    public WordKinds DictionaryKinds(ReadOnlySpan<char> folded) => _dictionary.Kinds(folded);

    /// <summary>True when the British word list has the word in lower case (an ordinary word, not only a name).</summary>
    public bool IsLowerCaseWord(ReadOnlySpan<char> folded) => (_dictionary.Kinds(folded) & WordKinds.LowerCaseWord) != 0;

    /// <summary>True when the British word list has the word only capitalised (Wednesday, England, Christmas).</summary>
    public bool IsProperNounOnly(ReadOnlySpan<char> folded) => _dictionary.Kinds(folded) == WordKinds.ProperNoun;

    public AmericanSpelling? American(ReadOnlySpan<char> folded) => _american.Find(folded);

    public string? Misspelling(ReadOnlySpan<char> folded) => _misspellings.Find(folded);

    /// <summary>The word as the British list capitalises it, for suggestions (e.g. "wednesday" -> "Wednesday").</summary>
    public string DisplayForm(string folded)
    {
        var kinds = _dictionary.Kinds(folded);
        if ((kinds & WordKinds.LowerCaseWord) != 0) return folded;
        return (kinds & WordKinds.ProperNoun) != 0 ? char.ToUpperInvariant(folded[0]) + folded[1..] : folded;
    }

    private static Dictionary<string, string> Pairs(IReadOnlyList<string> entries, char separator)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Split(entries, separator)) pairs[key] = value;
        return pairs.ToDictionary(StringComparer.Ordinal);
    }

    private static IEnumerable<(string Key, string Value)> Split(IReadOnlyList<string> entries, char separator)
    {
        foreach (var entry in entries)
        {
            var at = entry.IndexOf(separator);
            if (at <= 0) continue;
            yield return (TextFolding.Fold(entry[..at].Trim()), entry[(at + 1)..].Trim());
        }
    }

    // HashSet rather than FrozenSet: thousands of names build in a millisecond, and lookups cost the same.
    private static WordSet FoldedSet(IEnumerable<string> entries) => new(entries.Select(TextFolding.Fold));

    /// <summary>An entry and its hyphen/space parts, so "Newton-le-Willows" also admits "Newton", "le", "Willows" as tokens.</summary>
    private static IEnumerable<string> WordsOf(string entry)
    {
        yield return entry;
        if (entry.AsSpan().IndexOfAny(' ', '-') < 0) yield break;
        foreach (var part in entry.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)) yield return part;
    }
}
