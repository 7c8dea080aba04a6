using SchoolTwitter.Core.Text;
using static SchoolTwitter.Core.CodeOfConduct.Rules.LanguageRuleSupport;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// Standard English grammar, checked only where a mistake can be told reliably (a false alarm blocks good news):
/// a capital at the start of each sentence; terminal punctuation at the end (trailing hashtags, links and emoji aside);
/// "I" not "i"; "could/should/would/must/might of" for "have"; "alot", "thankyou" and other run-together words;
/// missing apostrophes ("dont", "im"); doubled words ("the the"); "their is"; "your welcome"; "its a"; "a apple" / "an banana".
/// </summary>
public sealed class GrammarRule : IRule
{
    /// <summary>Words that are always a mistake, with their correction (the spelling rule leaves these to this rule).</summary>
    internal static readonly Dictionary<string, string> FixedMistakes = new Dictionary<string, string>
    {
        ["alot"] = "a lot", ["aswell"] = "as well", ["infact"] = "in fact", ["eachother"] = "each other",
        ["thankyou"] = "thank you", ["incase"] = "in case", ["atleast"] = "at least", ["everytime"] = "every time",
        ["noone"] = "no one", ["alittle"] = "a little", ["abit"] = "a bit", ["inspite"] = "in spite", ["ontop"] = "on top",
        ["upto"] = "up to", ["infront"] = "in front", ["goodluck"] = "good luck", ["welldone"] = "well done",
        ["dont"] = "don't", ["didnt"] = "didn't", ["doesnt"] = "doesn't", ["isnt"] = "isn't", ["wasnt"] = "wasn't",
        ["arent"] = "aren't", ["werent"] = "weren't", ["couldnt"] = "couldn't", ["wouldnt"] = "wouldn't",
        ["shouldnt"] = "shouldn't", ["havent"] = "haven't", ["hasnt"] = "hasn't", ["hadnt"] = "hadn't", ["im"] = "I'm",
        ["ive"] = "I've", ["youre"] = "you're", ["theyre"] = "they're", ["weve"] = "we've", ["theyve"] = "they've",
        ["youve"] = "you've", ["youll"] = "you'll", ["theyll"] = "they'll", ["shouldve"] = "should've",
        ["couldve"] = "could've", ["wouldve"] = "would've", ["thats"] = "that's", ["whats"] = "what's",
        ["theres"] = "there's", ["wheres"] = "where's", ["whos"] = "who's", ["heres"] = "here's"
    }.ToDictionary(StringComparer.Ordinal);

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Fixed =
        FixedMistakes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Modals = WordSet("could should would must might may");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Participles = WordSet(
        "been done gone had seen made got known taken given come won lost said thought brought bought told left run sung swum " +
        "written eaten sent spent built found heard kept met paid put read sat stood taught understood worn become begun broken " +
        "chosen drawn driven fallen flown forgotten grown hidden ridden risen shown spoken stolen thrown woken");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Doubles = WordSet(
        "had that very so no bye ha hip knock well really much many far more long round over again night chop tut choo pom yo " +
        "can do is go tick tock ding dong boo hurrah hooray la ho he quack woof baa moo oink tweet bang clap cha fifty");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ItsFollowers = WordSet("a an been going not");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BeForms = WordSet("is are was were");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SilentH = WordSet(
        "hour hours hourly honest honestly honour honours honoured honourable heir heirs herb herbs homage historic historical hotel hotels");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ConsonantSoundVowels = WordSet(
        "one once oneself eu euro euros european europe ewe ewes");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LetterNamers = WordSet(
        "grade plan part vitamin class year key stage level type section question option group team block row box size");

