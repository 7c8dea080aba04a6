using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// Nothing sexual about how people look: "yummy mummies at the gate", "the new teacher is so hot", "fit dads", "nice legs".
/// Words that are sexualised wherever they appear block; "hot", "fit" and the like block when said of a grown-up and warn when
/// said of children (never of things or the weather: "hot chocolate", "so hot in the sun", "fit again after injury");
/// milder words about looks ("gorgeous", "stunning") warn when said of a grown-up and pass of children and things.
/// </summary>
public sealed class SexualisedRule(LexiconSet lexicons) : RemarksRule(lexicons)
{
    private const string Advice = "The school account never comments on how people look: remove it.";
    private const string About = "a sexualised remark about how someone looks";
    private const string Looks = "a remark about how a grown-up looks";

    private const RemarkRole NotBetween = RemarkRole.Copula | RemarkRole.Context | RemarkRole.Person | RemarkRole.Negation | RemarkRole.Modifier;

    public override string Id => RuleIds.Sexualised;

    private protected override RemarkRole Needs => RemarkRole.Sexualised | RemarkRole.Strong | RemarkRole.Soft | RemarkRole.Admiring
        | RemarkRole.Desire | RemarkRole.Gaze;

    private protected override void Check(DraftContext draft, RemarkReading words, List<Finding> findings)
    {
        for (var k = 0; k < words.Count; k++)
        {
            var end = words.Match(k, RemarkRole.Sexualised, out _);
            if (end > 0)
            {
                Report(draft, words, findings, k, end - 1, true, About, Advice);
                k = end - 1;
                continue;
            }
            if (words.Has(k, RemarkRole.Admiring) && k + 1 < words.Count && words.Joined(k + 1)
                && words.Match(k + 1, RemarkRole.Body, out _) is > 0 and var body)
            {
                Report(draft, words, findings, k, body - 1, true, About, Advice); // "nice legs"
                k = body - 1;
                continue;
            }
            if (words.MayStart(k, RemarkRole.Desire | RemarkRole.Gaze) && Aimed(draft, words, findings, k)) continue;
            if (words.Match(k, RemarkRole.Strong | RemarkRole.Soft, out var looks) < 0) continue;
            var strong = (looks.Role & RemarkRole.Strong) != 0;
            if (strong && k > 0 && words.Is(k - 1, "keep")) continue; // "keep fit"
            // Before a person: "hot mums", "the gorgeous new PE teacher".
            var person = PersonAt(words, k + 1, out var adult);
            for (var j = k + 2; person < 0 && j <= k + 3 && j < words.Count && words.Joined(j - 1) && !words.Has(j - 1, NotBetween); j++)
            {
                person = PersonAt(words, j, out adult); // "the gorgeous new PE teacher"
            }
            if (person > 0)
            {
                if (strong || adult) Report(draft, words, findings, k, person - 1, strong && adult, strong ? About : Looks, Advice);
                continue;
            }
            // After a person and is/looks: "the new teacher is so hot", "Mrs Jones looked stunning" ("so hot in the sun" is the weather).
            // "looking hot" is about looks whatever follows; "were hot today" is the weather.
            var looking = k > 0 && words.Folded(k - 1) is "looking" or "looks" or "looked" or "look";
            if (Subject(words, k, strong, out var subject, out adult) && !(strong && !looking && InContext(words, k + 1)) && (strong || adult))
            {
                Report(draft, words, findings, subject, k, strong && adult, strong ? About : Looks, Advice);
            }
        }
    }

