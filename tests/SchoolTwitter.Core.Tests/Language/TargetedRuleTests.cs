using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;

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

    [Theory]
    [InlineData("Star of the week goes to Isla!", "Isla")]
    [InlineData("Brilliant reading from Freddie in assembly today!", "Freddie")]
    [InlineData("Look at Oliwia's fantastic painting!", "Oliwia's")]
    [InlineData("Sophia, you were a star today!", "Sophia")]
    [InlineData("Well done John!", "John")]
    [InlineData("Happy 7th birthday to Aisha in Year 2!", "Aisha")]
    [InlineData("Maya K. read beautifully in assembly.", "Maya K")]
    [InlineData("Zofia Nowak won the Year 4 spelling bee.", "Zofia Nowak")]
    [InlineData("Amelia read a poem at the Harvest Festival.", "Amelia")]
    [InlineData("A lovely picture by Niamh in Year 1.", "Niamh")]
    [InlineData("Thank you Mike for helping to tidy the library.", "Mike")]
    [InlineData("Well done Grace!", "Grace")]
    [InlineData("Ivy scored the winning goal.", "Ivy")]
    [InlineData("Lily's painting is on display in the hall.", "Lily's")]
    [InlineData("Summer, you were a star today!", "Summer")]
    [InlineData("well done jack!", "jack")]
    [InlineData("Congratulations to Zephyrine on her certificate!", "Zephyrine")]
    public void Check_blocks_a_child_named_whatever_the_sentence_does(string text, string name)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Targeted).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Block);
        LanguageChecks.Marked(text, finding).ShouldBe(name);
        finding.Message.ShouldContain("names a child");
    }

    [Theory]
    [InlineData("We said Grace before lunch.", "Grace")]
    [InlineData("A lovely picture by Xanthe in Year 1.", "Xanthe")]
    [InlineData("Thank you to Tesco for the fruit.", "Tesco")]
    [InlineData("Holly grows by the gate.", "Holly")]
    public void Check_warns_on_a_name_whose_reading_is_unclear(string text, string name)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Targeted).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Warn);
        LanguageChecks.Marked(text, finding).ShouldBe(name);
        finding.Message.ShouldContain("may be a child's name");
    }

    [Theory]
    [InlineData("Lovely singing from Khan at the concert.", "Khan")]
    [InlineData("Our choir with amelia on the piano.", "amelia")]
    [InlineData("Grace, you were a star today!", "Grace")]
    public void Check_blocks_a_roster_pupils_first_name_or_surname_in_any_case(string text, string name)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Targeted, LanguageChecks.Roster).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Block);
        LanguageChecks.Marked(text, finding).ShouldBe(name);
    }

    [Theory]
    [InlineData("Well done Sarah for organising the book fair!")]
    [InlineData("Thank you Walsh for running the disco.")]
    [InlineData("Congratulations to Sarah Walsh on her marathon!")]
    public void Check_passes_the_names_of_staff_and_governors(string text)
    {
        var staff = new StaffList([new StaffMember("Mrs", "Sarah", "Walsh", "Year 3 teacher")]);

        var findings = LanguageChecks.Checker.Check(Draft.FromText(text), null, staff).Findings.Where(f => f.Rule == RuleIds.Targeted);

        findings.ShouldBeEmpty();
        LanguageChecks.Findings(text, RuleIds.Targeted).ShouldNotBeEmpty(); // without the staff list, a child
    }

    [Fact]
    public void Check_blocks_a_staff_first_name_that_a_pupil_shares()
    {
        var staff = new StaffList([new StaffMember("Mr", "Josh", "Green", "Caretaker")]);

        var verdict = LanguageChecks.Checker.Check(Draft.FromText("Well done Josh!"), LanguageChecks.Roster, staff);

        verdict.Findings.ShouldContain(f => f.Rule == RuleIds.Targeted && f.Severity == Severity.Block);
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
    [InlineData("King Charles visited our town today.")]
    [InlineData("Year 3 enjoyed a visit from author Joe Bloggs.")]
    [InlineData("Thank you to Dave, our caretaker, for fixing the gate.")]
    [InlineData("Year 2 loved The Hodgeheg by Dick King-Smith.")]
    [InlineData("Our pantomime this year is Jack and the Beanstalk.")]
    [InlineData("We read Matilda by Roald Dahl in class this term.")]
    [InlineData("Red House won sports day this year!")]
    [InlineData("Our school dog Bramble loves reading with Year 2.")]
    [InlineData("Say hello to Nibbles, our class hamster!")]
    [InlineData("Our values are Respect, Kindness and Hope.")]
    [InlineData("Holly and ivy decorated the hall for Christmas.")]
    [InlineData("We are so proud of the patience and kindness shown this week.")]
    [InlineData("Thank you to Royal Mail for visiting Reception.")]
    [InlineData("Our Christmas Fayre is on Friday 5th December.")]
    public void Check_passes_adults_places_events_and_everyday_words(string text)
    {
        var findings = LanguageChecks.Findings(text, RuleIds.Targeted);
        findings.ShouldBeEmpty(string.Join(" | ", findings.Select(f => f.Message)));
    }
}
