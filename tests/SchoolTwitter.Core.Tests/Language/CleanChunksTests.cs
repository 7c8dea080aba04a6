using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Tests.Language;

/// <summary>
/// The offensive matcher remembers the chunks it found nothing in (<see cref="CleanChunks"/>): a remembered chunk must give
/// exactly the answer reading it again would, whatever was read before it.
/// </summary>
public sealed class CleanChunksTests
{
    [Fact]
    public void A_term_its_context_excused_is_read_again_in_the_next_context()
    {
        // "ass" is innocent beside the ox; the chunk "ass" must not be remembered as clean for the next draft.
        var matcher = new OffensiveLanguage(LanguageChecks.Lexicons);
        matcher.Find("The ox and the ass stood by the manger.").ShouldBeEmpty();
        matcher.Find("Kick his ass now.").ShouldHaveSingleItem().Term.ShouldBe("ass");
    }

    [Fact]
    public void A_term_found_first_is_still_excused_where_its_context_excuses_it()
    {
        var matcher = new OffensiveLanguage(LanguageChecks.Lexicons);
        matcher.Find("Kick his ass now.").ShouldHaveSingleItem();
        matcher.Find("The ox and the ass stood by the manger.").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("What a s h i t afternoon at sports day!")] // single letters across clean chunks
    [InlineData("He is a wh ore and a liar.")] // a word split across two clean chunks
    public void Reading_a_draft_again_from_remembered_chunks_gives_the_same_matches(string text)
    {
        var matcher = new OffensiveLanguage(LanguageChecks.Lexicons);
        var first = matcher.Find(text);
        first.ShouldNotBeEmpty();
        var again = matcher.Find(text);
        again.ShouldBe(first);
    }

    [Theory]
    [InlineData("Group s and group h and group i and group t met.", "What a s h i t afternoon at sports day!")]
    [InlineData("The wh sound and the ore in the mine.", "He is a wh ore and a liar.")]
    public void Pieces_remembered_clean_in_one_draft_still_join_into_a_term_in_the_next(string clean, string offensive)
    {
        // The first draft leaves each piece remembered as clean on its own; the second joins them across chunks.
        var matcher = new OffensiveLanguage(LanguageChecks.Lexicons);
        matcher.Find(clean).ShouldBeEmpty();
        var found = matcher.Find(offensive);
        found.ShouldNotBeEmpty();
        found.ShouldBe(new OffensiveLanguage(LanguageChecks.Lexicons).Find(offensive));
    }

    [Fact]
    public void Every_offensive_example_is_caught_again_once_its_clean_words_are_remembered()
    {
        // Every catch and pass example of offensive.txt read twice by one matcher: the second reading, now mostly from
        // remembered chunks, gives the first reading's verdict for each.
        var checker = CodeOfConductFactory.Create(LexiconSet.Load());
        var examples = RuleExamples.BuiltIn().Where(e => e.Rule == RuleIds.Offensive).ToList();
        examples.Count.ShouldBeGreaterThan(100);
        var first = examples.Select(e => Offensive(checker, e.Text)).ToList();
        var again = examples.Select(e => Offensive(checker, e.Text)).ToList();
        again.ShouldBe(first);
        examples.Where((e, k) => e.MustCatch != first[k]).Select(e => e.Text).ShouldBeEmpty();
    }

    [Fact]
    public void A_remembered_chunk_is_found_by_its_exact_text_only()
    {
        var chunks = new CleanChunks();
        chunks.Remember("today!", 1, "today", 0, 5);
        chunks.TryFind("today!", out var entry).ShouldBeTrue();
        entry.OnlyPiece.ToString().ShouldBe("today");
        (entry.Pieces, entry.PieceStart, entry.PieceEnd).ShouldBe((1, 0, 5));
        chunks.TryFind("today", out _).ShouldBeFalse();
        chunks.TryFind("Today!", out _).ShouldBeFalse();
    }

    [Fact]
    public void A_chunk_of_several_pieces_is_remembered_without_one()
    {
        var chunks = new CleanChunks();
        chunks.Remember("well-being", 2, [], 0, 0);
        chunks.TryFind("well-being", out var entry).ShouldBeTrue();
        entry.Pieces.ShouldBe(2);
        entry.OnlyPiece.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void A_chunk_longer_than_the_limit_is_not_remembered()
    {
        var chunks = new CleanChunks();
        var longChunk = new string('a', CleanChunks.MaxLength + 1);
        chunks.Remember(longChunk, 1, longChunk, 0, longChunk.Length);
        chunks.TryFind(longChunk, out _).ShouldBeFalse();
    }

    private static bool Offensive(CodeOfConductChecker checker, string text) =>
        checker.Check(Drafts.Draft.FromText(text)).Findings.Any(f => f.Rule == RuleIds.Offensive);
}
