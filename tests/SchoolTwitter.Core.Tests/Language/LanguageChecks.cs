using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Core.Tests.Language;

/// <summary>One checker for all language tests (the lexicons load once per process, as in production).</summary>
internal static class LanguageChecks
{
    public static readonly string[] LanguageRules =
        [RuleIds.TextSpeak, RuleIds.Offensive, RuleIds.Shouting, RuleIds.Spelling, RuleIds.Grammar, RuleIds.Targeted, RuleIds.PupilName];

    public static LexiconSet Lexicons { get; } = LexiconSet.Load();

    public static CodeOfConductChecker Checker { get; } = CodeOfConductFactory.Create(Lexicons);

    public static PupilRoster Roster { get; } = new(
    [
        new Pupil("P001", "Josh", "Smith", true),
        new Pupil("P002", "Amelia", "Khan", true),
        new Pupil("P003", "Grace", "Walsh", true),
        new Pupil("P004", "Will", "Jones", false),
        new Pupil("P005", "Anne-Marie", "O'Neill", true),
        new Pupil("P006", "Oliwia", "Nowak", true),
    ]);

    public static IReadOnlyList<Finding> Findings(string text, string rule, PupilRoster? roster = null) =>
        Checker.Check(Draft.FromText(text), roster).Findings.Where(f => f.Rule == rule).ToList();

    public static IReadOnlyList<Finding> LanguageFindings(string text, PupilRoster? roster = null) =>
        Checker.Check(Draft.FromText(text), roster).Findings.Where(f => LanguageRules.Contains(f.Rule)).ToList();

    public static Draft WithImage(string text, string? altText = null) =>
        new(null, text, "head@school.example",
            [new DraftImage("choir.jpg", new byte[] { 0xFF, 0xD8, 0xFF }, altText ?? "Children singing on stage", ["P001"], false, true)]);

    /// <summary>The text a finding points at.</summary>
    public static string Marked(string text, Finding finding) => text.Substring(finding.Start!.Value, finding.Length!.Value);
}
