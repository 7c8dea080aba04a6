using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Lexicons;

namespace SchoolTwitter.Core.Tests.Language;

public sealed class NameListsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("names-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("John")]
    [InlineData("Tom")]
    [InlineData("Mike")]
    [InlineData("Sally")]
    [InlineData("Jack")]
    [InlineData("Lily")]
    [InlineData("Ivy")]
    [InlineData("Willow")]
    [InlineData("Grace")]
    [InlineData("Poppy")]
    [InlineData("Daisy")]
    [InlineData("Muhammad")]
    [InlineData("Oliwia")]
    [InlineData("Siobhan")]
    public void Given_names_cover_common_names_including_those_that_are_words(string name)
    {
        var language = LanguageChecks.Lexicons.Language;
        var folded = name.ToLowerInvariant();

        (language.IsGivenName(folded) || language.IsEverydayNameWord(folded)).ShouldBeTrue();
    }

    [Fact]
    public void A_name_is_either_a_given_name_or_a_name_word_never_both()
    {
        var lists = LanguageChecks.Lexicons;
        var given = lists.Entries(LexiconSet.GivenNamesList).Select(n => n.ToLowerInvariant()).ToHashSet();

        lists.Entries(LexiconSet.EverydayNameWordsList).Where(w => given.Contains(w.ToLowerInvariant())).ShouldBeEmpty();
    }

    [Fact]
    public void Name_context_has_every_kind_the_name_rules_read()
    {
        var names = LanguageChecks.Lexicons.Names;

        PhraseSet[] kinds = [names.Openers, names.Thanks, names.Fillers, names.Titles, names.Roles, names.PostNominals, names.After,
            names.Before, names.Pets, names.Places, names.Motion, names.DateLeaders, names.ModalFollowers, names.Verbs, names.Be,
            names.PersonWords, names.Praise, names.ObjectLeaders, names.FamousLeaders, names.StoryLeaders, names.Calendar, names.Next, names.Vocative];

        kinds.ShouldAllBe(k => k.Singles.Words.Count > 0);
        names.WellKnown.Contains("matilda").ShouldBeTrue();
    }

    [Fact]
    public void Phrases_match_as_drafts_are_tokenised_with_hyphens_and_possessives()
    {
        var set = new PhraseSet(["Dick King-Smith", "star of the week"]);
        var words = Text.TextAnalysis.Analyse("We love Dick King-Smith's books. Star of the week!", []);

        set.LengthStartingAt(words, 2).ShouldBe(3);
        set.LengthEndingAt(words, 9).ShouldBe(4);
        set.LengthStartingAt(words, 3).ShouldBe(0);
    }

    [Fact]
    public void A_school_adds_its_own_well_known_names_and_name_context()
    {
        const string pet = "Our school dog Bramble loves reading.";
        const string character = "Year 2 loved meeting Pip Moonbeam today.";
        File.WriteAllLines(Path.Combine(_directory, "well-known-names.txt"), ["Pip Moonbeam"]);
        File.WriteAllLines(Path.Combine(_directory, "name-context.txt"), ["# our pets", "pet: axolotl"]);
        var school = CodeOfConductFactory.Create(LexiconSet.Load(_directory));

        Targeted(LanguageChecks.Checker, character).ShouldNotBeEmpty();
        Targeted(school, character).ShouldBeEmpty();
        Targeted(school, "Our class axolotl Amelia is ten today!").ShouldBeEmpty();
        Targeted(LanguageChecks.Checker, "Our class axolotl Amelia is ten today!").ShouldNotBeEmpty();
        Targeted(school, pet).ShouldBeEmpty();
    }

    private static IEnumerable<Finding> Targeted(CodeOfConductChecker checker, string text) =>
        checker.Check(Draft.FromText(text)).Findings.Where(f => f.Rule == RuleIds.Targeted);
}
