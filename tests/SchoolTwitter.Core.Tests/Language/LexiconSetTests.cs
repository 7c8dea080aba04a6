using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Lexicons;

namespace SchoolTwitter.Core.Tests.Language;

public sealed class LexiconSetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lexicons-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(LexiconSet.TextSpeakList, 150)]
    [InlineData(LexiconSet.OffensiveList, 100)]
    [InlineData(LexiconSet.InsultsList, 50)]
    [InlineData(LexiconSet.AcronymsList, 100)]
    [InlineData(LexiconSet.GlossaryList, 100)]
    [InlineData(LexiconSet.GivenNamesList, 5000)]
    [InlineData(LexiconSet.EverydayNameWordsList, 100)]
    [InlineData(LexiconSet.BritishWordsList, 70000)]
    [InlineData(LexiconSet.AmericanToBritishList, 300)]
    [InlineData(LexiconSet.CommonMisspellingsList, 100)]
    public void Load_reads_every_embedded_list_without_comments_or_blanks(string list, int atLeast)
    {
        var entries = LexiconSet.Load().Entries(list);

        entries.Count.ShouldBeGreaterThanOrEqualTo(atLeast);
        entries.ShouldAllBe(e => e.Length > 0 && !e.StartsWith('#') && e == e.Trim());
    }

    [Fact]
    public void Load_keeps_the_scowl_licence_out_of_the_lists()
    {
        LexiconSet.Load().ListNames.ShouldNotContain(n => n.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Load_returns_the_same_built_in_set_every_time()
    {
        LexiconSet.Load().ShouldBeSameAs(LexiconSet.Load());
    }

    [Fact]
    public void Entries_of_an_unknown_list_is_empty()
    {
        LexiconSet.Load().Entries("no-such-list").ShouldBeEmpty();
    }

    [Fact]
    public void Load_adds_the_school_entries_to_the_built_in_ones()
    {
        File.WriteAllLines(Path.Combine(_directory, "glossary.txt"), ["# Our school", "Rainbrook", "", "  Oakfield  "]);
        File.WriteAllLines(Path.Combine(_directory, "follower-keywords.txt"), ["casino", "# comment"]);

        var lexicons = LexiconSet.Load(_directory);

        lexicons.Entries(LexiconSet.GlossaryList).ShouldContain("Rainbrook");
        lexicons.Entries(LexiconSet.GlossaryList).ShouldContain("Oakfield");
        lexicons.Entries(LexiconSet.GlossaryList).ShouldContain("Haydock");
        lexicons.Entries("follower-keywords").ShouldBe(["casino"]);
        lexicons.IsKnownWord("Rainbrook").ShouldBeTrue();
        LexiconSet.Load().IsKnownWord("Rainbrook").ShouldBeFalse();
    }

    [Fact]
    public void A_school_can_add_words_to_the_british_word_list_which_is_read_from_the_files_text()
    {
        File.WriteAllLines(Path.Combine(_directory, "british-words.txt"), ["# Our words", "Oakbrookian", "zorbing"]);

        var lexicons = LexiconSet.Load(_directory);
        const string text = "Our Oakbrookian pupils tried zorbing.";

        lexicons.Entries(LexiconSet.BritishWordsList).ShouldContain("zorbing");
        lexicons.Entries(LexiconSet.BritishWordsList).ShouldContain("colour"); // the built-in entries, parsed on first ask
        lexicons.Entries(LexiconSet.BritishWordsList).Count.ShouldBe(LexiconSet.Load().Entries(LexiconSet.BritishWordsList).Count + 2);
        lexicons.ListNames.ShouldContain(LexiconSet.BritishWordsList);
        lexicons.IsKnownWord("Oakbrookian").ShouldBeTrue();
        LexiconSet.Load().IsKnownWord("zorbing").ShouldBeFalse();
        CodeOfConductFactory.Create(lexicons).Check(Draft.FromText(text)).Findings.ShouldNotContain(f => f.Rule == RuleIds.Spelling);
        CodeOfConductFactory.CreateDefault().Check(Draft.FromText(text)).Findings.ShouldContain(f => f.Rule == RuleIds.Spelling);
    }

    [Fact]
    public void Load_with_school_lists_changes_what_the_rules_accept()
    {
        File.WriteAllLines(Path.Combine(_directory, "glossary.txt"), ["Rainbrook"]);
        File.WriteAllLines(Path.Combine(_directory, "acronyms.txt"), ["RBPS"]);
        File.WriteAllLines(Path.Combine(_directory, "text-speak.txt"), ["hiya = hello"]);
        File.WriteAllLines(Path.Combine(_directory, "offensive.txt"), ["plonkerish | profanity"]);
        const string text = "Welcome to Rainbrook, home of RBPS. Hiya everyone, no plonkerish behaviour.";

        var builtIn = CodeOfConductFactory.CreateDefault().Check(Draft.FromText(text)).Findings;
        var school = CodeOfConductFactory.CreateDefault(_directory).Check(Draft.FromText(text)).Findings;

        builtIn.ShouldContain(f => f.Rule == RuleIds.Shouting);
        school.ShouldNotContain(f => f.Rule == RuleIds.Shouting);
        school.ShouldNotContain(f => f.Rule == RuleIds.Spelling);
        school.ShouldContain(f => f.Rule == RuleIds.TextSpeak && f.Suggestion == "hello");
        school.ShouldContain(f => f.Rule == RuleIds.Offensive);
    }

    [Fact]
    public void Load_rejects_a_missing_directory_with_a_clear_error()
    {
        var missing = Path.Combine(_directory, "nope");

        Should.Throw<DirectoryNotFoundException>(() => LexiconSet.Load(missing)).Message.ShouldContain(missing);
    }

    [Theory]
    [InlineData("colour")]
    [InlineData("organise")]
    [InlineData("Wednesday")]
    [InlineData("SATs")]
    [InlineData("Haydock")]
    [InlineData("Amelia")]
    [InlineData("café")]
    public void IsKnownWord_accepts_british_words_glossary_acronyms_and_names(string word)
    {
        LexiconSet.Load().IsKnownWord(word).ShouldBeTrue();
    }

    [Theory]
    [InlineData("color")]
    [InlineData("organize")]
    [InlineData("recieve")]
    public void IsKnownWord_rejects_american_and_misspelt_words(string word)
    {
        LexiconSet.Load().IsKnownWord(word).ShouldBeFalse();
    }

    [Fact]
    public void Embedded_data_stays_small()
    {
        var dataDirectory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..",
            "src", "SchoolTwitter.Core", "Lexicons", "Data"));
        var total = Directory.EnumerateFiles(dataDirectory).Sum(f => new FileInfo(f).Length);

        total.ShouldBeLessThan(2_000_000);
    }
}
