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
    private static readonly WordSet OftenMisspeltNames = WordsOf(
        "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september " +
        "october november december christmas easter halloween hallowe'en diwali ramadan hanukkah eid advent lent pentecost " +
        "britain british england english scotland scottish wales welsh ireland irish europe european remembrance");

    private readonly LanguageLexicons _lexicons = lexicons.Language;
    private readonly GrammarLexicons _grammar = lexicons.Grammar;

    public string Id => RuleIds.Spelling;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var words = draft.Words;
        var roster = draft.RosterNames;
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
            var folded = words.Folded(i);
            var word = WithoutPossessive(folded);
            if (word.Length < 2 || IsHandledElsewhere(folded) || (word.Length != folded.Length && IsHandledElsewhere(word))) continue;

            // A capitalised word mid-sentence that names a place or person is not an American spelling ("Mold", "Grays", "Honor").
            var asName = token.Has(WordFlags.Capitalised) && !token.Has(WordFlags.SentenceStart) && !token.Has(WordFlags.LineStart)
                && (_lexicons.IsPlace(word) || _lexicons.IsGivenName(word) || _lexicons.IsEverydayNameWord(word) || roster.PupilsNamed(word) is not null || roster.IsLastName(word));
            if (!asName && _lexicons.American(word) is { } american && !NearAny(words, i, american))
            {
                var british = MatchCase(american.British, token);
                Add(findings, words, i, $"{Quote(words.Original(i))} is the American spelling; write “{british}”.", british);
                continue;
            }
            var kinds = _lexicons.DictionaryKinds(word);
            if ((kinds & WordKinds.DictionaryWord) != 0 || IsKnownOtherwise(word, roster))
            {
                // Two-letter entries found only in capitals are symbols and codes (Na, Se, Ar), not names to capitalise.
                if (token.Has(WordFlags.LowerCase) && word.Length > 2 && kinds == WordKinds.ProperNoun && !_lexicons.IsGlossaryWord(word) && !roster.IsLastName(word)
                    && !_lexicons.IsGivenName(word))
                {
                    var capital = _lexicons.DisplayForm(word.ToString());
                    Add(findings, words, i, $"{Quote(words.Original(i))} is a name, so it needs a capital letter: “{capital}”.", capital);
                }
                continue;
            }
            if (!asName && AmericanPattern(word) is { } pattern)
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
        || _grammar.FixedMistake(word) is not null;

    /// <summary>Known though not in the British word list: a listed name, a name-word, a regular plural of a word.</summary>
    private bool IsKnownOtherwise(ReadOnlySpan<char> word, RosterNames roster) =>
        IsListedName(word, roster) || _lexicons.IsEverydayNameWord(word) || IsPluralOfWord(word)
        || (word.Length > 3 && word.EndsWith("s") && IsListedName(word[..^1], roster))
        || (word.Length > 4 && word.EndsWith("es") && IsListedName(word[..^2], roster));

    /// <summary>
    /// A plural or third-person -s the word list lacks ("crosshairs", "stylings"): the stem is a lower-case word that takes a
    /// plain -s (not -es, not already plural: "mens", "feets" and "childrens" stay unknown).
    /// </summary>
    private bool IsPluralOfWord(ReadOnlySpan<char> word)
    {
        if (word.Length < 5 || word[^1] != 's' || word[^2] is 's' or 'x' or 'z' or 'y' or 'u' or 'i' || word.EndsWith("shs") || word.EndsWith("chs")) return false;
        var stem = word[..^1];
        return _lexicons.IsLowerCaseWord(stem) && !IrregularPlurals.Contains(stem);
    }

    private static readonly WordSet IrregularPlurals = WordsOf(
        "men women children people mice geese teeth feet lice oxen dice data media criteria phenomena");

    /// <summary>In a list the school or a package keeps without inflections: glossary, acronyms, given names, places, roster ("Bee-Bots", "TAs").</summary>
    private bool IsListedName(ReadOnlySpan<char> word, RosterNames roster) =>
        _lexicons.IsGlossaryWord(word) || _lexicons.IsAcronym(word) || _lexicons.IsGivenName(word) || _lexicons.IsPlace(word)
        || roster.PupilsNamed(word) is not null || roster.IsLastName(word);

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

    /// <summary>
    /// Regular American patterns whose British form is in the list: organize/organise, color/colour, center/centre,
    /// centerpiece/centrepiece, traveled/travelled, marvelous/marvellous, installment/instalment, anemia/anaemia,
    /// esophagus/oesophagus, skeptic/sceptic, pretense/pretence, mold/mould, catalog/catalogue, acknowledgment/acknowledgement.
    /// Only asked about words the lists do not know; each try is a lookup of a stack buffer.
    /// </summary>
    private string? AmericanPattern(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || word.Length > 40) return null;
        Span<char> buffer = stackalloc char[word.Length + 2];
        string? found;
        for (var k = 1; k < word.Length; k++)
        {
            var c = word[k];
            var previous = word[k - 1];
            var next = k + 1 < word.Length ? word[k + 1] : '\0';
            // -ize, -ization, -yze: z -> s
            if (c == 'z' && k > 2 && previous is 'i' or 'y' && (found = Variant(word, buffer, k, 1, "s")) is not null) return found;
            // -or -> -our (color, favorite, neighborhood), not "-our" already
            if (c == 'o' && next == 'r' && k > 1 && previous != 'o' && (found = Variant(word, buffer, k, 2, "our")) is not null) return found;
            // -er -> -re (center, theaters, fiberglass, centerpiece)
            if (c == 'e' && next == 'r' && k > 1 && previous is 't' or 'b' or 'v' or 'g' or 'c' or 'p' && (found = Variant(word, buffer, k, 2, "re")) is not null) return found;
            // single l -> double l before a vowel (traveled, marvelous, counselor, cruelest)
            if (c == 'l' && previous != 'l' && next is 'e' or 'i' or 'o' && k > 2 && (found = Variant(word, buffer, k, 1, "ll")) is not null) return found;
            // double l -> single l (installment, enrollment, fulfill, skillful)
            if (c == 'l' && previous == 'l' && k > 2 && (found = Variant(word, buffer, k, 1, "")) is not null) return found;
            // e -> ae / oe (anemia, pediatric, fetus, maneuver)
            if (c == 'e' && previous is not ('a' or 'o' or 'e' or 'i' or 'u') && k < word.Length - 1
                && ((found = Variant(word, buffer, k, 0, "a")) is not null || (found = Variant(word, buffer, k, 0, "o")) is not null)) return found;
            // -ense -> -ence (pretense, defenses)
            if (c == 's' && previous == 'n' && next == 'e' && (found = Variant(word, buffer, k, 1, "c")) is not null) return found;
            // ol -> oul before d or t (mold, smoldering, molting)
            if (c == 'l' && previous == 'o' && next is 'd' or 't' && (found = Variant(word, buffer, k, 0, "u")) is not null) return found;
            // og -> ogue (catalog, dialogs, cataloged)
            if (c == 'g' && previous == 'o' && next is '\0' or 's' or 'e' or 'i' && (found = Variant(word, buffer, k + 1, next == 'e' ? 1 : 0, "ue")) is not null) return found;
            // dgment -> dgement (acknowledgment; "judgment" is British too, for a court's)
            if (c == 'm' && previous == 'g' && k > 1 && word[k - 2] == 'd' && (found = Variant(word, buffer, k, 0, "e")) is not null) return found;
        }
        // e -> oe at the start (esophagus, edema, estrogen); sk -> sc (skeptic, skeptical)
        if (word[0] == 'e' && (found = Variant(word, buffer, 0, 0, "o")) is not null) return found;
        if (word.StartsWith("sk") && (found = Variant(word, buffer, 1, 1, "c")) is not null) return found;
        return null;
    }

    /// <summary><paramref name="word"/> with <paramref name="remove"/> letters at <paramref name="at"/> replaced by <paramref name="insert"/>, when that is a listed lower-case word.</summary>
    private string? Variant(ReadOnlySpan<char> word, Span<char> buffer, int at, int remove, string insert)
    {
        var length = word.Length - remove + insert.Length;
        if (length > buffer.Length || at + remove > word.Length) return null;
        word[..at].CopyTo(buffer);
        insert.AsSpan().CopyTo(buffer[at..]);
        word[(at + remove)..].CopyTo(buffer[(at + insert.Length)..]);
        var candidate = buffer[..length];
        return _lexicons.IsLowerCaseWord(candidate) ? candidate.ToString() : null;
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
        // Lower-case words only: a near miss of a rare proper noun ("outta" -> "Dutta") helps nobody.
        _ => OftenMisspeltNames.Contains(candidate) || _lexicons.IsLowerCaseWord(candidate),
    };

    private static string MatchCase(string suggestion, WordToken token) =>
        token.Has(WordFlags.Capitalised) && suggestion.Length > 0 && char.IsLower(suggestion[0])
            ? char.ToUpperInvariant(suggestion[0]) + suggestion[1..]
            : suggestion;

    private void Add(List<Finding> findings, TextAnalysis words, int i, string message, string? suggestion) =>
        findings.Add(new Finding(Id, Severity.Warn, message, words[i].Start, words[i].Length, suggestion));
}
