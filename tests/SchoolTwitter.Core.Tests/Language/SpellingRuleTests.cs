using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Core.Tests.Language;

public sealed class SpellingRuleTests
{
    [Theory]
    [InlineData("We will recieve the results soon.", "recieve", "receive")]
    [InlineData("It was definately the best day.", "definately", "definitely")]
    [InlineData("The children were very excitted.", "excitted", "excited")]
    [InlineData("See you tommorow.", "tommorow", "tomorrow")]
    [InlineData("Our libary is open.", "libary", "library")]
    [InlineData("We went to the musuem.", "musuem", "museum")]
    [InlineData("The concert is on Wedensday.", "Wedensday", "Wednesday")]
    [InlineData("Becuase of the snow, school is closed.", "Becuase", "Because")]
    public void Check_warns_about_misspellings_with_a_suggestion(string text, string word, string suggestion)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Spelling).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Warn);
        LanguageChecks.Marked(text, finding).ShouldBe(word);
        finding.Suggestion.ShouldBe(suggestion);
    }

    [Theory]
    [InlineData("What a colorful display.", "colorful", "colourful")]
    [InlineData("Our favorite day of the year.", "favorite", "favourite")]
    [InlineData("We met at the sports center.", "center", "centre")]
    [InlineData("The PTA will organize the disco.", "organize", "organise")]
    [InlineData("Thanks for organizing the disco.", "organizing", "organising")]
    [InlineData("The children analyzed the data.", "analyzed", "analysed")]
    [InlineData("We traveled to Liverpool by train.", "traveled", "travelled")]
    [InlineData("Our neighbors came to help.", "neighbors", "neighbours")]
    [InlineData("Our summer reading program starts soon.", "program", "programme")]
    [InlineData("A trip to the theater.", "theater", "theatre")]
    [InlineData("Gray skies did not stop us.", "Gray", "Grey")]
    [InlineData("We practised our math every day.", "math", "maths")]
    [InlineData("The nurse talked about anemia.", "anemia", "anaemia")]
    [InlineData("We read about the esophagus in science.", "esophagus", "oesophagus")]
    [InlineData("Some people were skeptical at first.", "skeptical", "sceptical")]
    [InlineData("There was no pretense about it.", "pretense", "pretence")]
    [InlineData("We found mold on the bread.", "mold", "mould")]
    [InlineData("Order from the catalog today.", "catalog", "catalogue")]
    [InlineData("What a marvelous show.", "marvelous", "marvellous")]
    [InlineData("The first installment is due.", "installment", "instalment")]
    [InlineData("The centerpiece was a cake.", "centerpiece", "centrepiece")]
    public void Check_suggests_the_British_form_of_American_spellings(string text, string word, string suggestion)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Spelling).ShouldHaveSingleItem();

        LanguageChecks.Marked(text, finding).ShouldBe(word);
        finding.Suggestion.ShouldBe(suggestion);
        finding.Message.ShouldContain("American");
    }

    [Theory]
    [InlineData("Year 5 wrote a computer program to move the robot.")]
    [InlineData("Our coding club learnt to program the Bee-Bots.")]
    [InlineData("Kayleigh-Ann's grandad visited Rainford and Billinge today.")]
    [InlineData("Visit https://school.example/newsletters for details.")]
    [InlineData("Thanks @StHelensCouncil for the visit. #ReadingWeek")]
    [InlineData("We raised £1,250 on 12th March at 3pm.")]
    [InlineData("Aoife, Oisin and Tadhg joined our Irish dancing club.")]
    [InlineData("Zuzanna and Szymon from Year 3 read to the class.")]
    [InlineData("Mrs Hennessey-Bolton and Mr Okonkwo led the trip to Knowsley Safari Park.")]
    [InlineData("The children's and parents' feedback was wonderful.")]
    [InlineData("Our Year 6 leavers performed Bugsy Malone.")]
    [InlineData("Jaxson and Kaydence read their stories to Year 1.")]
    [InlineData("Don't forget: we're closed on Friday and it's a non-uniform day.")]
    [InlineData("The bloke from the council fixed the loo and the telly.")]
    [InlineData("My auntie came to the sleepover with the hardworking seagulls.")]
    [InlineData("Our choir sang in Mold, Grays and Devizes on the tour.")]
    [InlineData("We thanked Honor and Gray for their help.")]
    [InlineData("Sustainability week starts on Monday.")]
    public void Check_does_not_warn_about_names_places_links_or_numbers(string text)
    {
        var findings = LanguageChecks.Findings(text, RuleIds.Spelling, LanguageChecks.Roster);
        findings.ShouldBeEmpty(string.Join(" | ", findings.Select(f => f.Message)));
    }

    [Fact]
    public void Check_accepts_roster_names_the_word_lists_do_not_know()
    {
        var roster = new Roster.PupilRoster([new Roster.Pupil("P9", "Xanthippe", "Quarrington-Vale", true)]);

        LanguageChecks.Findings("We welcomed a new pupil, Xanthippe Quarrington-Vale, to the class.", RuleIds.Spelling, roster).ShouldBeEmpty();
    }

    [Fact]
    public void Check_warns_about_an_unknown_lower_case_word_without_a_suggestion()
    {
        var finding = LanguageChecks.Findings("The day was flibbertyjibbet.", RuleIds.Spelling).ShouldHaveSingleItem();

        finding.Suggestion.ShouldBeNull();
        finding.Message.ShouldContain("glossary");
    }

    [Fact]
    public void Check_accepts_the_plural_of_a_school_glossary_word()
    {
        var school = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(school.FullName, "glossary.txt"), "Zorbling\n");
            var checker = CodeOfConductFactory.Create(Lexicons.LexiconSet.Load(school.FullName));

            checker.Check(Drafts.Draft.FromText("Year 2 made zorblings in art.")).Findings.ShouldNotContain(f => f.Rule == RuleIds.Spelling);
            checker.Check(Drafts.Draft.FromText("Year 2 made zorblongs in art.")).Findings.ShouldContain(f => f.Rule == RuleIds.Spelling);
        }
        finally
        {
            school.Delete(recursive: true);
        }
    }
}
