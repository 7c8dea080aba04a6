using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.CodeOfConduct.Rules;
using SchoolTwitter.Core.Roster;
using static SchoolTwitter.Core.Tests.Structure.StructureTestKit;

namespace SchoolTwitter.Core.Tests.Structure;

public sealed class PhotoConsentRuleTests
{
    private readonly PhotoConsentRule _rule = new();

    [Fact]
    public void Check_passes_pupils_who_all_have_consent() =>
        Run(_rule, WithImages(Image(pupils: ["P001", "P003"], noPupils: false))).ShouldBeEmpty();

    [Fact]
    public void Check_passes_a_picture_declared_to_show_no_pupils() =>
        Run(_rule, WithImages(Image(noPupils: true))).ShouldBeEmpty();

    [Fact]
    public void Check_matches_roster_ids_case_insensitively_and_ignores_spaces() =>
        Run(_rule, WithImages(Image(pupils: [" p001 "], noPupils: false))).ShouldBeEmpty();

    [Fact]
    public void Check_blocks_a_pupil_without_photo_consent_and_names_the_id_not_the_name()
    {
        var finding = Run(_rule, WithImages(Image(pupils: ["P001", "P002"], noPupils: false))).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Block);
        finding.Rule.ShouldBe(RuleIds.PhotoConsent);
        finding.Message.ShouldContain("P002");
        finding.Message.ShouldContain("photo consent");
        finding.Message.ShouldNotContain("Noah");
        finding.Message.ShouldNotContain("Smith");
    }

    [Fact]
    public void Check_blocks_an_id_that_is_not_on_the_roster()
    {
        var finding = Run(_rule, WithImages(Image(pupils: ["P999"], noPupils: false))).ShouldHaveSingleItem();
        finding.Message.ShouldContain("P999");
        finding.Message.ShouldContain("not on the school roster");
    }

    [Fact]
    public void Check_blocks_declared_pupils_when_no_roster_was_supplied() =>
        Run(_rule, WithImages(Image(pupils: ["P001"], noPupils: false)), PupilRoster.Empty)
            .ShouldHaveSingleItem().Message.ShouldContain("no pupil roster was supplied");

    [Fact]
    public void Check_blocks_a_picture_with_no_declaration() =>
        Run(_rule, WithImages(Image(pupils: [], noPupils: false))).ShouldHaveSingleItem().Message.ShouldContain("does not say who is in it");

    [Fact]
    public void Check_blocks_a_picture_declared_both_empty_of_pupils_and_showing_pupils()
    {
        var finding = Run(_rule, WithImages(Image(pupils: ["P001"], noPupils: true))).ShouldHaveSingleItem();
        finding.Message.ShouldContain("both");
        finding.Message.ShouldContain("P001");
    }

    [Fact]
    public void Check_blocks_a_blank_pupil_id() =>
        Run(_rule, WithImages(Image(pupils: ["  "], noPupils: false))).ShouldHaveSingleItem().Message.ShouldContain("blank");

    [Fact]
    public void Check_reports_each_picture_by_position_and_file_name()
    {
        var findings = Run(_rule, WithImages(Image(fileName: "a.png"), Image(fileName: "b.png", pupils: ["P002"], noPupils: false)));
        findings.ShouldHaveSingleItem().Message.ShouldStartWith("Picture 2 (b.png)");
    }

    [Fact]
    public void Check_passes_a_draft_without_pictures() => Run(_rule, "Lovely assembly today.").ShouldBeEmpty();
}
