using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// Nothing defamatory: no accusation of crime, dishonesty or incompetence aimed at a named person, school or organisation
/// ("Mr Smith at Oakfield stole the funds", "St Mary's teachers are liars", "the council is corrupt", "Oakfield's head is
/// useless", "@OakfieldPri fiddled the results"). Certain target and certain accusation block; a lone name (it may be a story
/// character), a denial ("is not corrupt"), a report ("was arrested") or a milder word ("awful") warn.
/// News that only mentions crime ("a theft from the museum", "the police visited") is not aimed at anyone and passes.
/// </summary>
public sealed class DefamationRule(LexiconSet lexicons) : RemarksRule(lexicons)
{
    private const int Window = 7;
    private const RemarkRole Accusations = RemarkRole.AccusationVerb | RemarkRole.AccusationNoun | RemarkRole.AccusationAdjective | RemarkRole.Passive;

    public override string Id => RuleIds.Defamation;

    private protected override RemarkRole Needs => Accusations;

    private protected override void Check(DraftContext draft, RemarkReading words, List<Finding> findings)
    {
        for (var k = 0; k < words.Count; k++)
        {
            if (words.Match(k, RemarkRole.NotTarget, out _) is > 0 and var character)
            {
                k = character - 1; // "Robin Hood stole from the rich", "Fantastic Mr Fox"
                continue;
            }
            if (MentionBefore(draft, words, k) is { } mention)
            {
                Accused(draft, words, findings, mention, k, true, RemarkTargets.Organisation);
            }
            if (!RemarkTargets.TryFind(words, Language, k, out var target)) continue;
            target = WithPlace(words, target);
            var attributive = target.Attributive >= 0 ? target.Attributive : target.First - 1;
            if (attributive >= 0 && (attributive == target.Attributive || words.Joined(target.First))
                && words.Match(attributive, RemarkRole.AccusationNoun | RemarkRole.AccusationAdjective, out var before) == attributive + 1
                && (target.Certain || !before.WarnOnly))
            {
                Report(draft, words, findings, Math.Min(attributive, target.First), target.End - 1, target.Certain && !before.WarnOnly,
                    What(before, target.Kind), Advice);
            }
            else
            {
                Accused(draft, words, findings, words.Words[target.First].Start, target.End, target.Certain, target.Kind);
            }
            k = target.End - 1;
        }
    }

    /// <summary>"Mr Smith at Oakfield", "the head of St Mary's": a place or organisation after the target is part of it.</summary>
    private RemarkTarget WithPlace(RemarkReading words, RemarkTarget target)
    {
        var end = target.End;
        while (end + 1 < words.Count && words.Joined(end) && words.Folded(end) is "at" or "of" or "from" && words.Joined(end + 1)
            && words.Capitalised(end + 1) && RemarkTargets.TryFind(words, Language, end + 1, out var place))
        {
            end = place.End;
            target = target with { End = end, Certain = target.Certain || place.Certain };
        }
        return target;
    }

    /// <summary>Reads what follows a target ("... has been stealing", "... are liars", "... is not corrupt") and reports an accusation.</summary>
    private void Accused(DraftContext draft, RemarkReading words, List<Finding> findings, int start, int from, bool certain, string kind)
    {
        var copula = false;
        var negated = false;
        for (var k = from; k < words.Count && k < from + Window; k++)
        {
            if (k > from && !words.Joined(k)) return;
            if (k == from && words.ClauseStart(k) && k > 0 && !words.Words[k].Has(WordFlags.AfterEntity)) return;
            var end = words.Match(k, Accusations, out var entry);
            if (end > 0 && (copula || (entry.Role & RemarkRole.AccusationVerb) != 0))
            {
                var block = certain && !negated && !entry.WarnOnly && (entry.Role & RemarkRole.Passive) == 0;
                var last = words.Words[end - 1];
                Report(draft, findings, start, last.End - start, block, What(entry, kind), Advice);
                return;
            }
            if (words.Has(k, RemarkRole.Copula)) copula = true;
            if (words.Has(k, RemarkRole.Negation)) negated = true;
            if (!words.Has(k, RemarkRole.Copula | RemarkRole.Negation | RemarkRole.Modifier)) return;
        }
    }

    /// <summary>An @mention standing just before word <paramref name="k"/>, as a target: its start in the text.</summary>
    private static int? MentionBefore(DraftContext draft, RemarkReading words, int k)
    {
        if (!words.Words[k].Has(WordFlags.AfterEntity)) return null;
        var from = k == 0 ? 0 : words.Words[k - 1].End;
        foreach (var (start, end) in words.Words.EntitySpans)
        {
            if (start < from || end > words.Words[k].Start || draft.Text[start] is not ('@' or '＠')) continue;
            if (draft.Text.AsSpan(end, words.Words[k].Start - end).Trim().IsEmpty) return start;
        }
        return null;
    }

    private static string What(RemarkEntry entry, string kind) =>
        (entry.Role & RemarkRole.Passive) != 0 ? $"a report of wrongdoing about {kind} (defamation)"
        : entry.Detail switch
        {
            "crime" => $"an accusation of a crime against {kind} (defamation)",
            "dishonesty" => $"an accusation of dishonesty against {kind} (defamation)",
            _ => $"a claim of incompetence about {kind} (defamation)",
        };

    private const string Advice = "The school account never posts claims of wrongdoing about people, schools or organisations: remove it.";
}