    public string Id => RuleIds.Grammar;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var words = draft.Words;
        var reported = ReportedSpans.Of(findings);
        for (var i = 0; i < words.Count; i++)
        {
            var token = words[i];
            var folded = words.Folded(i);
            if (!reported.Overlaps(token.Start, token.Length)) CheckSentenceCapital(words, i, findings);

            if (IsLowerCaseI(words, i))
            {
                var fixedI = "I" + words.Original(i)[1..].ToString();
                Add(findings, words, i, i, $"{Quote(words.Original(i))} should have a capital: write “{fixedI}”.", fixedI);
                continue;
            }
            if (Fixed.TryGetValue(folded, out var correction) && !token.Has(WordFlags.AllCaps))
            {
                var suggestion = token.Has(WordFlags.Capitalised) ? char.ToUpperInvariant(correction[0]) + correction[1..] : correction;
                var why = correction.Contains('\'') ? "needs an apostrophe" : "is not Standard English";
                Add(findings, words, i, i, $"{Quote(words.Original(i))} {why}: write “{suggestion}”.", suggestion);
                continue;
            }
            if (i == 0 || !words.FollowsDirectly(i)) continue;
            var previous = words.Folded(i - 1);

            if (folded.SequenceEqual("of") && Modals.Contains(previous) && IsParticipleNext(words, i))
            {
                var suggestion = words.Original(i - 1).ToString() + " have";
                Add(findings, words, i - 1, i, $"{Quote(Span(words, i - 1, i))} should be “{suggestion}”.", suggestion);
            }
            else if (folded.SequenceEqual(previous) && token.Has(WordFlags.HasLetter) && !token.Has(WordFlags.HasDigit)
                && !Doubles.Contains(folded) && token.FoldedLength > 1)
            {
                Add(findings, words, i - 1, i, $"{Quote(Span(words, i - 1, i))} repeats a word; write “{words.Original(i - 1).ToString()}” once.",
                    words.Original(i - 1).ToString());
            }
            else if (previous.SequenceEqual("their") && BeForms.Contains(folded))
            {
                var suggestion = Capitalise("there", words[i - 1]) + " " + words.Original(i).ToString();
                Add(findings, words, i - 1, i, $"{Quote(Span(words, i - 1, i))} should be “{suggestion}”.", suggestion);
            }
            else if (previous.SequenceEqual("your") && folded.SequenceEqual("welcome"))
            {
                var suggestion = Capitalise("you're", words[i - 1]) + " welcome";
                Add(findings, words, i - 1, i, $"{Quote(Span(words, i - 1, i))} should be “{suggestion}”.", suggestion);
            }
            else if (previous.SequenceEqual("its") && ItsFollowers.Contains(folded) && words[i].Has(WordFlags.LowerCase))
            {
                var suggestion = Capitalise("it's", words[i - 1]) + " " + words.Original(i).ToString();
                Add(findings, words, i - 1, i, $"{Quote(Span(words, i - 1, i))} should be “{suggestion}” (it is).", suggestion);
            }
            else if (WrongArticle(words, i) is { } article)
            {
                var suggestion = article + " " + words.Original(i).ToString();
                Add(findings, words, i - 1, i, $"{Quote(Span(words, i - 1, i))} should be “{suggestion}”.", suggestion);
            }
        }
        CheckEnding(draft.Text, words, findings);
    }

    private void CheckSentenceCapital(TextAnalysis words, int i, List<Finding> findings)
    {
        var token = words[i];
        if (!token.Has(WordFlags.SentenceStart) || token.Has(WordFlags.AfterEntity) || !token.Has(WordFlags.HasLetter)) return;
        var original = words.Original(i);
        if (!char.IsLetter(original[0]) || !char.IsLower(original[0]) || token.Has(WordFlags.InnerCapital)) return;
        if (original.SequenceEqual("i") || original.StartsWith("i'")) return; // reported as a lower-case "i"
        var following = words.GapBefore(i + 1);
        if (following.Length > 0 && following[0] is '/' or '.' && token.FoldedLength <= 2) return; // "w/c", "e.g."
        // Text that opens mid-thought ("...and then") or inside quotes is left alone.
        var gap = words.GapBefore(i);
        if (gap.IndexOfAny("\"“‘'(…") >= 0 || (i == 0 && gap.Length > 0 && gap.Trim().Length > 0)) return;
        var fixedWord = char.ToUpperInvariant(original[0]) + original[1..].ToString();
        Add(findings, words, i, i, $"{Quote(original)} starts a sentence, so it needs a capital letter: “{fixedWord}”.", fixedWord);
    }

    private static bool IsLowerCaseI(TextAnalysis words, int i)
    {
        var original = words.Original(i);
        if (original.Length == 0 || original[0] != 'i') return false;
        var contraction = original is "i'm" or "i've" or "i'll" or "i'd" or "i’m" or "i’ve" or "i’ll" or "i’d";
        if (!contraction && !original.SequenceEqual("i")) return false;
        if (contraction) return true;
        // A lone "i" between words, not a list item "(i)", a letter ("the letter i") or "i.e.".
        var after = words.GapBefore(i + 1);
        if (i + 1 >= words.Count || after.Length == 0 || after[0] != ' ' || !words.SameSentence(i, i + 1)) return false;
        var before = words.GapBefore(i);
        if (before.IndexOfAny("('\"‘“") >= 0) return false;
        if (i > 0 && (words[i - 1].FoldedLength == 1 || LetterNamers.Contains(words.Folded(i - 1)) || words.Folded(i - 1).SequenceEqual("letter"))) return false;
        return words[i + 1].Has(WordFlags.HasLetter) && words[i + 1].FoldedLength > 1;
    }

    private static bool IsParticipleNext(TextAnalysis words, int i)
    {
        if (i + 1 >= words.Count || !words.SameSentence(i, i + 1)) return false;
        var next = words.Folded(i + 1);
        return Participles.Contains(next) || (next.Length > 3 && next.EndsWith("ed"));
    }

    /// <summary>"a apple" -> "an", "an banana" -> "a", only for ordinary lower-case words whose first letter decides the sound.</summary>
    private static string? WrongArticle(TextAnalysis words, int i)
    {
        var article = words.Original(i - 1);
        if (article is not ("a" or "A" or "an" or "An")) return null;
        var next = words[i];
        if (!next.Has(WordFlags.LowerCase) || next.Has(WordFlags.HasDigit) || next.FoldedLength < 3 || next.Has(WordFlags.HasApostrophe)) return null;
        if (i + 1 < words.Count && words[i + 1].Has(WordFlags.AfterHyphen)) return null;
        if (i >= 2 && (LetterNamers.Contains(words.Folded(i - 2)) || words[i - 2].FoldedLength == 1)) return null;
        if (words.GapBefore(i - 1).IndexOfAny("'\"‘“(") >= 0) return null;
        var word = words.Folded(i);
        if (word is "and" or "or" or "to") return null;
        var vowel = word[0] is 'a' or 'e' or 'i' or 'o';
        if (article.Length == 1 && vowel && !StartsWithAny(word, ConsonantSoundVowels))
        {
            return article[0] == 'A' ? "An" : "an";
        }
        if (article.Length == 2 && !vowel && word[0] != 'u' && !StartsWithAny(word, SilentH))
        {
            return article[0] == 'A' ? "A" : "a";
        }
        return null;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> word, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> starts)
    {
        if (starts.Contains(word)) return true;
        foreach (var s in starts.Set)
        {
            if (word.StartsWith(s, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The text must end with . ! ? or … once trailing hashtags, links, mentions, emoji and spaces are set aside.</summary>
    private void CheckEnding(string text, TextAnalysis words, List<Finding> findings)
    {
        if (words.Count == 0) return;
        var end = text.Length;
        var skippedSomething = false;
        while (end > 0)
        {
            var c = text[end - 1];
            var entityStart = EntityStartCovering(words, end - 1);
            if (entityStart >= 0)
            {
                // A mention ending the sentence ("Thanks to @FireService") needs the full stop after it.
                if (text[entityStart] is '@' or '＠' && !IsAfterSentenceEnd(words, text, entityStart))
                {
                    var mention = text[entityStart..end];
                    findings.Add(new Finding(Id, Severity.Block,
                        $"The last sentence needs a full stop (or ! or ?): write “{mention}.”.", entityStart, end - entityStart, mention + "."));
                    return;
                }
                // A link that is the object of the last sentence ("More photos at stmarys.sch.uk/news") completes it:
                // a full stop after a link is often read as part of it.
                if (text[entityStart] is not ('#' or '＃' or '$') && IntroducesLink(text, entityStart)) return;
                end = entityStart;
                skippedSomething = true;
                continue;
            }
            if (char.IsWhiteSpace(c) || TextFolding.IsInvisible(c) || char.IsSurrogate(c) || char.IsSymbol(c)
                || c is '\u200D' or '\uFE0F' or '\u20E3')
            {
                end--;
                continue;
            }
            break;
        }
        if (end == 0 || EndsWithAList(text, end)) return;
        var last = end - 1;
        // Closing quotes and brackets may follow the full stop: ."  .)  !”
        while (last > 0 && text[last] is '"' or '”' or '’' or '\'' or ')' or ']') last--;
        var mark = text[last];
        if (mark is '.' or '!' or '?' or '…' or '！' or '？') return;
        if (mark == ':' && skippedSomething) return; // "Read more here: https://…"

        var lastWord = words.Count - 1;
        while (lastWord > 0 && words[lastWord].Start >= end) lastWord--;
        if (words[lastWord].Start >= end) return;
        var written = words.Original(lastWord).ToString();
        findings.Add(new Finding(Id, Severity.Block,
            $"The last sentence needs a full stop (or ! or ?): write “{written}.”.",
            words[lastWord].Start, words[lastWord].Length, written + "."));
    }

    private static readonly HashSet<string> LinkIntroducers = new(StringComparer.OrdinalIgnoreCase)
    {
        "at", "see", "visit", "on", "via", "from", "to", "in", "here", "website", "site", "page", "link", "blog", "online", "below",
    };

    /// <summary>True when the word just before <paramref name="linkStart"/> makes the link the sentence's object ("see …", "at …").</summary>
    private static bool IntroducesLink(string text, int linkStart)
    {
        var end = linkStart;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        return end > start && LinkIntroducers.Contains(text[start..end]);
    }

    /// <summary>True when only spaces (and other trailing entities) lie between an earlier . ! ? and <paramref name="position"/>.</summary>
    private static bool IsAfterSentenceEnd(TextAnalysis words, string text, int position)
    {
        var k = position - 1;
        while (k >= 0)
        {
            if (char.IsWhiteSpace(text[k]) || char.IsSurrogate(text[k]) || char.IsSymbol(text[k])) { k--; continue; }
            var entity = EntityStartCovering(words, k);
            if (entity < 0) break;
            k = entity - 1;
        }
        return k < 0 || text[k] is '.' or '!' or '?' or '…' or ':';
    }

    /// <summary>A list after a line ending in a colon ("Dates for your diary:" then one line per date) needs no full stop on its last item.</summary>
    private static bool EndsWithAList(string text, int end)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, end - 1));
        if (lineStart < 0) return false;
        var lastLine = text.AsSpan(lineStart + 1, end - lineStart - 1).TrimStart();
        if (lastLine.Length > 0 && (lastLine[0] is '-' or '•' or '*' or '–' or '·' or '▪' or '✅' || char.IsSurrogate(lastLine[0]) || char.IsDigit(lastLine[0]))) return true;
        var before = text.AsSpan(0, lineStart);
        return before.IndexOf(":\n", StringComparison.Ordinal) >= 0 || before.IndexOf(":\r\n", StringComparison.Ordinal) >= 0;
    }

    private static int EntityStartCovering(TextAnalysis words, int position)
    {
        foreach (var (start, end) in words.EntitySpans)
        {
            if (position >= start && position < end) return start;
        }
        return -1;
    }

    private static string Capitalise(string word, WordToken like) =>
        like.Has(WordFlags.Capitalised) ? char.ToUpperInvariant(word[0]) + word[1..] : word;

    private void Add(List<Finding> findings, TextAnalysis words, int first, int last, string message, string? suggestion) =>
        findings.Add(new Finding(Id, Severity.Block, message, words[first].Start, words[last].End - words[first].Start, suggestion));
}
