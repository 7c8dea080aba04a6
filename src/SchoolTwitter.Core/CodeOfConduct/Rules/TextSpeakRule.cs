using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;
using static SchoolTwitter.Core.CodeOfConduct.Rules.LanguageRuleSupport;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// Standard English: no text language (lol, gr8, l8r, u, ur, 2day, b4, thx, pls, omg, btw, idk… from text-speak.txt), also when
/// disguised by case, dots or spaces ("l.o.l", "l o l"), zero-width characters or look-alike letters ("lоl" with a Cyrillic о),
/// and letter-digit spellings not in the list ("gr8ful", "cre8") whose digits read as sounds.
/// </summary>
public sealed class TextSpeakRule : IRule
{
    private readonly WordSet _letterNamers, _numberWordLeaders, _numberWordFollowers;
    private readonly LanguageLexicons _lexicons;

    /// <summary>Contexts come from text-speak-words.txt: named letters ("Plan B") and the words around a lone 2 or 4.</summary>
    public TextSpeakRule(LexiconSet lexicons)
    {
        _lexicons = lexicons.Language;
        var sets = new WordSets(lexicons, LexiconSet.TextSpeakWordsList);
        _letterNamers = sets["letter-namers"];
        _numberWordLeaders = sets["number-word-leaders"];
        _numberWordFollowers = sets["number-word-followers"];
    }

    public string Id => RuleIds.TextSpeak;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var words = draft.Words;
        var covered = -1;
        for (var i = 0; i < words.Count; i++)
        {
            var folded = words.Folded(i);
            if (_lexicons.TryTextSpeak(folded, out var suggestion))
            {
                if (Applies(words, i)) Report(findings, words, i, i, suggestion);
                continue;
            }
            if (Variant(folded, words[i].Has(WordFlags.HasDigit)) is { } variant)
            {
                Report(findings, words, i, i, variant);
                continue;
            }
            if (NumberAsWord(words, i) is { } numberWord)
            {
                Report(findings, words, i, i, numberWord);
                continue;
            }
            if (words[i].Has(WordFlags.HasDigit) && LetterDigitSpelling(folded) is { } spelt)
            {
                Report(findings, words, i, i, spelt);
                continue;
            }
            // A word split once to hide it: "gr 8", "l8 r", "lo l".
            // The joined form is asked first: the list's prefixes answer "no" for almost every pair without a dictionary lookup.
            if (i > 0 && i - 1 > covered && JoinedTextSpeak(words, i - 1, out var joinedSuggestion) && IsSplit(words, i))
            {
                Report(findings, words, i - 1, i, joinedSuggestion);
                covered = i;
            }
        }

