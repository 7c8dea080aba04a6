using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Core.Tests.Language;

public sealed class TargetedRuleTests
{
    [Theory]
    [InlineData("Well done Josh a better lesson today.", "Josh")]
    [InlineData("Congratulations to Amelia on her certificate.", "Amelia")]
    [InlineData("Josh was naughty in assembly.", "Josh")]
    [InlineData("Well done to our amazing Oliver for his reading.", "Oliver")]
    [InlineData("Great effort today, Isla!", "Isla")]
    [InlineData("Star of the week is Muhammad.", "Muhammad")]
    [InlineData("Oliver has been a superstar this week.", "Oliver")]
    [InlineData("Shout out to Freya for her kindness.", "Freya")]
    [InlineData("well done amelia.", "amelia")]
    [InlineData("Well done josh a better lesson today.", "josh")]
    [InlineData("Leo needs to improve his behaviour.", "Leo")]
    [InlineData("Well done to Year 6, especially Noah.", "Noah")]
    [InlineData("Player of the match was Freddie.", "Freddie")]
    public void Check_blocks_a_pupil_singled_out_for_praise_or_blame(string text, string name)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Targeted).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Block);
        LanguageChecks.Marked(text, finding).ShouldBe(name);
        finding.Message.ShouldContain($"“{name}”");
    }

    [Fact]
    public void Check_blocks_each_pupil_in_a_list_of_names()
    {
        const string text = "Jayden and Kai were brilliant on the pitch.";

        var findings = LanguageChecks.Findings(text, RuleIds.Targeted);

        findings.Select(f => LanguageChecks.Marked(text, f)).ShouldBe(["Jayden", "Kai"]);
    }

    [Theory]
    [InlineData("Well done Grace!", "Grace")]
    [InlineData("Grace was amazing in the play.", "Grace")]
    [InlineData("Will was a star at sports day.", "Will")]
    [InlineData("Thank you Josh for helping in the library.", "Josh")]
    public void Check_blocks_roster_pupils_whose_names_are_everyday_words(string text, string name)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Targeted, LanguageChecks.Roster).ShouldHaveSingleItem();

        LanguageChecks.Marked(text, finding).ShouldBe(name);
    }

    [Theory]
    [InlineData("Well done Josh Smith on your award.", "Josh Smith")]
    public void Check_marks_the_full_name_of_a_roster_pupil(string text, string name)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Targeted, LanguageChecks.Roster).ShouldHaveSingleItem();

        LanguageChecks.Marked(text, finding).ShouldBe(name);
    }

    [Theory]
    [InlineData("Well done Mrs Walsh for organising the trip.")]
    [InlineData("Congratulations to Councillor Jones on her election.")]
    [InlineData("Thank you Mr Khan, Dr Patel and Rev Smith.")]
    [InlineData("Miss Rose was amazing at the concert.")]
    [InlineData("The PTA Summer Fair was brilliant.")]
    [InlineData("May half term starts on Friday.")]
    [InlineData("Will you join us for the Summer Fair?")]
    [InlineData("Grace and hope are our values.")]
    [InlineData("Hope you all have a lovely break.")]
    [InlineData("Our pantomime was Dick Whittington, and it was brilliant.")]
    [InlineData("Year 6 loved learning about Florence Nightingale.")]
    [InlineData("Well done to everyone in Rowan class.")]
    [InlineData("Congratulations to Willow class on their attendance.")]
    [InlineData("Well done Year 6 on a brilliant performance.")]
    [InlineData("Congratulations to our netball team.")]
    [InlineData("Amazing Grace was sung beautifully by the choir.")]
    [InlineData("Congratulations to Grace Academy on their new building.")]
    [InlineData("Our trip to Chester was amazing.")]
    [InlineData("The concert is on 12th May at 6pm.")]
    [InlineData("Thank you to Sarah and the PTA for the cakes.")]
    [InlineData("Josh Smith MP visited the school today.")]
    [InlineData("Well done everyone, and well done all.")]
    [InlineData("Congratulations to will power and hard work.")]
    public void Check_passes_adults_places_events_and_everyday_words(string text)
    {
        var findings = LanguageChecks.Findings(text, RuleIds.Targeted);
        findings.ShouldBeEmpty(string.Join(" | ", findings.Select(f => f.Message)));
    }
}
