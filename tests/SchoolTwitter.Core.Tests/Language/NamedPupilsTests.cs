using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.CodeOfConduct.Rules;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.Tests.Language;

/// <summary>The pupils a published post is recorded as naming (issue 13): read as the name rule reads them, pictures or not.</summary>
public sealed class NamedPupilsTests
{
    private static readonly PupilNameRule Rule = new(LanguageChecks.Lexicons);

    private static IReadOnlyList<PupilMention> Named(Draft draft) => Rule.NamedPupils(new DraftContext(draft, LanguageChecks.Roster));

    [Fact]
    public void A_text_only_post_naming_a_pupil_records_them_with_the_words_that_named_them()
    {
        var named = Named(Draft.FromText("Congratulations to Josh Smith on the reading award.")).ShouldHaveSingleItem();

        named.Pupil.Id.ShouldBe("P001");
        named.Written.ShouldBe("Josh Smith");
    }

    [Fact]
    public void Names_in_the_alt_text_count_and_everyday_words_do_not()
    {
        var named = Named(LanguageChecks.WithImage("Will you join us at the Summer Fair?", "Oliwia and friends on the field"));

        named.ShouldHaveSingleItem().Pupil.Id.ShouldBe("P006");
    }

    [Fact]
    public void Without_a_roster_nothing_is_recorded() =>
        Rule.NamedPupils(new DraftContext(Draft.FromText("Josh Smith read his poem."), Roster.PupilRoster.Empty)).ShouldBeEmpty();
}
