using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.CodeOfConduct.Rules;
using static SchoolTwitter.Core.Tests.Structure.StructureTestKit;

namespace SchoolTwitter.Core.Tests.Structure;

public sealed class LengthRuleTests
{
    private readonly LengthRule _rule = new();

    [Fact]
    public void Check_passes_exactly_280_characters() => Run(_rule, new string('a', 279) + ".").ShouldBeEmpty();

    [Fact]
    public void Check_blocks_281_characters_and_points_at_the_overflow()
    {
        var text = new string('a', 280) + "b";
        var finding = Run(_rule, text).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Block);
        finding.Rule.ShouldBe(RuleIds.Length);
        finding.Message.ShouldContain("281 characters");
        finding.Message.ShouldContain("at least 1 characters");
        finding.Quoted(text).ShouldBe("b");
    }

    [Fact]
    public void Check_counts_a_long_link_as_23_characters()
    {
        var text = new string('a', 250) + " https://www.stmarys-primary.example.org.uk/news/2025/sports-day-results-and-photos";
        Run(_rule, text).ShouldBeEmpty(); // 250 + 1 + 23 = 274
    }

    [Fact]
    public void Check_counts_emoji_and_other_scripts_as_two()
    {
        Run(_rule, string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 140))).ShouldBeEmpty();
        Run(_rule, string.Concat(Enumerable.Repeat("👍", 141))).ShouldHaveSingleItem().Message.ShouldContain("282");
    }

    [Fact]
    public void Check_points_at_the_overflow_even_after_an_invalid_character()
    {
        var text = "\uFFFF" + new string('a', 278) + "bc"; // U+FFFF weighs 2
        Run(_rule, text).ShouldHaveSingleItem().Quoted(text).ShouldBe("bc");
    }

    [Fact]
    public void Check_passes_empty_text() => Run(_rule, "").ShouldBeEmpty();

    [Fact]
    public void Check_blocks_50000_characters_without_throwing()
    {
        var text = string.Concat(Enumerable.Repeat("Lovely day at school. ", 2300))[..50_000];
        var finding = Run(_rule, text).ShouldHaveSingleItem();
        finding.Message.ShouldContain("50000 characters");
        finding.Start.ShouldBe(280);
    }
}
