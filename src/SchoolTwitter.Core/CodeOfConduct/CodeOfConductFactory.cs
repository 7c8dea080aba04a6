using SchoolTwitter.Core.CodeOfConduct.Rules;
using SchoolTwitter.Core.Lexicons;

namespace SchoolTwitter.Core.CodeOfConduct;

/// <summary>Composes the checker with every rule, from the built-in lexicons plus any school extensions.</summary>
/// <remarks>
/// The order matters. Shouting, spelling and grammar skip words an earlier rule has already reported (ReportedSpans), so
/// one word gets one finding: text-speak and offensive must run before them, or "WTF" would also be shouting and "shiiit" a
/// spelling warning instead of only a block. A rule that reads earlier findings goes after the rules it reads.
/// </remarks>
public static class CodeOfConductFactory
{
    public static CodeOfConductChecker Create(LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        lexicons.PrepareInBackground();
        IRule[] rules =
        [
            new ReplyRule(),
            new TextSpeakRule(lexicons),
            new OffensiveRule(lexicons),
            new ShoutingRule(lexicons),
            new SpellingRule(lexicons),
            new GrammarRule(lexicons),
            new TargetedRule(lexicons),
            new PupilNameRule(lexicons),
            new LengthRule(),
            new HashtagPositionRule(),
            new PersonalDataRule(lexicons),
            new MediaRule(),
            new PhotoConsentRule(),
            new CopyrightRule(lexicons),
            new AltTextRule(),
            new DefamationRule(lexicons),
            new DiscriminationRule(lexicons),
            new SexualisedRule(lexicons),
            // Each rule registers here, one line each.
        ];
        return new CodeOfConductChecker(rules);
    }

    /// <summary>The built-in lexicons extended by the files in <paramref name="extensionDirectory"/> when given.</summary>
    public static CodeOfConductChecker CreateDefault(string? extensionDirectory = null) =>
        Create(LexiconSet.Load(extensionDirectory));
}
