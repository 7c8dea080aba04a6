using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.Tests.Language;

public sealed class PupilNameRuleTests
{
    private static IReadOnlyList<Finding> PupilNameFindings(Draft draft) =>
        LanguageChecks.Checker.Check(draft, LanguageChecks.Roster).Findings.Where(f => f.Rule == RuleIds.PupilName).ToList();

    [Theory]
    [InlineData("Amelia sang a solo at the concert.", "Amelia")]
    [InlineData("Our choir, with Josh Smith on drums.", "Josh Smith")]
    [InlineData("A lovely picture by Oliwia.", "Oliwia")]
    [InlineData("Anne-Marie read her poem.", "Anne-Marie")]
    [InlineData("Grace read her poem to the class.", "Grace")]
    [InlineData("Grace Walsh read her poem.", "Grace Walsh")]
    [InlineData("Amelia's painting won a prize.", "Amelia's")]
    [InlineData("Our choir with amelia on the piano.", "amelia")]
    [InlineData("Lovely singing from Khan at the concert.", "Khan")]
    [InlineData("Our choir, with nowak on drums.", "nowak")]
    public void Check_blocks_a_pupil_name_in_a_draft_with_images(string text, string name)
    {
        var finding = PupilNameFindings(LanguageChecks.WithImage(text)).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Block);
        LanguageChecks.Marked(text, finding).ShouldBe(name);
        finding.Message.ShouldContain("pictures");
    }

    [Fact]
    public void Check_blocks_a_pupil_name_in_alt_text()
    {
        var draft = LanguageChecks.WithImage("Our choir sang at St Helens Town Hall.", "Amelia and friends singing on stage");

        var finding = PupilNameFindings(draft).ShouldHaveSingleItem();

        finding.Message.ShouldContain("alt text of image 1 (choir.jpg)");
        finding.Message.ShouldContain("“Amelia”");
        finding.Start.ShouldBeNull();
    }

    [Theory]
    [InlineData("Our choir sang at St Helens Town Hall.")]
    [InlineData("Thank you to Miss Grace for the photos.")]
    [InlineData("The Summer Fair raised £2,000.")]
    [InlineData("See you after May half term.")]
    [InlineData("Will you join us on Friday?")]
    [InlineData("We showed grace and kindness.")]
    [InlineData("Hope everyone enjoyed the concert.")]
    [InlineData("It will be a wonderful evening.")]
    [InlineData("Mrs Smith led the choir.")]
    [InlineData("Our Eco Council picked litter in Amelia Park.")]
    [InlineData("We learned about Amelia Earhart in history.")]
    [InlineData("Mr Khan and Mrs Nowak led the choir.")]
    [InlineData("Our trip to Chester Zoo with Willow Class.")]
    public void Check_passes_drafts_with_images_and_no_pupil_names(string text)
    {
        var findings = PupilNameFindings(LanguageChecks.WithImage(text));
        findings.ShouldBeEmpty(string.Join(" | ", findings.Select(f => f.Message)));
    }

    [Fact]
    public void Check_allows_a_pupil_name_in_a_draft_without_images()
    {
        var findings = LanguageChecks.Checker.Check(Draft.FromText("Amelia read a poem at the concert."), LanguageChecks.Roster)
            .Findings.Where(f => f.Rule == RuleIds.PupilName);

        findings.ShouldBeEmpty();
    }
}
