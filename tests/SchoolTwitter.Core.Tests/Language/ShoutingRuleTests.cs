using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Core.Tests.Language;

public sealed class ShoutingRuleTests
{
    [Theory]
    [InlineData("We had a HUGE turnout at the fair.", "HUGE", "huge")]
    [InlineData("WELL DONE EVERYONE on a great day.", "WELL DONE EVERYONE", "Well done everyone")]
    [InlineData("Please do NOT park on the zigzags.", "NOT", "not")]
    [InlineData("Forms are due TODAY.", "TODAY", "today")]
    public void Check_blocks_words_in_capitals(string text, string marked, string suggestion)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Shouting).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Block);
        LanguageChecks.Marked(text, finding).ShouldBe(marked);
        finding.Suggestion.ShouldBe(suggestion);
        finding.Message.ShouldContain("shouting");
    }

    [Theory]
    [InlineData("What a day!!!", "!!!", "!")]
    [InlineData("Who is coming???", "???", "?")]
    [InlineData("Really?!?!", "?!?!", "?")]
    [InlineData("Amazing!!!!!!", "!!!!!!", "!")]
    public void Check_blocks_runs_of_exclamation_and_question_marks(string text, string marked, string suggestion)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Shouting).ShouldHaveSingleItem();

        LanguageChecks.Marked(text, finding).ShouldBe(marked);
        finding.Suggestion.ShouldBe(suggestion);
    }

    [Theory]
    [InlineData("Year 6 SATs start on Monday.")]
    [InlineData("Our SATS results are in.")]
    [InlineData("PE is on Tuesday for KS1 and KS2.")]
    [InlineData("The PTA and SLT met with the SENCO about SEND provision.")]
    [InlineData("EYFS children visited the NHS walk-in centre.")]
    [InlineData("PSHE, RE, DT and ICT are taught every week in the UK.")]
    [InlineData("We watched a BBC programme with our local MP.")]
    [InlineData("I think A is the right answer.")]
    [InlineData("Henry VIII had six wives, and Year 5 know them all.")]
    [InlineData("Chapter IV is the best part.")]
    [InlineData("The TAs and PCSOs were brilliant.")]
    [InlineData("Our Y6 and U11 teams played well.")]
    [InlineData("What a day! Well done!")]
    [InlineData("Is it today? Yes!")]
    [InlineData("Well done!! See you next week.")]
    public void Check_allows_acronyms_numerals_and_ordinary_punctuation(string text)
    {
        LanguageChecks.Findings(text, RuleIds.Shouting).ShouldBeEmpty();
    }

    [Fact]
    public void Check_ignores_capitals_in_hashtags_and_links()
    {
        LanguageChecks.Findings("Great day. #SPORTSDAY https://school.example/NEWS", RuleIds.Shouting).ShouldBeEmpty();
    }
}
