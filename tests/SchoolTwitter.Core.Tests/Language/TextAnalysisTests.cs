using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Tests.Language;

public sealed class TextAnalysisTests
{
    [Theory]
    [InlineData("LOL", "lol")]
    [InlineData("l\u043El", "lol")]
    [InlineData("l\u200Bo\u200Cl\u2060", "lol")]
    [InlineData("\u0421\u0410\u0422", "cat")]
    [InlineData("caf\u00E9", "cafe")]
    [InlineData("cafe\u0301", "cafe")]
    [InlineData("\uFF4C\uFF4F\uFF4C", "lol")]
    [InlineData("\U0001D425\U0001D428\U0001D425", "lol")]
    [InlineData("\u0391\u0392\u0395", "abe")]
    [InlineData("don\u2019t", "don't")]
    public void Fold_undoes_case_invisible_characters_homoglyphs_and_accents(string text, string folded)
    {
        TextFolding.Fold(text).ShouldBe(folded);
    }

    [Theory]
    [InlineData('4', 'a')]
    [InlineData('@', 'a')]
    [InlineData('3', 'e')]
    [InlineData('1', 'i')]
    [InlineData('!', 'i')]
    [InlineData('0', 'o')]
    [InlineData('5', 's')]
    [InlineData('$', 's')]
    [InlineData('7', 't')]
    [InlineData('x', TextFolding.Removed)]
    public void LeetLetter_maps_digits_and_symbols_to_the_letters_they_stand_for(char c, char letter)
    {
        TextFolding.LeetLetter(c).ShouldBe(letter);
    }

    [Fact]
    public void Analyse_keeps_original_spans_and_folded_forms()
    {
        const string text = "Thx to \u0415veryone at St Helen\u2019s!";

        var words = TextAnalysis.Analyse(text, []);

        words.Count.ShouldBe(6);
        words.Original(2).ToString().ShouldBe("\u0415veryone");
        words.Folded(2).ToString().ShouldBe("everyone");
        words[2].Has(WordFlags.Disguised).ShouldBeTrue();
        words.Original(5).ToString().ShouldBe("Helen\u2019s");
        words.Folded(5).ToString().ShouldBe("helen's");
        words[0].Has(WordFlags.SentenceStart).ShouldBeTrue();
    }

    [Fact]
    public void Analyse_skips_entities_twitter_text_found_and_plain_hashtags_mentions_and_links()
    {
        const string text = "Well done @Year6Team! See https://school.example/lol #lol #SportsDay";

        var words = TextAnalysis.Analyse(text, [new TextEntity(TextEntityKind.Mention, 10, 10, "Year6Team")]);

        Enumerable.Range(0, words.Count).Select(i => words.FoldedString(i)).ShouldBe(["well", "done", "see"]);
    }

    [Fact]
    public void Analyse_marks_sentence_and_line_starts_but_not_after_abbreviations()
    {
        const string text = "Mr. Khan met Dr. Patel at 9 a.m. today. Then we left!\nNext week: more";

        var words = TextAnalysis.Analyse(text, []);
        var starts = Enumerable.Range(0, words.Count).Where(i => words[i].Has(WordFlags.SentenceStart)).Select(words.FoldedString);

        starts.ShouldBe(["mr", "then", "next"]);
    }

    [Fact]
    public void Analyse_marks_capitals_and_shapes()
    {
        var words = TextAnalysis.Analyse("HUGE iPad KS2 Great", []);

        words[0].Has(WordFlags.AllCaps).ShouldBeTrue();
        words[1].Has(WordFlags.InnerCapital).ShouldBeTrue();
        words[2].Has(WordFlags.HasDigit).ShouldBeTrue();
        words[3].Has(WordFlags.Capitalised).ShouldBeTrue();
        words[3].Has(WordFlags.AllCaps).ShouldBeFalse();
    }

    [Fact]
    public void SpacedRuns_finds_words_spelt_letter_by_letter()
    {
        var words = TextAnalysis.Analyse("so l o l and L.O.L. but a lot", []);

        var runs = words.SpacedRuns().ShouldNotBeNull();

        runs.Select(r => words.Joined(r.First, r.Count)).ShouldBe(["lol", "lol"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("🎉🎉🎉")]
    [InlineData("#OnlyAHashtag")]
    public void Analyse_handles_text_without_words(string text)
    {
        TextAnalysis.Analyse(text, []).Count.ShouldBe(0);
    }

    [Fact]
    public void Analyse_handles_a_very_long_text()
    {
        var text = string.Concat(Enumerable.Repeat("Lovely day at school. ", 2500));

        var words = TextAnalysis.Analyse(text, []);

        words.Count.ShouldBe(10000);
        words.Original(9999).ToString().ShouldBe("school");
    }
}
