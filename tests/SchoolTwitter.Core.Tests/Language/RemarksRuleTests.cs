using SchoolTwitter.Core.CodeOfConduct;
using static SchoolTwitter.Core.Tests.Language.LanguageChecks;

namespace SchoolTwitter.Core.Tests.Language;

/// <summary>Remarks aimed at people: defamation, discrimination, sexualised remarks (issue 9.3).</summary>
public sealed class RemarksRuleTests
{
    private static readonly string[] RemarkRules = [RuleIds.Defamation, RuleIds.Discrimination, RuleIds.Sexualised];

    private static List<Finding> Remarks(string text) =>
        Checker.Check(Drafts.Draft.FromText(text)).Findings.Where(f => RemarkRules.Contains(f.Rule)).ToList();

    [Theory]
    [InlineData("Mr Smith at Oakfield stole the funds.", "Mr Smith at Oakfield stole")]
    [InlineData("St Mary's teachers are liars.", "St Mary's teachers are liars")]
    [InlineData("The council is corrupt.", "The council is corrupt")]
    [InlineData("Oakfield's head is useless.", "Oakfield's head is useless")]
    [InlineData("David Smith has been fiddling the books for years.", "David Smith has been fiddling")]
    [InlineData("Oakfield Primary School cheated in the SATs.", "Oakfield Primary School cheated")]
    [InlineData("Everyone knows the headteacher is a thief.", "the headteacher is a thief")]
    [InlineData("Ofsted are a total joke.", "Ofsted are a total joke")]
    [InlineData("That thief Mr Smith is back.", "thief Mr Smith")]
    [InlineData("The corrupt council has done it again.", "The corrupt council")] // the target from its article
    [InlineData("@OakfieldPri rigged the election.", "@OakfieldPri rigged")]
    [InlineData("Mrs Jones should be sacked.", "Mrs Jones should be sacked")]
    public void Defamation_blocks_an_accusation_aimed_at_a_named_person_school_or_organisation(string text, string marked)
    {
        var finding = Remarks(text).ShouldHaveSingleItem();
        finding.Rule.ShouldBe(RuleIds.Defamation);
        finding.Severity.ShouldBe(Severity.Block);
        Marked(text, finding).ShouldBe(marked);
    }

    [Theory]
    [InlineData("Jack stole the golden harp.")] // a lone name may be a story character
    [InlineData("Mr Smith is not corrupt.")] // a denial still raises it
    [InlineData("Mr Smith was arrested last week.")] // a report
    [InlineData("The referee was awful today.")] // a milder word
    public void Defamation_warns_where_a_careful_reader_would_only_question_it(string text) =>
        Remarks(text).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warn);

    [Theory]
    [InlineData("Girls are rubbish at maths.", "Girls are rubbish")]
    [InlineData("Muslims are terrorists.", "Muslims are terrorists")]
    [InlineData("Disabled people can't play football.", "Disabled people can't play football")]
    [InlineData("Old people should stay at home.", "Old people should stay at home")]
    [InlineData("All immigrants steal.", "immigrants steal")]
    [InlineData("Boys are better at science than girls.", "Boys are better")]
    [InlineData("I hate gays.", "I hate gays")]
    [InlineData("Football isn't for girls.", "isn't for girls")]
    [InlineData("Go back to your own country.", "Go back to your own country")]
    [InlineData("The Irish are lazy.", "The Irish are lazy")]
    [InlineData("Polish people are dirty.", "Polish people are dirty")]
    [InlineData("Trans women are not real women.", "Trans women are not real")]
    public void Discrimination_blocks_a_generalisation_by_a_protected_characteristic(string text, string marked)
    {
        var finding = Remarks(text).ShouldHaveSingleItem();
        finding.Rule.ShouldBe(RuleIds.Discrimination);
        finding.Severity.ShouldBe(Severity.Block);
        Marked(text, finding).ShouldBe(marked);
    }

    [Theory]
    [InlineData("Girls are good at reading.")] // a generalisation about ability, however kindly meant
    [InlineData("Elderly people shouldn't drive.")]
    [InlineData("Typical boys!")]
    [InlineData("Wheelchair users can't really manage.")]
    public void Discrimination_warns_where_a_careful_reader_would_only_question_it(string text) =>
        Remarks(text).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warn);

    [Theory]
    [InlineData("The new teacher is so hot.", "teacher is so hot")]
    [InlineData("Yummy mummies at the gate this morning!", "Yummy mummies")]
    [InlineData("Hot dads at sports day!", "Hot dads")]
    [InlineData("Mr Jones is well fit.", "well fit")]
    [InlineData("Nice legs, Miss!", "Nice legs")]
    public void Sexualised_blocks_remarks_about_how_grown_ups_look(string text, string marked)
    {
        var finding = Remarks(text).ShouldHaveSingleItem();
        finding.Rule.ShouldBe(RuleIds.Sexualised);
        finding.Severity.ShouldBe(Severity.Block);
        Marked(text, finding).ShouldBe(marked);
    }

    [Theory]
    [InlineData("The gorgeous new PE teacher starts on Monday.")]
    [InlineData("Mrs Jones looked stunning.")]
    [InlineData("The Year 6 girls are so hot.")]
    public void Sexualised_warns_about_looks_said_of_grown_ups_or_hot_said_of_children(string text) =>
        Remarks(text).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warn);

    [Theory]
    [InlineData("Our girls' football team won the county cup!")]
    [InlineData("Our Muslim families celebrated Eid with a shared lunch.")]
    [InlineData("Year 6 learned about the Equality Act.")]
    [InlineData("The police visited to talk about road safety.")]
    [InlineData("We learned about a theft from the museum in our Romans topic.")]
    [InlineData("The Great Fire of London was started in a bakery.")]
    [InlineData("Girls and boys are welcome at football club.")]
    [InlineData("Year 5 girls should bring their PE kit on Tuesday.")]
    [InlineData("Our Year 2 children can't wait for the trip!")]
    [InlineData("Disabled people can now reach the hall by the new ramp.")]
    [InlineData("Oakfield stole a late winner in the final minute.")]
    [InlineData("Amelia stole the show as Mary in the nativity.")]
    [InlineData("Fantastic Mr Fox stole the farmers' chickens in our class book.")]
    [InlineData("Robin Hood stole from the rich to give to the poor.")]
    [InlineData("The council fixed the potholes outside school.")]
    [InlineData("Year 5 forged links with a school in Kenya.")]
    [InlineData("It was so hot today that we had lunch outside.")]
    [InlineData("The children were so hot after running.")]
    [InlineData("Mr Jones is fit again after his injury.")]
    [InlineData("Hot chocolate and a warm fire after the Christmas walk.")]
    [InlineData("Our keep fit club for mums starts on Friday.")]
    [InlineData("Our beautiful Reception children sang in assembly.")]
    [InlineData("Congratulations to our figure skating champions.")]
    [InlineData("Older people in our community joined us for tea.")]
    [InlineData("Thank you to the council for our new bike shelter.")]
    [InlineData("The Vikings stole treasure from monasteries, Year 4 found out.")]
    public void School_news_that_mentions_people_groups_or_crime_passes(string text) => Remarks(text).ShouldBeEmpty();

    [Fact]
    public void Factory_registers_each_remark_rule_once()
    {
        foreach (var id in RemarkRules) Checker.Rules.Count(r => r.Id == id).ShouldBe(1, id);
    }
}
