using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Core.Tests.Language;

public sealed class GrammarRuleTests
{
    [Theory]
    [InlineData("what a lovely day.", "what", "What")]
    [InlineData("The fair was great. we raised £500.", "we", "We")]
    [InlineData("Well done! everyone tried hard.", "everyone", "Everyone")]
    [InlineData("Great match today? yes it was.", "yes", "Yes")]
    public void Check_blocks_a_sentence_without_a_capital(string text, string marked, string suggestion)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Grammar).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Block);
        LanguageChecks.Marked(text, finding).ShouldBe(marked);
        finding.Suggestion.ShouldBe(suggestion);
    }

    [Theory]
    [InlineData("We had a lovely day", "day")]
    [InlineData("We had a lovely day #SportsDay #Proud", "day")]
    [InlineData("We had a lovely day https://school.example/photos", "day")]
    [InlineData("We had a lovely day 🎉☀️", "day")]
    [InlineData("Thank you for visiting @LocalFireService", "@LocalFireService")]
    [InlineData("Thank you for visiting @LocalFireService #Safety", "@LocalFireService")]
    public void Check_blocks_text_without_terminal_punctuation(string text, string marked)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Grammar).ShouldHaveSingleItem();

        LanguageChecks.Marked(text, finding).ShouldBe(marked);
        finding.Suggestion.ShouldBe(marked + ".");
        finding.Message.ShouldContain("full stop");
    }

    [Theory]
    [InlineData("We had a lovely day. #SportsDay #Proud")]
    [InlineData("We had a lovely day! 🎉")]
    [InlineData("Photos from today: https://school.example/photos")]
    [InlineData("Well done to everyone who ran today, or see stmarys.sch.uk/news 🏅 #PE")]
    [InlineData("More photos of the choir are at https://stmarys.sch.uk/news")]
    [InlineData("Did you enjoy the concert?")]
    [InlineData("Thank you for visiting. @LocalFireService")]
    [InlineData("Thank you for visiting! @LocalFireService @Council #Safety")]
    [InlineData("She said, “What a day.”")]
    [InlineData("Our thanks go to the PTA (again).")]
    [InlineData("We will be there from 9 a.m. on Monday.")]
    [InlineData("Mr. Khan and Dr. Patel judged the bake-off.")]
    [InlineData("We enjoyed fruit, e.g. apples and pears.")]
    [InlineData("@LocalLibrary thank you for the visit.")]
    [InlineData("#SportsDay was a huge success.")]
    [InlineData("iPads were used in the lesson.")]
    [InlineData("The class had had enough of the rain.")]
    [InlineData("We know that that was a tough match.")]
    [InlineData("Knock knock jokes were told at the talent show.")]
    [InlineData("Hip hip hooray for Year 6!")]
    [InlineData("We could offer tea, and should of course bring cake.")]
    [InlineData("The school and its lovely garden are open to visitors.")]
    [InlineData("We saw a unicorn, an owl and a one-eyed monster.")]
    [InlineData("It was an honour to host a European visitor for an hour.")]
    [InlineData("Choose a or b on the sheet.")]
    [InlineData("Pupils in Year 6 got a A* grade.")]
    [InlineData("The letter i is tall and thin.")]
    [InlineData("Dates for your diary:\nMon 3rd June – INSET day\nTues 4th June – children return")]
    [InlineData("This week we have:\n- football\n- choir")]
    public void Check_passes_correct_grammar(string text)
    {
        var findings = LanguageChecks.Findings(text, RuleIds.Grammar);
        findings.ShouldBeEmpty(string.Join(" | ", findings.Select(f => f.Message)));
    }

    [Theory]
    [InlineData("Today i went to the fair.", "i", "I")]
    [InlineData("Today i'm proud of everyone.", "i'm", "I'm")]
    [InlineData("We could of won the match.", "could of", "could have")]
    [InlineData("You should of seen the costumes.", "should of", "should have")]
    [InlineData("It would of been lovely.", "would of", "would have")]
    [InlineData("We had alot of fun.", "alot", "a lot")]
    [InlineData("A big thankyou to the PTA.", "thankyou", "thank you")]
    [InlineData("We dont have school on Friday.", "dont", "don't")]
    [InlineData("The fair is on the the field.", "the the", "the")]
    [InlineData("Their is a fair on Saturday.", "Their is", "There is")]
    [InlineData("Thanks for coming, your welcome any time.", "your welcome", "you're welcome")]
    [InlineData("Its a lovely day for it.", "Its a", "It's a")]
    [InlineData("We planted a apple tree.", "a apple", "an apple")]
    [InlineData("We ate an banana.", "an banana", "a banana")]
    [InlineData("The childrens work is on display.", "childrens", "children's")]
    public void Check_blocks_reliable_grammar_errors(string text, string marked, string suggestion)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Grammar).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Block);
        LanguageChecks.Marked(text, finding).ShouldBe(marked);
        finding.Suggestion.ShouldBe(suggestion);
    }

    [Theory]
    [InlineData("They was brilliant at the concert.", "They was", "They were")]
    [InlineData("She don't like the rain.", "She don't", "She doesn't")]
    [InlineData("The children was so excited.", "children was", "children were")]
    [InlineData("We done it together.", "done", "did")]
    [InlineData("The class done well today.", "done", "did")]
    [InlineData("We been to the zoo.", "been", "have been")]
    [InlineData("We should have went earlier.", "went", "gone")]
    [InlineData("They could've wrote a longer story.", "wrote", "written")]
    [InlineData("Me and him went to the park.", "Me and him", "He and I")]
    [InlineData("Me and my friends played football.", "Me and my friends", "My friends and I")]
    [InlineData("Josh and me went to the library.", "me", "I")]
    [InlineData("Thank you to the families for there support.", "there", "their")]
    [InlineData("Their going to the museum tomorrow.", "Their going", "They're going")]
    [InlineData("Thank you for you're support.", "you're", "your")]
    [InlineData("The school has it's own garden.", "it's own", "its own")]
    [InlineData("The mens race was won by Mr Khan.", "mens", "men's")]
    public void Check_blocks_non_standard_forms_with_the_standard_one(string text, string marked, string suggestion)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Grammar).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Block);
        LanguageChecks.Marked(text, finding).ShouldBe(marked);
        finding.Suggestion.ShouldBe(suggestion);
    }

    [Fact]
    public void A_school_extends_a_grammar_word_set_and_a_missing_set_fails_at_start_up()
    {
        var school = Directory.CreateTempSubdirectory();
        try
        {
            // "doubles" lists doubled words that are fine; a school adds its own chant.
            File.WriteAllText(Path.Combine(school.FullName, "grammar-words.txt"), "doubles: zumba\n");
            var checker = CodeOfConductFactory.Create(Lexicons.LexiconSet.Load(school.FullName));
            checker.Check(Drafts.Draft.FromText("We shouted zumba zumba at the fair.")).Findings.ShouldNotContain(f => f.Rule == RuleIds.Grammar);

            var sets = new Lexicons.WordSets(Lexicons.LexiconSet.Load(school.FullName), Lexicons.LexiconSet.GrammarWordsList);
            Should.Throw<InvalidOperationException>(() => sets["no-such-set"]).Message.ShouldContain("grammar-words.txt");
        }
        finally
        {
            school.Delete(recursive: true);
        }
    }
}
