using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;
using static SchoolTwitter.Core.CodeOfConduct.Rules.LanguageRuleSupport;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// Nothing aimed at one pupil: a pupil's given name (a roster first name, or a common UK given name) as the subject of praise
/// or criticism — "Well done Josh a better lesson today", "Congratulations to Amelia", "Josh was naughty", "Great effort, Amelia!".
/// Adults with a title (Mrs Walsh, Councillor Jones), full names of people and places (Dick Whittington, Grace Academy),
/// class and house names (Rowan class), dates (May half term) and everyday words (Summer Fair, "Will you join us") are not pupils.
/// </summary>
public sealed class TargetedRule(LexiconSet lexicons) : IRule
{
    /// <summary>Openers that single someone out when a name follows, written as folded words ("well done", "congratulations to").</summary>
    private static readonly string[][] Openers =
    [
        .. new[]
        {
            "well done", "congratulations", "congrats", "bravo", "shout out", "shoutout", "proud of",
            "good job", "great job", "great work", "good work", "brilliant work", "fantastic work", "amazing work",
            "excellent work", "super work", "great effort", "fantastic effort", "brilliant effort", "amazing effort",
            "super effort", "star of the week", "pupil of the week", "student of the week", "star of the day",
            "goes to", "awarded to", "presented to", "winner is", "winners are", "winner was", "shame on",
            "disappointed with", "disappointed in", "well played", "keep it up", "naughty", "go on",
            "especially", "particularly", "in particular", "special mention", "special mention to", "special mention for",
            "extra special", "a special well done", "top marks", "top marks to", "player of the match", "player of the match was",
        }.Select(o => o.Split(' ')),
    ];

    /// <summary>Openers as often said to adults (volunteers, staff): they single out only a pupil on the roster.</summary>
    private static readonly string[][] RosterOnlyOpeners = [["thank", "you"], ["thanks"], ["happy", "birthday"], ["thankyou"]];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenerFillers = WordSet("to our the little young super amazing for is was");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SubjectVerbs = WordSet(
        "was is has had did got behaved misbehaved scored won came achieved needs need must should refused forgot failed hit " +
        "kicked pushed shouted swore lied cheated broke ruined tried showed worked read wrote sang performed made earned received " +
        "gained produced excelled impressed amazed smashed aced been being were are really always finally again also truly just " +
        "managed completed finished reached deserves deserved");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Evaluative = WordSet(
        "naughty rude disappointing disappointed unacceptable badly bad poor poorly lazy silly disruptive trouble unkind mean late " +
        "detention sanction sanctions warning warned excluded exclusion behaviour behavior better worse worst improved improvement " +
        "excellent amazing brilliant fantastic superb outstanding wonderful great star proud best first winner winning won award " +
        "certificate medal trophy fabulous incredible impressive beautifully brilliantly superbly perfectly hard effort kind " +
        "kindness helpful superstar champion top gold amazingly fantastically excellently fab super terrific phenomenal stunning " +
        "talented clever smart genius shining shone exceptional remarkable inspirational inspiring hero legend congratulations " +
        "lesson lessons homework attitude naughtiest cheeky stupid useless hopeless terrible awful dreadful shocking");

    private readonly LanguageLexicons _lexicons = lexicons.Language;

