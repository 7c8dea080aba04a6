using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.CodeOfConduct.Rules;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.Tests.Language;

/// <summary>Shouting, spelling and grammar skip spans earlier rules reported, so the factory's order decides which rule speaks for a word.</summary>
public sealed class RuleOrderTests
{
    [Fact]
    public void Rules_that_skip_reported_spans_run_after_the_rules_that_report_them()
    {
        var ids = LanguageChecks.Checker.Rules.Select(r => r.Id).ToList();

        foreach (var reader in new[] { RuleIds.Shouting, RuleIds.Spelling, RuleIds.Grammar })
        {
            ids.IndexOf(reader).ShouldBeGreaterThan(ids.IndexOf(RuleIds.Offensive), reader);
            ids.IndexOf(reader).ShouldBeGreaterThan(ids.IndexOf(RuleIds.TextSpeak), reader);
        }
    }

    [Theory]
    [InlineData("What a shiiit afternoon.", RuleIds.Spelling)]
    [InlineData("WTF happened at pick-up?", RuleIds.Shouting)]
    public void One_word_gets_one_finding_in_the_factory_order_and_two_in_the_reverse(string text, string reader)
    {
        var draft = Draft.FromText(text);
        var later = LanguageChecks.Checker.Rules.Single(r => r.Id == reader);
        var reversed = new CodeOfConductChecker([later, new OffensiveRule(LanguageChecks.Lexicons)]);

        LanguageChecks.Checker.Check(draft).Findings.Select(f => f.Rule).ShouldBe([RuleIds.Offensive]);
        reversed.Check(draft).Findings.Select(f => f.Rule).OrderBy(r => r).ShouldBe(new[] { RuleIds.Offensive, reader }.OrderBy(r => r));
    }
}
