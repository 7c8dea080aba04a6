using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Core.Tests.Language;

public sealed class TextSpeakRuleTests
{
    [Theory]
    [InlineData("Sports day was gr8 fun for everyone.", "gr8", "great")]
    [InlineData("See you all l8r at the fair.", "l8r", "later")]
    [InlineData("Thank u to all our parents.", "u", "you")]
    [InlineData("Don't forget ur PE kit tomorrow.", "ur", "your (or you're)")]
    [InlineData("Harvest Festival is 2day at 2pm.", "2day", "today")]
    [InlineData("Please arrive b4 9am.", "b4", "before")]
    [InlineData("Thx to everyone who came.", "Thx", "thanks")]
    [InlineData("Pls return your forms by Friday.", "Pls", "please")]
    [InlineData("Plz bring a coat.", "Plz", "please")]
    [InlineData("Btw the fair starts at noon.", "Btw", "by the way")]
    [InlineData("The kids were amazing tbh.", "tbh", "to be honest")]
    [InlineData("See you all 2moro for the trip.", "2moro", "tomorrow")]
    [InlineData("Can ne1 help at the fair?", "ne1", "anyone")]
    [InlineData("We luv our school garden.", "luv", "love")]
    [InlineData("Closed today cos of the snow.", "cos", "because")]
    [InlineData("Well done m8s on a great match.", "m8s", "mates")]
    [InlineData("Please w8 at the gate.", "w8", "wait")]
    [InlineData("We are so gr8ful for your help.", "gr8ful", "grateful")]
    [InlineData("Thanks 4 coming to the fair.", "4", "for")]
    [InlineData("We hope 2 see you there.", "2", "to")]
    public void Check_blocks_text_speak_with_a_suggestion(string text, string word, string suggestion)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.TextSpeak).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Block);
        LanguageChecks.Marked(text, finding).ShouldBe(word);
        finding.Suggestion.ShouldBe(suggestion);
        finding.Message.ShouldContain($"“{word}”");
        finding.Message.ShouldContain($"“{suggestion}”");
    }

    [Theory]
    [InlineData("That was funny lol.")]
    [InlineData("That was funny LOL.")]
    [InlineData("That was funny Lol.")]
    [InlineData("OMG what a day.")]
    [InlineData("idk who won the raffle.")]
    [InlineData("Brb with more photos.")]
    [InlineData("Thank U to all our volunteers.")]
    [InlineData("Love from all of us xoxo.")]
    public void Check_blocks_text_speak_in_any_case(string text)
    {
        LanguageChecks.Findings(text, RuleIds.TextSpeak).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Block);
    }

    [Theory]
    [InlineData("That was funny l\u043El.", "Cyrillic o")]
    [InlineData("That was funny \u13DEol.", "unrelated script")]
    [InlineData("That was funny l\u200Bo\u200Bl.", "zero-width spaces")]
    [InlineData("That was funny l\u00ADol.", "soft hyphen")]
    [InlineData("That was funny l.o.l.", "dots")]
    [InlineData("That was funny L.O.L.", "capital dots")]
    [InlineData("That was funny l o l.", "spaces")]
    [InlineData("That was funny l-o-l.", "hyphens")]
    [InlineData("That was funny \uFF4C\uFF4F\uFF4C.", "full-width letters")]
    [InlineData("That was funny \u24DB\u24DE\u24DB.", "circled letters")]
    [InlineData("That was funny \U0001D425\U0001D428\U0001D425.", "mathematical bold")]
    [InlineData("That was funny lо\u200Dl.", "mixed tricks")]
    [InlineData("See you g r 8.", "spaced letters and digit")]
    [InlineData("It was gr 8.", "split in two")]
    [InlineData("O.M.G. what a day.", "dotted capitals")]
    [InlineData("That was funny l0l.", "zero for o")]
    [InlineData("That was funny loooool.", "stretched")]
    [InlineData("Plzzz bring a coat.", "stretched ending")]
    [InlineData("Thanks to everyone b.t.w.", "dotted")]
    public void Check_blocks_text_speak_hidden_by_disguises(string text, string disguise)
    {
        var findings = LanguageChecks.Findings(text, RuleIds.TextSpeak);

        if (disguise == "unrelated script")
        {
            // A Cherokee letter that merely resembles L is not folded: the rule must not guess beyond known look-alikes.
            findings.ShouldBeEmpty();
            return;
        }
        findings.ShouldNotBeEmpty(disguise);
        findings[0].Severity.ShouldBe(Severity.Block);
    }

    [Fact]
    public void Check_blocks_text_speak_hidden_by_zero_width_space()
    {
        var text = "Great match to\u200Bday, well done u\u200Br team.";

        var finding = LanguageChecks.Findings(text, RuleIds.TextSpeak).ShouldHaveSingleItem();

        LanguageChecks.Marked(text, finding).ShouldBe("u\u200Br");
        finding.Message.ShouldContain("“ur”");
        finding.Message.ShouldContain("disguised");
    }

    [Theory]
    [InlineData("This week in phonics we learned the sound u.")]
    [InlineData("Choose answer a, b or c on the sheet.")]
    [InlineData("Plan B is to hold it in the hall.")]
    [InlineData("Vitamin C helps us stay healthy.")]
    [InlineData("Year 2 learnt about the ancient city of Ur today.")]
    [InlineData("Our U11 team won the cup.")]
    [InlineData("KS2 results are in, and Year 6 were brilliant.")]
    [InlineData("Children in Y4 visited the library.")]
    [InlineData("We finished 2nd in the 4x100m relay.")]
    [InlineData("The 10am assembly is moved to 11am.")]
    [InlineData("Our school is no. 1 in the borough for attendance.")]
    [InlineData("The U-turn on the coach trip made us late.")]
    [InlineData("Lots of pupils took part.")]
    [InlineData("We love a lot of things about our school.")]
    [InlineData("Lo and behold, the sun came out.")]
    [InlineData("The children loll about on the grass.")]
    [InlineData("Our 100m relay team won.")]
    [InlineData("Year R and Year 1 sang together.")]
    [InlineData("The Romans invaded Britain in 55 BC.")]
    [InlineData("The cows were chewing the cud.")]
    [InlineData("Our U-turn on the coach was tricky.")]
    [InlineData("Anna and Hannah sang.")]
    [InlineData("The COVID-19 rules have ended.")]
    [InlineData("Children made 3D shapes in maths.")]
    [InlineData("Year 4 visited the museum.")]
    [InlineData("We had 4 teams in the final.")]
    [InlineData("The score was 2 all at half time.")]
    [InlineData("w/c 12th May is SATs week.")]
    public void Check_ignores_near_misses_of_text_speak(string text)
    {
        LanguageChecks.Findings(text, RuleIds.TextSpeak).ShouldBeEmpty();
    }

    [Fact]
    public void Check_reports_text_speak_span_in_the_original_text()
    {
        var text = "Our choir was gr8 and the crowd loved it.";

        var finding = LanguageChecks.Findings(text, RuleIds.TextSpeak).ShouldHaveSingleItem();

        finding.Start.ShouldBe(14);
        finding.Length.ShouldBe(3);
        finding.Message.ShouldBe("“gr8” is text language; write “great”.");
    }
}
