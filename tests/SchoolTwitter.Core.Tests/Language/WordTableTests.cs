using SchoolTwitter.Core.Lexicons;

namespace SchoolTwitter.Core.Tests.Language;

public sealed class WordTableTests
{
    [Fact]
    public void A_word_added_in_both_cases_has_both_kinds_and_other_words_none()
    {
        var builder = new WordTable.Builder(64);
        builder.Add("mark", WordKinds.LowerCaseWord);
        builder.Add("wednesday", WordKinds.ProperNoun);
        builder.Add("mark", WordKinds.ProperNoun);
        var table = builder.Build();

        table.Count.ShouldBe(2);
        table.Kinds("mark").ShouldBe(WordKinds.DictionaryWord);
        table.Kinds("wednesday").ShouldBe(WordKinds.ProperNoun);
        table.Contains("wednesday", WordKinds.LowerCaseWord).ShouldBeFalse();
        table.Kinds("mar").ShouldBe(WordKinds.None); // a prefix is not the word
        table.Kinds("marks").ShouldBe(WordKinds.None);
        table.Kinds("").ShouldBe(WordKinds.None);
    }

    [Fact]
    public void Empty_words_words_of_no_kind_and_words_too_long_to_index_are_left_out()
    {
        var builder = new WordTable.Builder(0);
        builder.Add("", WordKinds.LowerCaseWord);
        builder.Add("ghost", WordKinds.None);
        var tooLong = new string('a', 128);
        builder.Add(tooLong, WordKinds.LowerCaseWord);
        var table = builder.Build();

        table.Count.ShouldBe(0);
        table.Kinds("ghost").ShouldBe(WordKinds.None);
        table.Kinds(tooLong).ShouldBe(WordKinds.None);
    }

    [Fact]
    public void Far_more_words_than_expected_all_stay_findable()
    {
        // Sized for about 8 words, given 20,000: the table grows (rehashing every slot) many times on the way.
        var builder = new WordTable.Builder(64);
        var words = Enumerable.Range(0, 20_000).Select(i => $"w{i:x}q").ToArray();
        foreach (var word in words) builder.Add(word, WordKinds.LowerCaseWord);
        var table = builder.Build();

        table.Count.ShouldBe(words.Length);
        words.Where(w => table.Kinds(w) != WordKinds.LowerCaseWord).ShouldBeEmpty();
        Enumerable.Range(20_000, 2_000).Select(i => $"w{i:x}q").Where(w => table.Kinds(w) != WordKinds.None).ShouldBeEmpty();
    }
}