    /// <summary>
    /// "I fancy the new teacher" (desire, then a person within three words) and "look at Mrs X's bum" (a gaze, then a person's
    /// body part): reported and true, or false when nothing follows that makes it a remark ("I fancy a cup of tea").
    /// </summary>
    private bool Aimed(DraftContext draft, RemarkReading words, List<Finding> findings, int k)
    {
        var end = words.Match(k, RemarkRole.Desire | RemarkRole.Gaze, out var entry);
        if (end < 0) return false;
        var desire = (entry.Role & RemarkRole.Desire) != 0;
        // Someone must do the fancying ("I fancy", "all the mums fancy"): "came in fancy dress" is not.
        if (desire && !(k > 0 && words.Joined(k) && words.Has(k - 1, RemarkRole.Speaker | RemarkRole.Person))) return false;
        for (var j = end; j < words.Count && j <= end + 3 && words.Joined(j); j++)
        {
            var person = PersonAt(words, j, out _);
            if (person < 0) continue;
            if (desire)
            {
                Report(draft, words, findings, k, person - 1, true, About, Advice);
                return true;
            }
            var body = words.Possessive(person - 1) ? words.Match(person, RemarkRole.Body, out _) : -1;
            if (body < 0) return false;
            Report(draft, words, findings, k, body - 1, true, About, Advice);
            return true;
        }
        return false;
    }

    /// <summary>A person named at <paramref name="k"/> ("mums", "teacher", "Mr Jones"): the index after it, or -1.</summary>
    private static int PersonAt(RemarkReading words, int k, out bool adult)
    {
        adult = false;
        if (k >= words.Count || !words.Joined(k)) return -1;
        if (words.Has(k, RemarkRole.Title) && words.Capitalised(k))
        {
            adult = true;
            return k + 1 < words.Count && words.Joined(k + 1) && words.Capitalised(k + 1) ? k + 2 : k + 1;
        }
        var end = words.Match(k, RemarkRole.Person, out var entry);
        if (end < 0 || entry.Words[0] is "he" or "she") return -1; // "beautiful he saw" is no remark about him
        adult = entry.Adult;
        return end;
    }

    /// <summary>
    /// Walks back from a looks word over so/really/well and is/are/looks to the person it is said of ("the new teacher is so
    /// hot"), or, when the word stands alone in its clause, to a grown-up named earlier in the sentence ("Check out Mr X, so hot!").
    /// </summary>
    private static bool Subject(RemarkReading words, int k, bool strong, out int subject, out bool adult)
    {
        subject = -1;
        adult = false;
        var copula = false;
        var j = k - 1;
        for (; j >= 0 && j >= k - 5 && words.Joined(j + 1); j--)
        {
            if (words.Has(j, RemarkRole.Copula)) { copula = true; continue; }
            if (words.Folded(j) is "a" or "an" || (words.Is(j, "the") && !words.Folded(k).EndsWith("est"))) return false; // "is a beautiful world"
            if (!words.Has(j, RemarkRole.Modifier) || copula) break;
        }
        if (copula && j >= 0 && words.Joined(j + 1)) return IsPerson(words, j, ref subject, ref adult);
        if (copula || !strong || j + 1 <= 0 || words.Joined(j + 1) || words.Words[j + 1].Has(WordFlags.SentenceStart)) return false;
        for (var t = j; t >= 0 && t >= j - 6; t--)
        {
            if (IsPerson(words, t, ref subject, ref adult) && adult) return true;
            if (words.Words[t].Has(WordFlags.SentenceStart)) return false;
        }
        return false;
    }

    /// <summary>A person word ("teacher", "mums", "she") at <paramref name="j"/>, or a titled name ending there ("Mrs Jones").</summary>
    private static bool IsPerson(RemarkReading words, int j, ref int subject, ref bool adult)
    {
        if (words.Match(j, RemarkRole.Person, out var entry) is > 0)
        {
            subject = j;
            adult = entry.Adult;
            return true;
        }
        for (var t = j; t >= 0 && t >= j - 3; t--)
        {
            if (!words.Capitalised(t)) return false;
            if (words.Has(t, RemarkRole.Title))
            {
                subject = t;
                adult = true;
                return true;
            }
            if (t > 0 && !words.Joined(t)) return false;
        }
        return false;
    }

    /// <summary>The weather, health or an activity after "hot"/"fit": "so hot in the sun", "fit again", "hot and tired".</summary>
    private static bool InContext(RemarkReading words, int k) => k < words.Count && words.Joined(k) && words.Has(k, RemarkRole.Context);
}
