using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.CodeOfConduct.Rules;
using static SchoolTwitter.Core.Tests.Structure.StructureTestKit;

namespace SchoolTwitter.Core.Tests.Structure;

public sealed class CopyrightRuleTests
{
    private readonly CopyrightRule _rule = new();

    [Fact]
    public void Check_passes_pictures_owned_by_the_school() => Run(_rule, WithImages(Image(owned: true), Image(owned: true))).ShouldBeEmpty();

    [Fact]
    public void Check_blocks_each_picture_not_owned_by_the_school()
    {
        var findings = Run(_rule, WithImages(Image(owned: true), Image(fileName: "logo.png", owned: false)));
        var finding = findings.ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Block);
        finding.Rule.ShouldBe(RuleIds.Copyright);
        finding.Message.ShouldContain("Picture 2 (logo.png)");
        finding.Message.ShouldContain("owned by the school");
    }
}

public sealed class AltTextRuleTests
{
    private readonly AltTextRule _rule = new();

    [Fact]
    public void Check_passes_a_picture_with_alt_text() => Run(_rule, WithImages(Image(alt: "Pupils planting an oak tree"))).ShouldBeEmpty();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_warns_about_a_picture_without_alt_text(string? alt)
    {
        var finding = Run(_rule, WithImages(Image(alt: alt))).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Warn);
        finding.Message.ShouldContain("no alt text");
    }

    [Fact]
    public void Check_passes_alt_text_of_exactly_1000_characters() => Run(_rule, WithImages(Image(alt: new string('a', 1000)))).ShouldBeEmpty();

    [Fact]
    public void Check_blocks_alt_text_over_1000_characters()
    {
        var finding = Run(_rule, WithImages(Image(alt: new string('a', 1001)))).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Block);
        finding.Message.ShouldContain("1001 characters");
    }

    [Fact]
    public void Check_counts_emoji_in_alt_text_as_single_characters() =>
        Run(_rule, WithImages(Image(alt: string.Concat(Enumerable.Repeat("🌳", 1000))))).ShouldBeEmpty();
}
