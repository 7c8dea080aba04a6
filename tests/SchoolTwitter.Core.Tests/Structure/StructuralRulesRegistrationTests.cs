using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Lexicons;
using static SchoolTwitter.Core.Tests.Structure.StructureTestKit;

namespace SchoolTwitter.Core.Tests.Structure;

public sealed class StructuralRulesRegistrationTests
{
    private static readonly CodeOfConductChecker Checker = CodeOfConductFactory.Create(LexiconSet.Load());

    [Fact]
    public void Factory_registers_every_structural_rule_once()
    {
        var ids = Checker.Rules.Select(r => r.Id).ToList();
        foreach (var id in new[] { RuleIds.Length, RuleIds.HashtagPosition, RuleIds.PersonalData, RuleIds.Media, RuleIds.PhotoConsent,
                     RuleIds.Copyright, RuleIds.AltText, RuleIds.Reply })
        {
            ids.Count(x => x == id).ShouldBe(1, id);
        }
    }

    [Fact]
    public void Checker_blocks_a_draft_breaking_structural_rules_and_reports_the_weighted_length()
    {
        var draft = new Draft("d7", "#SportsDay photos! Call 07700 900123.", "head@school.example",
            [Image(fileName: "race.jpg", pupils: ["P002"], noPupils: false, owned: false, alt: null)]);
        var verdict = Checker.Check(draft, StructureTestKit.Roster);
        verdict.Outcome.ShouldBe(VerdictOutcome.Blocked);
        verdict.Id.ShouldBe("d7");
        verdict.WeightedLength.ShouldBe(37);
        var rules = verdict.Findings.Select(f => f.Rule).ToHashSet();
        rules.ShouldContain(RuleIds.HashtagPosition);
        rules.ShouldContain(RuleIds.PersonalData);
        rules.ShouldContain(RuleIds.PhotoConsent);
        rules.ShouldContain(RuleIds.Copyright);
        rules.ShouldContain(RuleIds.AltText);
    }

    [Fact]
    public void Checker_finds_nothing_structural_in_a_clean_draft_with_a_consented_picture()
    {
        var draft = new Draft("d8", "Our choir sang at the Town Hall this evening. #Music", null,
            [Image(TestImages.Jpeg(1200, 800), "choir.jpg", "The school choir on stage", ["P001", "P003"], false, true)]);
        var structural = new[] { RuleIds.Length, RuleIds.HashtagPosition, RuleIds.PersonalData, RuleIds.Media, RuleIds.PhotoConsent,
            RuleIds.Copyright, RuleIds.AltText, RuleIds.Reply };
        Checker.Check(draft, StructureTestKit.Roster).Findings.Where(f => structural.Contains(f.Rule)).ShouldBeEmpty();
    }
}
