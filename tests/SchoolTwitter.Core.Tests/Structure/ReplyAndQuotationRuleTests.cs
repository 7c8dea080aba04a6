using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.CodeOfConduct.Rules;
using SchoolTwitter.Core.Drafts;
using static SchoolTwitter.Core.Tests.Structure.StructureTestKit;

namespace SchoolTwitter.Core.Tests.Structure;

/// <summary>Issue 9.7: a draft opening with an @handle is a reply in all but name; long quotations of others' words warn.</summary>
public sealed class ReplyRuleTests
{
    private readonly ReplyRule _rule = new();

    [Theory]
    [InlineData("@OakfieldPri you are wrong about the match.", "@OakfieldPri")]
    [InlineData(".@LocalCouncil please fix the crossing.", "@LocalCouncil")]
    [InlineData("  @parent123 thanks for your message", "@parent123")]
    [InlineData("@a @b well done both!", "@a")]
    public void Check_blocks_a_draft_that_begins_with_a_handle(string text, string handle)
    {
        var finding = Run(_rule, text).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Block);
        finding.Quoted(text).ShouldBe(handle);
        finding.Message.ShouldContain("reply in all but name");
        finding.Suggestion.ShouldBe($"Thank you to {handle} for");
    }

    [Theory]
    [InlineData("Thank you to @LocalLibrary for the visit.")]
    [InlineData("Thank you for visiting. @LocalFireService")]
    [InlineData("Email us at office@school.example for details.")]
    [InlineData("Our Year 6 choir sang at the town hall.")]
    public void Check_passes_a_handle_credited_within_the_text(string text) => Run(_rule, text).ShouldBeEmpty();

    [Fact]
    public void Check_still_blocks_a_draft_in_reply_to_a_tweet()
    {
        var finding = Run(_rule, new Draft("r", "Thank you for coming.", null, [], "1861234567890123456")).ShouldHaveSingleItem();
        finding.Message.ShouldContain("inReplyToTweetId");
    }
}

public sealed class CopyrightQuotationTests
{
    private readonly CopyrightRule _rule = new();

    [Fact]
    public void Check_warns_about_a_long_quoted_passage()
    {
        const string text = "As the article said, “Schools across the county have seen record numbers of children taking part in " +
            "sport this year, with football and netball the most popular of all.”";
        var finding = Run(_rule, text).ShouldHaveSingleItem();
        finding.Rule.ShouldBe(RuleIds.Copyright);
        finding.Severity.ShouldBe(Severity.Warn);
        finding.Quoted(text).ShouldStartWith("Schools across the county");
    }

    [Fact]
    public void Check_warns_about_a_quoted_song_line_named_as_lyrics() =>
        Run(_rule, "Our favourite lyrics this week: \"Here comes the sun and I say it's all right, little darling\" 🎶")
            .ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warn);

    [Fact]
    public void Check_warns_about_lines_of_a_song_set_out_as_verse() =>
        Run(_rule, "Our song for assembly:\nTwinkle twinkle little star\nHow I wonder what you are\nUp above the world so high\nLike a diamond in the sky")
            .ShouldHaveSingleItem().Message.ShouldContain("lines of a song or poem");

    [Fact]
    public void The_checker_uses_the_schools_own_quotation_cues()
    {
        // Eight quoted words warn only with a cue; "chant" is no built-in cue, so only the school's file makes it one.
        const string text = "Our new football chant: \"We are the team from the top of the hill\"";
        CodeOfConductFactory.CreateDefault().Check(Draft.FromText(text)).Findings.ShouldNotContain(f => f.Rule == RuleIds.Copyright);
        var directory = Directory.CreateTempSubdirectory("school-cues-");
        try
        {
            File.WriteAllLines(Path.Combine(directory.FullName, CopyrightRule.QuotationList + ".txt"), ["chant"]);
            var checker = CodeOfConductFactory.Create(SchoolTwitter.Core.Lexicons.LexiconSet.Load(directory.FullName));
            checker.Check(Draft.FromText(text)).Findings.ShouldContain(f => f.Rule == RuleIds.Copyright);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("“I loved the trip to the museum because we saw real Roman coins,” said one Year 4 pupil.")]
    [InlineData("She said, “What a day.”")]
    [InlineData("Year 3 wrote their own song about recycling.")]
    [InlineData("Reminders for Friday:\nPE kit\nReading books\nWater bottles\nPacked lunch for the trip")]
    [InlineData("We didn’t expect the ‘wow’ from Year 2, but they loved the poem.")]
    public void Check_passes_short_quotations_and_lists(string text) => Run(_rule, text).ShouldBeEmpty();
}