        // Spelt out letter by letter: "l o l", "L.O.L.", "o-m-g".
        if (words.SpacedRuns() is { } runs)
        {
            foreach (var (first, count) in runs)
            {
                for (var length = count; length >= 3; length--)
                {
                    for (var s = first; s + length <= first + count; s++)
                    {
                        var joined = words.Joined(s, length);
                        if (_lexicons.TryTextSpeak(joined, out var runSuggestion))
                        {
                            Report(findings, words, s, s + length - 1, runSuggestion);
                            length = 0;
                            break;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Whether a listed abbreviation is text language here: one-letter ones ("u", "r", "n") only in lower case between words, never as a named letter.</summary>
    private bool Applies(TextAnalysis words, int i)
    {
        var token = words[i];
        // "Ur" (the ancient city) and other proper nouns, capitalised mid-sentence.
        if (token.Has(WordFlags.Capitalised) && !token.Has(WordFlags.AllCaps) && !token.Has(WordFlags.SentenceStart)
            && _lexicons.IsProperNounOnly(words.Folded(i)))
        {
            return false;
        }
        if (token.FoldedLength > 1) return true;

        // One-letter forms count in lower case; a capital "U" too ("Thank U"), never a capital R, C or B (Year R, Vitamin C, Plan B).
        if (!token.Has(WordFlags.LowerCase) && !(words.Folded(i) is "u" && i > 0 && !token.Has(WordFlags.SentenceStart))) return false;
        var before = words.GapBefore(i);
        var after = words.GapBefore(i + 1);
        if (!IsPlainGap(before, first: i == 0) || !IsPlainGap(after, first: false)) return false;
        if (i > 0 && _letterNamers.Contains(words.Folded(i - 1))) return false;
        if (IsInListOfLetters(words, i)) return false;
        // Needs a real word on at least one side in the same sentence.
        var wordBefore = i > 0 && words.SameSentence(i - 1, i) && words[i - 1].Has(WordFlags.HasLetter);
        var wordAfter = i + 1 < words.Count && words.SameSentence(i, i + 1) && words[i + 1].Has(WordFlags.HasLetter);
        return wordBefore || wordAfter;
    }

    /// <summary>"a, b or c", "x/y": a letter among other letters is a list item, not a word.</summary>
    private static bool IsInListOfLetters(TextAnalysis words, int i)
    {
        if (i > 0 && words[i - 1].FoldedLength == 1 && words.GapBefore(i).IndexOfAny(",/&") >= 0) return true;
        if (i + 1 < words.Count && words[i + 1].FoldedLength == 1 && words.GapBefore(i + 1).IndexOfAny(",/&") >= 0) return true;
        if (i >= 2 && words[i - 2].FoldedLength == 1 && IsListJoiner(words.Folded(i - 1))) return true;
        return i + 2 < words.Count && words[i + 2].FoldedLength == 1 && IsListJoiner(words.Folded(i + 1));
    }

    private static bool IsListJoiner(ReadOnlySpan<char> w) => w is "or" or "and" or "to" or "then" or "nor";

    private static bool IsPlainGap(ReadOnlySpan<char> gap, bool first)
    {
        if (gap.Length == 0) return first;
        foreach (var c in gap)
        {
            if (c is '\'' or '"' or '‘' or '’' or '“' or '”' or '(' or ')' or '[' or ']' or '=' or '+' or '/' or '*' or '-' or '<' or '>' or '.' or ':') return false;
        }
        return true;
    }

    private bool IsSplit(TextAnalysis words, int i)
    {
        var gap = words.GapBefore(i);
        if (gap.Length != 1 || gap[0] is not (' ' or '.' or '-' or '_' or '*')) return false;
        var a = words.Folded(i - 1);
        var b = words.Folded(i);
        if (a.Length + b.Length < 3) return false;
        // Two real words side by side ("a lot", "lo and") are not a disguise.
        return !IsRealWord(a) || !IsRealWord(b);
    }

    private bool IsRealWord(ReadOnlySpan<char> w) =>
        w.Length > 1 ? _lexicons.IsDictionaryWord(w) || _lexicons.IsGlossaryWord(w) || _lexicons.IsAcronym(w) || char.IsDigit(w[0])
                     : w[0] is 'a' or 'i';

    private bool JoinedTextSpeak(TextAnalysis words, int first, out string suggestion)
    {
        suggestion = "";
        var length = words[first].FoldedLength + words[first + 1].FoldedLength;
        if (length is < 3 or > 24 || !_lexicons.MayBeTextSpeak(words.Folded(first), words.Folded(first + 1))) return false;
        Span<char> joined = stackalloc char[words[first].FoldedLength + words[first + 1].FoldedLength];
        words.Folded(first).CopyTo(joined);
        words.Folded(first + 1).CopyTo(joined[words[first].FoldedLength..]);
        return _lexicons.TryTextSpeak(joined, out suggestion!);
    }

    /// <summary>"l0l" (zero for o), "looool", "plzzz", "thxxx": the listed abbreviation behind a zero or stretched letters.</summary>
    private string? Variant(ReadOnlySpan<char> folded, bool hasDigit)
    {
        if (folded.Length < 3 || folded.Length > 24) return null;
        var zeroed = hasDigit && folded.IndexOf('0') > 0;
        // Only a doubled letter can be squeezed ("lolll"): most words have none, and need no lookups at all.
        var doubled = HasDoubledLetter(folded);
        if (!zeroed && !doubled) return null;
        Span<char> buffer = stackalloc char[folded.Length];
        if (zeroed)
        {
            folded.CopyTo(buffer);
            buffer.Replace('0', 'o');
            if (_lexicons.TryTextSpeak(buffer, out var zero)) return zero;
        }
        if (!doubled) return null;
        for (var keep = 1; keep <= 2; keep++)
        {
            var n = 0;
            var same = 0;
            for (var k = 0; k < folded.Length; k++)
            {
                same = k > 0 && folded[k] == folded[k - 1] ? same + 1 : 0;
                if (same < keep) buffer[n++] = folded[k];
            }
            if (n == folded.Length) return null;
            if (n >= 2 && _lexicons.TryTextSpeak(buffer[..n], out var squeezed))
            {
                // Asked only now, as most squeezed words are no abbreviation: a real word is no stretched one ("loll", "Anna").
                return _lexicons.IsDictionaryWord(folded) || _lexicons.IsGivenName(folded) ? null : squeezed;
            }
        }
        return null;
    }

    private static bool HasDoubledLetter(ReadOnlySpan<char> word)
    {
        for (var k = 1; k < word.Length; k++)
        {
            if (word[k] == word[k - 1]) return true;
        }
        return false;
    }

    /// <summary>"thanks 4 coming", "hope 2 see u": a lone 2 or 4 standing for "to" or "for" between words (never "Year 4", "4 teams").</summary>
    private string? NumberAsWord(TextAnalysis words, int i)
    {
        var folded = words.Folded(i);
        if (folded is not ("2" or "4") || i == 0 || i + 1 >= words.Count) return null;
        if (!words.FollowsDirectly(i) || !words.FollowsDirectly(i + 1)) return null;
        var previous = words[i - 1];
        var next = words[i + 1];
        var previousIsPlain = previous.Has(WordFlags.LowerCase) || (previous.Has(WordFlags.SentenceStart) && !previous.Has(WordFlags.AllCaps));
        if (!previousIsPlain || previous.Has(WordFlags.HasDigit) || !next.Has(WordFlags.HasLetter)) return null;
        var before = words.Folded(i - 1);
        var after = words.Folded(i + 1);
        var leads = _numberWordLeaders.Contains(before);
        var follows = _numberWordFollowers.Contains(after) || (after.Length > 4 && after.EndsWith("ing") && next.Has(WordFlags.LowerCase));
        if (!leads && !follows) return null;
        return folded[0] == '2' ? "to" : "for";
    }

    /// <summary>"gr8ful" -> "grateful", "cre8" -> "create", "2gether" -> "together": one 2, 4 or 8 that reads as a sound inside letters.</summary>
    private string? LetterDigitSpelling(ReadOnlySpan<char> folded)
    {
        if (folded.Length > 24) return null;
        var digitAt = -1;
        var letters = 0;
        for (var k = 0; k < folded.Length; k++)
        {
            if (char.IsDigit(folded[k]))
            {
                if (digitAt >= 0 || folded[k] is not ('2' or '4' or '8')) return null;
                digitAt = k;
            }
            else if (char.IsLetter(folded[k])) letters++;
            else return null;
        }
        if (digitAt < 0 || letters < 3) return null;
        var after = folded[(digitAt + 1)..];
        if (after is "st" or "nd" or "rd" or "th" or "s") return null;
        if (_lexicons.IsAcronym(folded)) return null;
        Span<char> buffer = stackalloc char[folded.Length + 4];
        foreach (var sound in folded[digitAt] switch { '2' => ["to", "too"], '4' => ["for", "fore"], _ => new[] { "ate" } })
        {
            var n = 0;
            folded[..digitAt].CopyTo(buffer);
            n += digitAt;
            sound.AsSpan().CopyTo(buffer[n..]);
            n += sound.Length;
            after.CopyTo(buffer[n..]);
            n += after.Length;
            if (n >= 4 && _lexicons.IsLowerCaseWord(buffer[..n])) return buffer[..n].ToString();
        }
        return null;
    }

    private void Report(List<Finding> findings, TextAnalysis words, int first, int last, string suggestion)
    {
        var written = Quote(Span(words, first, last));
        var disguised = first != last || words[first].Has(WordFlags.Disguised)
            ? " (disguised)"
            : "";
        var start = words[first].Start;
        var length = words[last].End - start;
        if (suggestion.StartsWith('('))
        {
            var advice = suggestion.Trim('(', ')');
            findings.Add(new Finding(Id, Severity.Block, $"{written} is text language{disguised}; {advice}.", start, length));
            return;
        }
        findings.Add(new Finding(Id, Severity.Block, $"{written} is text language{disguised}; write “{suggestion}”.", start, length, suggestion));
    }
}
