using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.Tests.Language;

public sealed class LanguageBadInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("🎉🎉🎉")]
    [InlineData("\u200B\u200B\u200B")]
    [InlineData("#SportsDay #Proud")]
    [InlineData("https://school.example/news")]
    public void Check_reports_no_language_findings_for_text_without_words(string text)
    {
        LanguageChecks.LanguageFindings(text).ShouldBeEmpty();
    }

    [Fact]
    public void Check_copes_with_50000_characters_of_prose()
    {
        var text = string.Concat(Enumerable.Repeat("Our choir sang beautifully at the Town Hall. ", 1200))[..50_000];

        var findings = LanguageChecks.LanguageFindings(text);

        findings.Where(f => f.Rule != RuleIds.Grammar).ShouldBeEmpty();
    }

    [Fact]
    public void Check_copes_with_a_50000_character_word()
    {
        var text = new string('x', 49_999) + ".";

        var findings = LanguageChecks.LanguageFindings(text);

        findings.ShouldHaveSingleItem().Rule.ShouldBe(RuleIds.Spelling);
    }

    [Fact]
    public void Check_copes_with_50000_characters_of_mixed_disguises()
    {
        var text = string.Concat(Enumerable.Repeat("l\u200Bo\u200Bl s h i t gr8 HUGE!!! ", 2000))[..50_000];

        var findings = LanguageChecks.LanguageFindings(text);

        findings.ShouldContain(f => f.Rule == RuleIds.TextSpeak);
        findings.ShouldContain(f => f.Rule == RuleIds.Offensive);
        findings.ShouldContain(f => f.Rule == RuleIds.Shouting);
        findings.ShouldAllBe(f => f.Start == null || (f.Start >= 0 && f.Start + f.Length <= text.Length));
    }

    [Fact]
    public void Check_handles_lone_surrogates_and_control_characters()
    {
        var text = "Great day \uD83D at school\u0000 \uDE00 lol.";

        var findings = LanguageChecks.LanguageFindings(text);

        findings.ShouldContain(f => f.Rule == RuleIds.TextSpeak);
    }

    [Fact]
    public void Check_is_safe_to_share_across_threads()
    {
        var texts = new[] { "Sports day was gr8 lol.", "What a shit day.", "Well done Josh a better lesson today.", "Our choir sang beautifully." };
        var expected = texts.Select(t => LanguageChecks.LanguageFindings(t).Count).ToArray();

        var results = Enumerable.Range(0, 400).AsParallel().Select(i => (i, LanguageChecks.Checker.Check(Draft.FromText(texts[i % 4])).Findings
            .Count(f => LanguageChecks.LanguageRules.Contains(f.Rule)))).ToList();

        results.ShouldAllBe(r => r.Item2 == expected[r.i % 4]);
    }
}
