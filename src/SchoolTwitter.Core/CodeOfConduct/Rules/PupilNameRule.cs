using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Roster;
using SchoolTwitter.Core.Text;
using static SchoolTwitter.Core.CodeOfConduct.Rules.LanguageRuleSupport;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// No pupil names alongside pictures of pupils: in a draft with images, any roster pupil's first name (or first and last name)
/// in the text or in any image's alt text blocks. A first name that is also an everyday word (Grace, May, Will) counts when
/// written as a name — capitalised, not "Summer Fair", "May half term", "Will you join us", nor after a title (Miss Rose).
/// </summary>
public sealed class PupilNameRule(LexiconSet lexicons) : IRule
{
    private readonly LanguageLexicons _lexicons = lexicons.Language;

    public string Id => RuleIds.PupilName;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var images = draft.Draft.Images;
        if (images.Count == 0 || draft.Roster.Pupils.Count == 0) return;
        var roster = NamesOf(draft.Roster);
        if (roster.IsEmpty) return;

        foreach (var (start, length, pupil, full) in Names(draft.Words, roster))
        {
            var written = Quote(draft.Text.AsSpan(start, length));
            findings.Add(new Finding(Id, Severity.Block,
                $"{written} is the name of a pupil on the roster{(full ? "" : " (" + pupil.Id + ")")}, in a tweet with pictures. Never put pupils' names alongside pictures of pupils: remove the name.",
                start, length));
        }
        for (var n = 0; n < images.Count; n++)
        {
            var alt = images[n].AltText;
            if (string.IsNullOrWhiteSpace(alt)) continue;
            foreach (var (start, length, _, _) in Names(TextAnalysis.Analyse(alt, []), roster))
            {
                findings.Add(new Finding(Id, Severity.Block,
                    $"The alt text of image {n + 1} ({images[n].FileName}) names a pupil ({Quote(alt.AsSpan(start, length))}). Describe the scene without pupils' names."));
            }
        }
    }

    private List<(int Start, int Length, Pupil Pupil, bool Full)> Names(TextAnalysis words, RosterNames roster)
    {
        var found = new List<(int, int, Pupil, bool)>();
        for (var i = 0; i < words.Count; i++)
        {
            var count = roster.MatchAt(words, i, out var pupil, out var withLast);
            if (count == 0 || pupil is null) continue;
            var last = i + count - 1;
            if (withLast || IsWrittenAsName(words, i, roster))
            {
                found.Add((words[i].Start, words[last].End - words[i].Start, pupil, withLast));
                i = last;
            }
        }
        return found;
    }

    private bool IsWrittenAsName(TextAnalysis words, int i, RosterNames roster)
    {
        var token = words[i];
        var name = WithoutPossessive(words.Folded(i));
        var ordinaryWord = _lexicons.IsLowerCaseWord(name) || _lexicons.IsEverydayNameWord(name);
        if (!token.Has(WordFlags.Capitalised) || token.Has(WordFlags.AllCaps))
        {
            // "josh" in lower case could be the verb; "amelia" cannot be anything but a name.
            return !ordinaryWord && !token.Has(WordFlags.AllCaps) || token.Has(WordFlags.AllCaps) && !_lexicons.IsAcronym(name);
        }
        if (i > 0 && words.SameSentence(i - 1, i) && Titles.Contains(words.Folded(i - 1))) return false; // Miss Rose
        if (i + 1 < words.Count && words.SameSentence(i, i + 1))
        {
            if (PlaceOrGroupWords.Contains(words.Folded(i + 1))) return false; // Summer Fair, Victoria Park
            // Another capitalised name after it, not this pupil's surname: someone else (Florence Nightingale) or a place.
            if (words[i + 1].Has(WordFlags.Capitalised) && words.FollowsDirectly(i + 1) && !roster.IsLastName(words.Folded(i + 1))) return false;
        }
        if (!ordinaryWord) return true;
        if (i > 0 && words.SameSentence(i - 1, i) && words[i - 1].Has(WordFlags.Capitalised) && !words[i - 1].Has(WordFlags.SentenceStart)) return false; // Amazing Grace
        return !IsDateOrModal(words, i);
    }
}
