using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;
using static SchoolTwitter.Core.CodeOfConduct.Rules.LanguageRuleSupport;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// Nothing offensive, discriminatory or sexual: profanity, slurs and sexual terms from offensive.txt, and insults aimed at
/// people ("parents are idiots"), in the text (hashtags and links included) and in every image's alt text, however disguised.
/// Clinical and formal words ("penis", "pornography" in online-safety advice) warn instead, so a second SLT member looks.
/// </summary>
public sealed class OffensiveRule(LexiconSet lexicons) : IRule
{
    private readonly OffensiveLanguage _offensive = new(lexicons);

    public string Id => RuleIds.Offensive;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        foreach (var match in _offensive.Find(draft.Text, draft.Words))
        {
            var written = Quote(draft.Text.AsSpan(match.Start, match.Length));
            findings.Add(match.IsClinical
                ? new Finding(Id, Severity.Warn, $"{written} {Describe(match.Category)}: check with a second SLT member that it belongs on the school account.",
                    match.Start, match.Length)
                : new Finding(Id, Severity.Block, $"{written} {Describe(match.Category)}. Remove it: the school account never posts it.",
                    match.Start, match.Length));
        }
        var images = draft.Draft.Images;
        for (var n = 0; n < images.Count; n++)
        {
            if (string.IsNullOrWhiteSpace(images[n].AltText)) continue;
            foreach (var match in _offensive.Find(images[n].AltText!))
            {
                var written = Quote(images[n].AltText.AsSpan(match.Start, match.Length));
                findings.Add(new Finding(Id, match.IsClinical ? Severity.Warn : Severity.Block,
                    $"The alt text of image {n + 1} ({images[n].FileName}) has {written}, which {Describe(match.Category)}. " +
                    (match.IsClinical ? "Check with a second SLT member that it belongs there." : "Remove it.")));
            }
        }
    }

    private static string Describe(string category) => category switch
    {
        "profanity" => "is swearing",
        "slur" => "is a slur (discriminatory language)",
        "sexual" => "is sexual language",
        "discriminatory" => "is discriminatory or hateful language",
        OffensiveLanguage.ClinicalCategory => "is a clinical or sensitive word",
        OffensiveLanguage.InsultCategory => "insults people",
        _ => "is offensive language",
    };
}