    public string Id => RuleIds.Targeted;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var words = draft.Words;
        var roster = NamesOf(draft.Roster);
        for (var i = 0; i < words.Count; i++)
        {
            var token = words[i];
            if (!token.Has(WordFlags.HasLetter) || token.Has(WordFlags.HasDigit) || token.Has(WordFlags.HasApostrophe) || token.FoldedLength < 2)
            {
                continue;
            }
            var name = words.Folded(i);
            var onRoster = roster.PupilsNamed(name) is not null;
            var given = _lexicons.IsGivenName(name);
            var everyday = _lexicons.IsEverydayNameWord(name);
            if (!onRoster && !given && !everyday) continue;

            var capitalised = token.Has(WordFlags.Capitalised) && !token.Has(WordFlags.AllCaps);
            var opener = OpenerBefore(words, i, Openers);
            if (opener < 0 && onRoster) opener = OpenerBefore(words, i, RosterOnlyOpeners);
            // A lower-case "name" is a name only straight after an opener ("well done josh"), and never an everyday word ("well done all").
            if (!capitalised && (opener < 0 || everyday || token.Has(WordFlags.AllCaps) || (!given && !onRoster))) continue;
            if (IsNotAPupil(words, i, roster, opener >= 0)) continue;

            var strongName = onRoster || (given && !everyday);
            var nameEnd = i;
            if (roster.MatchAt(words, i, out _, out var withLast) > 1 && withLast) nameEnd = i + roster.MatchAt(words, i, out _, out _) - 1;

            if (opener >= 0)
            {
                Report(findings, words, opener, i, nameEnd);
            }
            else if (strongName && (IsSubjectOfVerdict(words, i) || IsPraisedByComma(words, i)))
            {
                Report(findings, words, i, i, nameEnd);
            }
        }
    }

    /// <summary>The index of the first word of an opener right before word <paramref name="i"/> ("Well done [to] Josh"), or -1.</summary>
    private static int OpenerBefore(TextAnalysis words, int i, string[][] openers)
    {
        var end = i - 1;
        while (end >= 0 && end >= i - 3 && OpenerFillers.Contains(words.Folded(end)) && words.SameSentence(end, i)) end--;
        if (end < 0) return -1;
        foreach (var opener in openers)
        {
            var first = end - opener.Length + 1;
            if (first < 0) continue;
            var ok = true;
            for (var k = 0; k < opener.Length && ok; k++)
            {
                ok = words.Folded(first + k).SequenceEqual(opener[k]);
            }
            // The opener and the name must be in one sentence ("Well done, Josh!" is; "…well done. Josh…" is not).
            if (ok && SameClause(words, first, i)) return first;
        }
        return -1;
    }

    private static bool SameClause(TextAnalysis words, int from, int to)
    {
        for (var k = from + 1; k <= to; k++)
        {
            if (words[k].Has(WordFlags.SentenceStart) || words[k].Has(WordFlags.LineStart) || words[k].Has(WordFlags.AfterEntity)) return false;
            if (words.GapBefore(k).IndexOfAny(".;:") >= 0) return false;
        }
        return true;
    }

    private bool IsNotAPupil(TextAnalysis words, int i, RosterNames roster, bool afterOpener)
    {
        var everyday = _lexicons.IsEverydayNameWord(words.Folded(i)) && roster.PupilsNamed(words.Folded(i)) is null;
        if (i > 0 && words.SameSentence(i - 1, i))
        {
            var previous = words.Folded(i - 1);
            if (Titles.Contains(previous)) return true; // Mrs Walsh, Councillor Jones, Class Rowan
            if (!afterOpener && PlaceLeaders.Contains(previous)) return true; // a trip to Chester
            // "Amazing Grace", "Saint Helen": a capitalised word before the name makes it part of a title or name.
            if (words[i - 1].Has(WordFlags.Capitalised) && !words[i - 1].Has(WordFlags.SentenceStart) && words.FollowsDirectly(i) && !afterOpener) return true;
        }
        if (i + 1 < words.Count && words.SameSentence(i, i + 1))
        {
            var next = words.Folded(i + 1);
            if (PlaceOrGroupWords.Contains(next)) return true; // Summer Fair, Rowan class, Grace Academy
            if (words[i + 1].Has(WordFlags.Capitalised) && words.FollowsDirectly(i + 1))
            {
                // A full name: a pupil only when the roster has it, or straight after "Well done".
                var rosterFullName = roster.MatchAt(words, i, out _, out var withLast) > 0 && withLast;
                // A roster pupil followed by someone else's surname is someone else ("Thank you to Red Watch").
                var onRoster = roster.PupilsNamed(words.Folded(i)) is not null;
                if (!rosterFullName && (onRoster || !(afterOpener && !everyday))) return true;
            }
        }
        if (everyday && IsDateOrModal(words, i)) return true; // 12th May, May half term, "Will you join us?"
        return false;
    }

    /// <summary>"Josh was naughty", "Amelia has been a star": the name, a verb, and a word of praise or blame later in the sentence.</summary>
    private static bool IsSubjectOfVerdict(TextAnalysis words, int i)
    {
        var k = i + 1;
        // "Josh and Amelia were brilliant": skip the rest of a list of names.
        while (k + 1 < words.Count && words.SameSentence(k - 1, k) && words.Folded(k).SequenceEqual("and") && words[k + 1].Has(WordFlags.Capitalised)) k += 2;
        if (k >= words.Count || !words.SameSentence(i, k) || !SubjectVerbs.Contains(words.Folded(k))) return false;
        for (var m = k; m < words.Count && m <= k + 8 && words.SameSentence(i, m); m++)
        {
            if (Evaluative.Contains(words.Folded(m))) return true;
        }
        return false;
    }

    /// <summary>"Great effort today, Amelia!": the name closes a sentence of praise or blame after a comma.</summary>
    private static bool IsPraisedByComma(TextAnalysis words, int i)
    {
        var gap = words.GapBefore(i);
        if (gap.IndexOf(',') < 0) return false;
        if (i + 1 < words.Count && words.SameSentence(i, i + 1) && words.GapBefore(i + 1).IndexOfAny(".!?") < 0) return false;
        for (var m = i - 1; m >= 0 && m >= i - 8; m--)
        {
            if (Evaluative.Contains(words.Folded(m))) return true;
            if (words[m].Has(WordFlags.SentenceStart)) break;
        }
        return false;
    }

    private void Report(List<Finding> findings, TextAnalysis words, int first, int name, int nameEnd)
    {
        var phrase = Quote(Span(words, first, nameEnd));
        var who = Quote(Span(words, name, nameEnd));
        findings.Add(new Finding(Id, Severity.Block,
            $"{phrase} singles out one pupil ({who}). Praise or concern about one child belongs with the family; celebrate the class or team instead, without naming the pupil.",
            words[name].Start, words[nameEnd].End - words[name].Start));
    }
}
