using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// Nothing discriminatory: no generalisation about people by a characteristic the Equality Act 2010 protects ("girls are
/// rubbish at maths", "Muslims are ...", "disabled people can't ...", "old people should stay at home", "immigrants steal",
/// "I hate gays", "go back to your own country"). A group is generic when it is bare or after all/most/typical ("girls",
/// "all Muslims", "the elderly"), and particular after our/the/Year 6 ("our girls' football team", "our Muslim families
/// celebrated Eid"), which is news about the school's own people and passes. Certain frames block; a group's ability or
/// a negative word from the sentiment list warns.
/// </summary>
public sealed class DiscriminationRule(LexiconSet lexicons) : RemarksRule(lexicons)
{
    private const int Window = 7;
    private const RemarkRole AfterCopula = RemarkRole.Descriptor | RemarkRole.Comparative | RemarkRole.Aptitude | RemarkRole.Negated
        | RemarkRole.AccusationNoun | RemarkRole.AccusationAdjective;

    private const RemarkRole Accusation = RemarkRole.AccusationNoun | RemarkRole.AccusationAdjective;

    public override string Id => RuleIds.Discrimination;

    private protected override RemarkRole Needs =>
        RemarkRole.GroupNoun | RemarkRole.GroupNominal | RemarkRole.GroupAdjective | RemarkRole.Hate | RemarkRole.Stereotype;

    private protected override void Check(DraftContext draft, RemarkReading words, List<Finding> findings)
    {
        for (var k = 0; k < words.Count; k++)
        {
            var phrase = words.Match(k, RemarkRole.Hate | RemarkRole.Stereotype, out var said);
            if (phrase > 0)
            {
                Report(draft, words, findings, k, phrase - 1, !said.WarnOnly,
                    (said.Role & RemarkRole.Hate) != 0 ? "hate speech" : "a stereotype about people's sex", Advice);
                k = phrase - 1;
                continue;
            }
            var end = GroupAt(words, k, out var characteristic, out var generic);
            if (end < 0) continue;
            if (generic)
            {
                var first = words.Is(k - 1, "the") && words.Joined(k) ? k - 1 : k; // "the Irish"
                var reported = Before(draft, words, findings, k, end, characteristic) || After(draft, words, findings, first, end, characteristic);
                if (!reported && words.Is(k - 1, "typical") && words.Joined(k))
                {
                    Report(draft, words, findings, k - 1, end - 1, false, Generalisation(characteristic), Advice);
                }
            }
            k = end - 1;
        }
    }

    /// <summary>
    /// A group starting at word <paramref name="k"/> ("Muslims", "disabled people", "the elderly", "people with autism"): the index
    /// after it, or -1; <paramref name="generic"/> when it means all of them rather than particular people.
    /// </summary>
    private static int GroupAt(RemarkReading words, int k, out string characteristic, out bool generic)
    {
        characteristic = "";
        generic = false;
        var start = k;
        var theBefore = words.Is(k - 1, "the") && words.Joined(k);
        int end;
        if ((end = words.Match(k, RemarkRole.GroupNoun, out var noun)) > 0)
        {
            characteristic = noun.Detail;
        }
        else if ((end = words.Match(k, RemarkRole.GroupNominal, out var nominal)) > 0 && (theBefore || !words.Has(k, RemarkRole.GroupAdjective)))
        {
            characteristic = nominal.Detail;
            if (theBefore) return Generic(words, k - 1, end, ref generic, viaThe: true);
        }
        else
        {
            // One or two group adjectives, then a people word: "disabled people", "young black men", "Polish families".
            var j = k;
            while (j < k + 2 && words.Match(j, RemarkRole.GroupAdjective, out var adjective) is > 0 and var after
                && (adjective.CapitalisedOnly is false || words.Capitalised(j)))
            {
                if (characteristic.Length == 0 || j > k) characteristic = adjective.Detail;
                j = after;
                if (j >= words.Count || !words.Joined(j)) return -1;
            }
            if (j == k) return -1;
            end = words.Match(j, RemarkRole.PeopleWord | RemarkRole.GroupNoun, out _);
            if (end < 0) return -1;
        }
        if (end < words.Count && words.Joined(end) && words.Match(end, RemarkRole.PeopleWord, out _) is > 0 and var people) end = people; // "Roma people"
        if (theBefore && (characteristic is "race" or "religion"))
        {
            return Generic(words, start - 1, end, ref generic, viaThe: true); // "the Jews", "the Muslims"
        }
        return Generic(words, start, end, ref generic, viaThe: false);
    }

