using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Roster;
using SchoolTwitter.Core.Text;
using static SchoolTwitter.Core.CodeOfConduct.Rules.LanguageRuleSupport;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// No pupil names alongside pictures of pupils: in a draft with images, a roster pupil's first name, surname or full name in the
/// text or in any image's alt text blocks, in any case. A name that is also an everyday word (Grace, May, Will) or an adult's
/// (Miss Rose, Mrs Smith) counts only where <see cref="ChildNames"/> reads it as a name, not in "Summer Fair" or "Will you join us".
/// </summary>
public sealed class PupilNameRule(LexiconSet lexicons) : IRule
{
    [ThreadStatic] private static List<NameMention>? t_mentions;

    private readonly ChildNames _names = ChildNames.For(lexicons);

    public string Id => RuleIds.PupilName;

    /// <summary>
    /// Every roster pupil the draft's text or alt text names, as this rule reads names, pictures or not: what a published post
    /// is recorded as naming, so the post can be found if the pupil must no longer be seen.
    /// </summary>
    public IReadOnlyList<PupilMention> NamedPupils(DraftContext draft)
    {
        var found = new List<PupilMention>();
        if (draft.Roster.Pupils.Count == 0) return found;
        var roster = draft.RosterNames;
        foreach (var (start, length, pupil, _) in Names(draft.Words, draft, roster))
        {
            found.Add(new PupilMention(pupil, draft.Text.Substring(start, length)));
        }
        foreach (var image in draft.Draft.Images)
        {
            if (string.IsNullOrWhiteSpace(image.AltText)) continue;
            foreach (var (start, length, pupil, _) in Names(TextAnalysis.Analyse(image.AltText, []), draft, roster))
            {
                found.Add(new PupilMention(pupil, image.AltText.Substring(start, length)));
            }
        }
        return found;
    }

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var images = draft.Draft.Images;
        if (images.Count == 0 || draft.Roster.Pupils.Count == 0) return;
        var roster = draft.RosterNames;

        foreach (var (start, length, pupil, full) in Names(draft.Words, draft, roster))
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
            foreach (var (start, length, _, _) in Names(TextAnalysis.Analyse(alt, []), draft, roster))
            {
                findings.Add(new Finding(Id, Severity.Block,
                    $"The alt text of image {n + 1} ({images[n].FileName}) names a pupil ({Quote(alt.AsSpan(start, length))}). Describe the scene without pupils' names."));
            }
        }
    }

    private List<(int Start, int Length, Pupil Pupil, bool Full)> Names(TextAnalysis words, DraftContext draft, RosterNames roster)
    {
        IReadOnlyList<NameMention> mentions;
        if (ReferenceEquals(words, draft.Words))
        {
            mentions = draft.NameMentions(_names);
        }
        else
        {
            // Alt text: words of its own.
            var list = t_mentions ??= [];
            list.Clear();
            _names.Find(words, draft, list);
            mentions = list;
        }
        var found = new List<(int, int, Pupil, bool)>();
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            // A roster first name (with its surname when written) or a roster surname alone.
            var count = roster.MatchAt(words, mention.First, out var pupil, out var withLast);
            pupil ??= mention.Pupil;
            if (pupil is null) continue;
            var last = Math.Max(mention.Last, mention.First + count - 1);
            found.Add((words[mention.First].Start, words[last].End - words[mention.First].Start, pupil, withLast));
        }
        // A roster name that is no everyday word is a pupil wherever it stands, even where nothing around it reads as a name
        // ("Zephyrine and her class painted the mural"): with pictures, the roster is the evidence.
        for (var i = 0; i < words.Count; i++)
        {
            if (found.Exists(f => f.Item1 <= words[i].Start && words[i].Start < f.Item1 + f.Item2)) continue;
            var count = roster.MatchAt(words, i, out var pupil, out var withLast);
            if (pupil is null || count == 0) continue;
            var folded = words.Folded(i);
            if (lexicons.Language.IsEverydayNameWord(folded) || lexicons.Language.IsDictionaryWord(folded)) continue;
            found.Add((words[i].Start, words[i + count - 1].End - words[i].Start, pupil, withLast));
        }
        return found;
    }
}

/// <summary>A roster pupil named in a draft, and the words that named them.</summary>
public sealed record PupilMention(Pupil Pupil, string Written);
