using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;
using static SchoolTwitter.Core.CodeOfConduct.Rules.LanguageRuleSupport;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// British spelling (a warning: an SLT member reviews it). Words outside british-words.txt (SCOWL), the school glossary,
/// acronyms, given names and the roster are reported with a suggestion; American spellings (american-to-british.txt and the
/// regular -ize/-or/-er/-l patterns) suggest the British form. URLs, mentions, hashtags, numbers and words in capitals are
/// skipped, and a capitalised word mid-sentence is taken for a name or place unless it is a near miss of one the list knows
/// ("Wedensday").
/// </summary>
public sealed class SpellingRule(LexiconSet lexicons) : IRule
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>
    /// Capitalised words a near miss is checked against: names of days, months, festivals and nations. Any other unknown
    /// capitalised word is taken for a person or place ("Hennessey" is not a misspelt "Hennessy").
    /// </summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OftenMisspeltNames = WordSet(
        "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september " +
        "october november december christmas easter halloween hallowe'en diwali ramadan hanukkah eid advent lent pentecost " +
        "britain british england english scotland scottish wales welsh ireland irish europe european remembrance");

    private readonly LanguageLexicons _lexicons = lexicons.Language;

    public string Id => RuleIds.Spelling;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var words = draft.Words;
        var roster = NamesOf(draft.Roster);
        var reported = ReportedSpans.Of(findings);
        for (var i = 0; i < words.Count; i++)
        {
            var token = words[i];
            if (!token.Has(WordFlags.HasLetter) || token.Has(WordFlags.HasDigit) || token.Has(WordFlags.NonLatin)
                || token.Has(WordFlags.Disguised) || token.Has(WordFlags.AllCaps) || token.Has(WordFlags.InnerCapital)
                || token.FoldedLength < 2)
            {
                continue;
            }
            if (reported.Overlaps(token.Start, token.Length) || IsPieceOfMaskedWord(words.Text, token)) continue;
            var word = WithoutPossessive(words.Folded(i));
            if (word.Length < 2 || IsHandledElsewhere(words.Folded(i)) || IsHandledElsewhere(word)) continue;

            if (_lexicons.American(word) is { } american && !NearAny(words, i, american))
            {
                var british = MatchCase(american.British, token);
                Add(findings, words, i, $"{Quote(words.Original(i))} is the American spelling; write “{british}”.", british);
                continue;
            }
            if (IsKnown(word, roster))
            {
                if (token.Has(WordFlags.LowerCase) && _lexicons.IsProperNounOnly(word) && !_lexicons.IsGlossaryWord(word) && !roster.IsLastName(word)
                    && !_lexicons.IsGivenName(word))
                {
                    var capital = _lexicons.DisplayForm(word.ToString());
                    Add(findings, words, i, $"{Quote(words.Original(i))} is a name, so it needs a capital letter: “{capital}”.", capital);
                }
                continue;
            }
            if (AmericanPattern(word) is { } pattern)
            {
                var british = MatchCase(pattern, token);
                Add(findings, words, i, $"{Quote(words.Original(i))} is the American spelling; write “{british}”.", british);
                continue;
            }

            var suggestion = _lexicons.Misspelling(word);
            var capitalised = token.Has(WordFlags.Capitalised);
            if (suggestion is null)
            {
                // A capitalised unknown word is most likely a name or a place: only flag a near miss of a known proper noun.
                var mode = !capitalised ? NearMiss.AnyWord
                    : token.Has(WordFlags.SentenceStart) || token.Has(WordFlags.LineStart) ? NearMiss.OrdinaryWordOrCommonName
                    : NearMiss.CommonName;
                var candidate = NearestWord(word, mode);
                if (capitalised && candidate is null) continue;
                suggestion = candidate;
            }
            if (suggestion is null)
            {
                Add(findings, words, i,
                    $"{Quote(words.Original(i))} is not in the British English word list; check the spelling (or add it to the school glossary).", null);
                continue;
            }
            var shown = MatchCase(suggestion, token);
            Add(findings, words, i, $"{Quote(words.Original(i))} may be misspelt; did you mean “{shown}”?", shown);
        }
    }

    private bool IsHandledElsewhere(ReadOnlySpan<char> word) =>
        _lexicons.TryTextSpeak(word, out _) || _lexicons.Offensive(word) is not null || _lexicons.Insult(word) is not null
        || GrammarRule.FixedMistakes.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word);

    private bool IsKnown(ReadOnlySpan<char> word, RosterNames roster) =>
        _lexicons.IsDictionaryWord(word) || _lexicons.IsGlossaryWord(word) || _lexicons.IsAcronym(word)
        || _lexicons.IsGivenName(word) || _lexicons.IsEverydayNameWord(word)
        || roster.PupilsNamed(word) is not null || roster.IsLastName(word)
        || (word.EndsWith("s") && word.Length > 3 && (_lexicons.IsAcronym(word[..^1]) || _lexicons.IsGivenName(word[..^1])));

    /// <summary>An "except near" word within three words either side makes the American form right ("computer program").</summary>
    private static bool NearAny(TextAnalysis words, int i, AmericanSpelling american)
    {
        if (american.ExceptNear is null) return false;
        var near = american.ExceptNear.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = Math.Max(0, i - 3); k <= Math.Min(words.Count - 1, i + 3); k++)
        {
            if (k != i && near.Contains(words.Folded(k))) return true;
        }
        return false;
    }

    /// <summary>Regular American patterns whose British form is in the list: organize/organise, color/colour, center/centre, traveled/travelled.</summary>
    private string? AmericanPattern(ReadOnlySpan<char> word)
    {
        if (word.Length > 40) return null;
        Span<char> buffer = stackalloc char[word.Length + 2];
        // -ize, -ization, -yze: z -> s
        var z = word.LastIndexOf('z');
        if (z > 2 && (word[(z - 1)..].StartsWith("iz") || word[(z - 1)..].StartsWith("yz")))
        {
            word.CopyTo(buffer);
            buffer[z] = 's';
            if (_lexicons.IsDictionaryWord(buffer[..word.Length])) return buffer[..word.Length].ToString();
        }
        // -or -> -our (color, favorite, neighborhood)
        for (var k = word.Length - 2; k > 1; k--)
        {
            if (word[k] != 'o' || word[k + 1] != 'r') continue;
            word[..(k + 1)].CopyTo(buffer);
            buffer[k + 1] = 'u';
            word[(k + 1)..].CopyTo(buffer[(k + 2)..]);
            if (_lexicons.IsDictionaryWord(buffer[..(word.Length + 1)])) return buffer[..(word.Length + 1)].ToString();
            break;
        }
        // -er -> -re (center, theater)
        foreach (var (us, uk) in new[] { ("er", "re"), ("ers", "res"), ("ered", "red") })
        {
            if (!word.EndsWith(us) || word.Length < 5) continue;
            var stem = word[..^us.Length];
            stem.CopyTo(buffer);
            uk.AsSpan().CopyTo(buffer[stem.Length..]);
            var n = stem.Length + uk.Length;
            if (_lexicons.IsDictionaryWord(buffer[..n])) return buffer[..n].ToString();
        }
        // -eled/-eling/-eler -> double l (traveled, canceled, modeling)
        foreach (var ending in new[] { "ed", "ing", "er", "ers" })
        {
            if (!word.EndsWith(ending) || word.Length < ending.Length + 3 || word[^(ending.Length + 1)] != 'l' || word[^(ending.Length + 2)] == 'l') continue;
            var stem = word[..^ending.Length];
            stem.CopyTo(buffer);
            buffer[stem.Length] = 'l';
            ending.AsSpan().CopyTo(buffer[(stem.Length + 1)..]);
            var n = stem.Length + 1 + ending.Length;
            if (_lexicons.IsDictionaryWord(buffer[..n])) return buffer[..n].ToString();
        }
        return null;
    }

    /// <summary>
    /// The first word one edit away (swap, drop, add or change one letter) found in the list: a few hundred lookups on
    /// stack buffers, no allocation until a suggestion is found.
    /// </summary>
    private string? NearestWord(ReadOnlySpan<char> word, NearMiss mode)
    {
        if (word.Length < 3 || word.Length > 30) return null;
        Span<char> buffer = stackalloc char[word.Length + 1];
        // Swapped neighbours: "recieve" -> "receive".
        for (var k = 0; k + 1 < word.Length; k++)
        {
            word.CopyTo(buffer);
            (buffer[k], buffer[k + 1]) = (buffer[k + 1], buffer[k]);
            if (Accept(buffer[..word.Length], mode)) return _lexicons.DisplayForm(buffer[..word.Length].ToString());
        }
        // A letter too many: "tomorroww", "untill".
        for (var k = 0; k < word.Length; k++)
        {
            word[..k].CopyTo(buffer);
            word[(k + 1)..].CopyTo(buffer[k..]);
            if (Accept(buffer[..(word.Length - 1)], mode)) return _lexicons.DisplayForm(buffer[..(word.Length - 1)].ToString());
        }
        // A letter missing: "acommodate", "begining".
        for (var k = 0; k <= word.Length; k++)
        {
            word[..k].CopyTo(buffer);
            word[k..].CopyTo(buffer[(k + 1)..]);
            foreach (var c in Alphabet)
            {
                buffer[k] = c;
                if (Accept(buffer[..(word.Length + 1)], mode)) return _lexicons.DisplayForm(buffer[..(word.Length + 1)].ToString());
            }
        }
        // A wrong letter: "definately".
        for (var k = 0; k < word.Length; k++)
        {
            word.CopyTo(buffer);
            foreach (var c in Alphabet)
            {
                if (c == word[k]) continue;
                buffer[k] = c;
                if (Accept(buffer[..word.Length], mode)) return _lexicons.DisplayForm(buffer[..word.Length].ToString());
            }
        }
        return null;
    }

    /// <summary>Which words a near miss may be: any word (lower case), an ordinary word or day/month name (capitalised sentence start — "Becuase", not a name like "Jaxson"), or a day/month name only (mid-sentence).</summary>
    private enum NearMiss
    {
        AnyWord,
        OrdinaryWordOrCommonName,
        CommonName,
    }

    private bool Accept(ReadOnlySpan<char> candidate, NearMiss mode) => mode switch
    {
        NearMiss.CommonName => OftenMisspeltNames.Contains(candidate),
        NearMiss.OrdinaryWordOrCommonName => OftenMisspeltNames.Contains(candidate) || _lexicons.IsLowerCaseWord(candidate),
        _ => _lexicons.IsDictionaryWord(candidate),
    };

    private static string MatchCase(string suggestion, WordToken token) =>
        token.Has(WordFlags.Capitalised) && suggestion.Length > 0 && char.IsLower(suggestion[0])
            ? char.ToUpperInvariant(suggestion[0]) + suggestion[1..]
            : suggestion;

    private void Add(List<Finding> findings, TextAnalysis words, int i, string message, string? suggestion) =>
        findings.Add(new Finding(Id, Severity.Warn, message, words[i].Start, words[i].Length, suggestion));
}