    /// <summary>
    /// Whether the group at <paramref name="start"/>..<paramref name="end"/> (from "the" when <paramref name="viaThe"/>) means all
    /// of them: bare or after all/most/typical; not after our/Year 6/two/a name, not possessive ("girls' football").
    /// </summary>
    private static int Generic(RemarkReading words, int start, int end, ref bool generic, bool viaThe)
    {
        generic = !words.Possessive(end - 1);
        var before = start - 1;
        if (!generic || before < 0 || !words.Joined(start)) return end;
        var w = words.Words[before];
        if (w.Has(WordFlags.HasDigit) || words.Possessive(before) || (words.Has(before, RemarkRole.Specific) && !words.Has(before, RemarkRole.Generic)))
        {
            generic = false;
        }
        else if (!viaThe && (words.Is(before, "the") || (w.Has(WordFlags.Capitalised) && !w.Has(WordFlags.SentenceStart)
            && !words.Has(before, RemarkRole.Generic | RemarkRole.GroupAdjective | RemarkRole.Speaker))))
        {
            generic = false;
        }
        return end;
    }

    /// <summary>"I hate ...", "ban ...", "get rid of ...", "not for girls": said before the group.</summary>
    private bool Before(DraftContext draft, RemarkReading words, List<Finding> findings, int first, int end, string characteristic)
    {
        var k = first - 1;
        if (k >= 0 && (words.Is(k, "all") || words.Is(k, "the")) && words.Joined(first)) k--; // "ban all ...", "get rid of the elderly"
        if (k < 0 || !words.Joined(k + 1)) return false;
        if (words.Is(k, "for") && k >= 1 && words.Joined(k) && (words.Has(k - 1, RemarkRole.Negation) || IsNot(words, k - 1)))
        {
            var last = end >= words.Count || !words.Joined(end);
            Report(draft, words, findings, k - 1, end - 1, last, Generalisation(characteristic), Advice); // "football isn't for girls"
            return true;
        }
        // A hostile word of one to three words ending just before the group, said by I/we/you or as a command.
        for (var from = Math.Max(0, k - 2); from <= k; from++)
        {
            if (words.Match(from, RemarkRole.Hostile, out var hostile) != k + 1) continue;
            if (hostile.AfterGroup is { } then && !(end < words.Count && words.Joined(end) && words.In(then, end))) continue; // "keep ... out"
            if (from > 0 && words.Joined(from) && !words.Has(from - 1, RemarkRole.Speaker | RemarkRole.Negation)) continue;
            Report(draft, words, findings, from > 0 && words.Joined(from) ? from - 1 : from, end - 1, true, "hostility to " + Group(characteristic), Advice);
            return true;
        }
        return false;
    }

    private static bool IsNot(RemarkReading words, int k) => words.Folded(k) is "isn't" or "aren't" or "not" or "wasn't" or "ain't";

