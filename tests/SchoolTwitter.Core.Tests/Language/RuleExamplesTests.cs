using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Lexicons;

namespace SchoolTwitter.Core.Tests.Language;

/// <summary>
/// Every rule's examples, kept beside its data (Lexicons/Data/examples/&lt;rule-id&gt;.txt and the catch:/pass: fields of each
/// offensive.txt and insults.txt entry), and a school's own (its extension directory's examples/ and term lists), in one theory.
/// </summary>
public sealed class RuleExamplesTests
{
    private const string BuiltIn = "built-in";
    private static readonly string SchoolDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "school-lexicons");
    private static readonly Lazy<CodeOfConductChecker> SchoolChecker = new(() => CodeOfConductFactory.CreateDefault(SchoolDirectory));

    public static TheoryData<string, string, bool, string, string?, string> Examples()
    {
        var data = new TheoryData<string, string, bool, string, string?, string>();
        foreach (var e in RuleExamples.BuiltIn()) data.Add(BuiltIn, e.Rule, e.MustCatch, e.Text, e.Suggestion, e.Source);
        foreach (var e in RuleExamples.School(SchoolDirectory)) data.Add("school", e.Rule, e.MustCatch, e.Text, e.Suggestion, e.Source);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Rule_example_holds(string lexicons, string rule, bool mustCatch, string text, string? suggestion, string source)
    {
        var checker = lexicons == BuiltIn ? LanguageChecks.Checker : SchoolChecker.Value;
        checker.Rules.Select(r => r.Id).ShouldContain(rule, $"{source} names no rule of the checker");

        var findings = checker.Check(Draft.FromText(text)).Findings.Where(f => f.Rule == rule).ToList();

        if (!mustCatch)
        {
            findings.ShouldBeEmpty($"{source}: {rule} must let “{text}” through");
            return;
        }
        findings.ShouldNotBeEmpty($"{source}: {rule} must report “{text}”");
        if (suggestion is not null)
        {
            findings.ShouldContain(f => f.Message.Contains(suggestion, StringComparison.Ordinal) || (f.Suggestion ?? "").Contains(suggestion, StringComparison.Ordinal),
                $"{source}: a finding should suggest “{suggestion}”");
        }
    }
}
