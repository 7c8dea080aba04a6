using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.CodeOfConduct.Rules;
using static SchoolTwitter.Core.Tests.Structure.StructureTestKit;

namespace SchoolTwitter.Core.Tests.Structure;

public sealed class HashtagPositionRuleTests
{
    private readonly HashtagPositionRule _rule = new();

    [Theory]
    [InlineData("Well done to everyone who ran today. #SportsDay #Year6")]
    [InlineData("Well done to everyone who ran today #SportsDay")]
    [InlineData("Well done to everyone who ran today. #SportsDay!")]
    [InlineData("Well done to everyone who ran today. #SportsDay 🏃‍♀️🏅")]
    [InlineData("Photos on our website. #SportsDay https://stmarys.sch.uk/photos")]
    [InlineData("Thank you for coming. #SummerFair @StHelensCouncil")]
    [InlineData("#SportsDay #Year6")]
    [InlineData("Details of our summer fair are on the website, including the price of a raffle ticket (£1).")]
    [InlineData("")]
    public void Check_passes_hashtags_only_at_the_end(string text) => Run(_rule, text).ShouldBeEmpty();

    [Fact]
    public void Check_blocks_a_hashtag_at_the_start()
    {
        const string text = "#SportsDay was brilliant, well done everyone.";
        var finding = Run(_rule, text).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Block);
        finding.Rule.ShouldBe(RuleIds.HashtagPosition);
        finding.Quoted(text).ShouldBe("#SportsDay");
        finding.Suggestion.ShouldBe("Sports Day");
        finding.Message.ShouldContain("“#SportsDay”");
    }

    [Fact]
    public void Check_blocks_each_hashtag_in_the_middle_but_not_the_trailing_ones()
    {
        const string text = "Join us at the #SummerFair on Friday for #Fun and games. #PTA #Community";
        var findings = Run(_rule, text);
        findings.Select(f => f.Quoted(text)).ShouldBe(["#SummerFair", "#Fun"]);
    }

    [Theory]
    [InlineData("SportsDay", "Sports Day")]
    [InlineData("Year6", "Year 6")]
    [InlineData("sports_day", "sports day")]
    [InlineData("PTAQuiz", "PTA Quiz")]
    [InlineData("KS2", "KS2")]
    [InlineData("Year6Trip", "Year 6 Trip")]
    [InlineData("6thForm", "6th Form")]
    [InlineData("music", "music")]
    public void Suggestion_writes_the_hashtag_as_plain_words(string tag, string words) =>
        HashtagPositionRule.PlainWords(tag).ShouldBe(words);

    [Fact]
    public void Check_ignores_hashtag_like_text_inside_links() =>
        Run(_rule, "See https://stmarys.sch.uk/news#sports for the results.").ShouldBeEmpty();

    [Fact]
    public void Check_blocks_a_middle_hashtag_written_with_a_full_width_hash()
    {
        const string text = "Our ＃Choir sang beautifully today.";
        Run(_rule, text).ShouldHaveSingleItem().Quoted(text).ShouldBe("＃Choir");
    }
}