    /// <summary>What is said of a generic group after it: "are lazy", "can't drive", "should stay at home", "steal our jobs".</summary>
    private bool After(DraftContext draft, RemarkReading words, List<Finding> findings, int first, int from, string characteristic)
    {
        var copula = false;
        var negated = false;
        for (var k = from; k < words.Count && k < from + Window; k++)
        {
            if (!words.Joined(k)) return false;
            var folded = words.Folded(k);
            int end;
            RemarkEntry entry;
            // The frames' own words first: "rubbish" said of a group is a descriptor, not an accusation's milder word.
            if (copula && ((end = words.Match(k, AfterCopula & ~Accusation, out entry)) > 0 || (end = words.Match(k, Accusation, out entry)) > 0))
            {
                if ((entry.Role & RemarkRole.Negated) != 0 && (entry.Role & AfterCopula & ~RemarkRole.Negated) == 0 && !negated) return false;
                var block = !entry.WarnOnly && ((entry.Role & RemarkRole.Aptitude) == 0) && (!negated || (entry.Role & RemarkRole.Negated) != 0);
                return Found(draft, words, findings, first, end - 1, block, characteristic);
            }
            if (!copula && (end = words.Match(k, negated ? RemarkRole.Belonging : RemarkRole.Habit | RemarkRole.AccusationVerb, out entry)) > 0
                && (!negated || words.Folded(k - 1) is "don't" or "doesn't" or "didn't" or "not" or "never"))
            {
                return Found(draft, words, findings, first, end - 1, !entry.WarnOnly, characteristic);
            }
            var cannot = folded is "can't" or "cannot" or "couldn't" || (folded is "can" && words.Is(k + 1, "not") && words.Joined(k + 1));
            if (cannot)
            {
                var next = folded is "can" ? k + 2 : k + 1;
                if (next >= words.Count || !words.Joined(next) || words.Has(next, RemarkRole.Idiom)) return false;
                end = words.Match(next, RemarkRole.Ability, out _);
                return Found(draft, words, findings, first, end > 0 ? end - 1 : next, end > 0, characteristic);
            }
            if (folded is "should" or "shouldn't" or "must" or "mustn't" or "ought" or "need" or "needs")
            {
                var next = k + 1;
                if (next < words.Count && words.Joined(next) && words.Is(next, "to")) next++;
                if (next < words.Count && words.Joined(next) && words.Is(next, "not")) { negated = true; }
                if (next >= words.Count || !words.Joined(next)) return false;
                end = words.Match(next, RemarkRole.Restriction, out entry);
                if (end < 0 && negated && words.Is(next, "not")) end = words.Match(next + 1, RemarkRole.Restriction, out entry);
                if (end > 0) return Found(draft, words, findings, first, end - 1, !entry.WarnOnly, characteristic);
                // "shouldn't play" is a question for a person; plain "should bring their PE kit" is a school notice.
                var negative = negated || folded is "shouldn't" or "mustn't";
                if (negative || characteristic != "sex" && folded is "should")
                {
                    return Found(draft, words, findings, first, Math.Min(next, words.Count - 1), false, characteristic);
                }
                return false;
            }
            if (words.Has(k, RemarkRole.Copula)) copula = true;
            if (words.Has(k, RemarkRole.Negation)) negated = true;
            if (!words.Has(k, RemarkRole.Copula | RemarkRole.Negation | RemarkRole.Modifier)) return false;
        }
        return false;
    }

    private bool Found(DraftContext draft, RemarkReading words, List<Finding> findings, int first, int last, bool block, string characteristic)
    {
        Report(draft, words, findings, first, last, block, Generalisation(characteristic), Advice);
        return true;
    }

    private static string Generalisation(string characteristic) => "a generalisation about " + Group(characteristic);

    private static string Group(string characteristic) => characteristic switch
    {
        "age" => "people by their age (discrimination)",
        "disability" => "disabled people (discrimination)",
        "gender-reassignment" => "trans people (discrimination)",
        "marriage" => "people by their marriage or civil partnership (discrimination)",
        "pregnancy" => "pregnant women or mothers (discrimination)",
        "race" => "people by their race, nationality or ethnic origin (discrimination)",
        "religion" => "people by their religion or belief (discrimination)",
        "sex" => "people by their sex (discrimination)",
        "sexual-orientation" => "people by their sexual orientation (discrimination)",
        _ => "a group of people (discrimination)",
    };

    private const string Advice = "The school account never generalises about people by a protected characteristic (Equality Act 2010): remove it.";
}
