using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Tests.Language;

/// <summary>
/// The dictionary answers by bisecting the word list files until its hash table is built: both must give the same answer for
/// every word, or a draft's verdict would depend on how many drafts the process had checked before it.
/// </summary>
public sealed class DictionaryWordsTests
{
    private static readonly LexiconSet Lists = LexiconSet.Load();

    [Theory]
    [InlineData(LexiconSet.BritishWordsList)]
    [InlineData(LexiconSet.BritishWordsCspellList)]
    public void The_word_list_files_stay_in_folded_order_with_no_blank_lines(string list)
    {
        var sorted = new SortedWordText(Lists.BuiltInText(list).Single());
        var lines = sorted.Lines().ToList();

        lines.Count.ShouldBe(Lists.Entries(list).Count);
        lines.ShouldAllBe(l => l.Length > 0 && l.All(c => !char.IsSurrogate(c)));
        var outOfOrder = lines.Zip(lines.Skip(1)).Where(p => SortedWordText.Compare(p.First, p.Second) > 0).Take(5).ToList();
        outOfOrder.ShouldBeEmpty("run node tools/lexicons/sort-word-lists.mjs");
    }

    [Fact]
    public void Bisection_and_the_table_agree_on_every_listed_word_its_other_cases_and_near_misses()
    {
        var dictionary = new DictionaryWords(Lists, lookupsBeforeTable: int.MaxValue);
        var table = new DictionaryWords(Lists);
        table.BuildTable();
        var bisected = new List<string>();
        foreach (var word in Lists.Entries(LexiconSet.BritishWordsList).Concat(Lists.Entries(LexiconSet.BritishWordsCspellList)))
        {
            var folded = TextFolding.Fold(word);
            foreach (var probe in new[] { folded, folded + "s", folded[..^1], folded + "zz", "a" + folded })
            {
                if (dictionary.Kinds(probe) != table.Kinds(probe)) bisected.Add(probe);
            }
        }
        dictionary.HasTable.ShouldBeFalse(); // every answer above came from bisecting the files
        bisected.Distinct().Take(10).ShouldBeEmpty();
    }

    [Fact]
    public void A_school_word_is_known_before_and_after_the_table_is_built()
    {
        var directory = Directory.CreateTempSubdirectory("dictionary-").FullName;
        try
        {
            File.WriteAllLines(Path.Combine(directory, "british-words.txt"), ["Oakbrookian", "zorbing"]);
            var lists = LexiconSet.Load(directory);
            var dictionary = new DictionaryWords(lists, lookupsBeforeTable: int.MaxValue);

            dictionary.Kinds("zorbing").ShouldBe(WordKinds.LowerCaseWord);
            dictionary.Kinds("oakbrookian").ShouldBe(WordKinds.ProperNoun);
            dictionary.BuildTable();
            dictionary.HasTable.ShouldBeTrue();
            dictionary.Kinds("zorbing").ShouldBe(WordKinds.LowerCaseWord);
            dictionary.Kinds("oakbrookian").ShouldBe(WordKinds.ProperNoun);
            dictionary.Kinds("colour").ShouldBe(WordKinds.LowerCaseWord);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void After_enough_lookups_the_table_is_built_and_answers()
    {
        var dictionary = new DictionaryWords(Lists, lookupsBeforeTable: 10);
        for (var i = 0; i < 10; i++) dictionary.Kinds("colour").ShouldBe(WordKinds.LowerCaseWord);

        // The tenth lookup started the build on the thread pool; bounded wait for it.
        for (var wait = 0; wait < 200 && !dictionary.HasTable; wait++) Thread.Sleep(50);
        dictionary.HasTable.ShouldBeTrue();
        dictionary.Kinds("wednesday").ShouldBe(WordKinds.ProperNoun);
        dictionary.Kinds("mark").ShouldBe(WordKinds.DictionaryWord);
    }
}
