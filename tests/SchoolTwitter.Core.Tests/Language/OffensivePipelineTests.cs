using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Tests.Language;

/// <summary>Each step of the offensive matcher on its own (OffensiveLanguage composes them; OffensiveRuleTests test the whole).</summary>
public sealed class OffensivePipelineTests
{
    private static readonly WordTest Dictionary = w => LanguageChecks.Lexicons.IsKnownWord(w.ToString());

    [Theory]
    [InlineData("ѕhit", "shit")] // Cyrillic dze (shared folding)
    [InlineData("ꓢhit", "shit")] // Lisu, outside the scripts every rule folds
    [InlineData("sᏂit", "shit")] // Cherokee
    [InlineData("s\u200Bhit", "shit")] // zero-width space removed
    [InlineData("SHİT", "shit")] // dotted capital I
    [InlineData("𝐬𝐡𝐢𝐭", "shit")] // mathematical bold, outside the BMP
    [InlineData("ｓｈｉｔ", "shit")] // full-width
    public void ConfusableFolding_reads_look_alike_letters_as_latin(string written, string folded)
    {
        Fold(written).ShouldBe(folded);
    }

    [Fact]
    public void ConfusableFolding_keeps_letters_that_look_like_nothing_latin()
    {
        Fold("ж").ShouldBe("ж");
        Fold("ب").ShouldBe("ب");
    }

    [Theory]
    [InlineData("sh1t", false, "shit")]
    [InlineData("5h!7", false, "shit")]
    [InlineData("@ss", false, "ass")]
    [InlineData("a$$", false, "ass")]
    [InlineData("b!+ch", false, "bitch")]
    [InlineData("s1ut", true, "slut")]
    [InlineData("liv€", false, "live")] // a currency sign from the confusables data
    [InlineData("f*ck1ng", false, "f*cking")] // asterisks are left for the masked step
    public void Leetspeak_reads_digits_and_symbols_as_letters(string word, bool oneAsL, string undone)
    {
        var output = new char[word.Length];

        Leetspeak.TryUndo(word, output, oneAsL).ShouldBeTrue();

        new string(output).ShouldBe(undone);
    }

    [Theory]
    [InlineData("455")] // a number is a number
    [InlineData("7175")]
    [InlineData("shit")] // nothing to undo
    [InlineData("sh~t")] // a character that stands for no letter
    public void Leetspeak_leaves_numbers_and_plain_words_alone(string word)
    {
        Leetspeak.TryUndo(word, new char[word.Length]).ShouldBeFalse();
    }

    [Theory]
    [InlineData("f*ck", "fuck", true)]
    [InlineData("f**k", "fuck", true)]
    [InlineData("b*st*rd", "bastard", true)]
    [InlineData("f*ck", "fucks", false)] // lengths differ
    [InlineData("sh*t", "slut", false)] // a shown letter differs
    public void MaskedLetters_fit_the_word_they_hide(string pattern, string term, bool fits)
    {
        MaskedLetters.Fits(pattern, term).ShouldBe(fits);
    }

    [Theory]
    [InlineData("f*ck", true)]
    [InlineData("f***", true)] // first letter of a four-letter word
    [InlineData("*uck", false)] // the first letter must show
    [InlineData("a*", false)] // a grade, not a word
    [InlineData("f**", false)] // too little shows
    public void MaskedLetters_read_only_patterns_with_enough_showing(string pattern, bool readable)
    {
        MaskedLetters.IsReadable(pattern).ShouldBe(readable);
    }

    [Theory]
    [InlineData("sh#t", "sh*t")]
    [InlineData("f-ck", "f*ck")]
    [InlineData("f--k", "f**k")]
    [InlineData("f.ck", "f*ck")]
    [InlineData("co-op", "co*op")]
    [InlineData("e.g", "e*g")] // a pattern, but too short to fit anything but a three-letter term
    [InlineData("bbc.co.uk", "")] // two runs
    [InlineData("sh#-t", "")] // two different symbols
    [InlineData("-shit", "")] // a symbol at the edge hides nothing
    public void MaskedLetters_turn_one_run_of_a_symbol_into_a_pattern(string chunk, string pattern)
    {
        var output = new char[chunk.Length];

        var n = MaskedLetters.AsPattern(chunk, output);

        (n == 0 ? "" : new string(output, 0, n)).ShouldBe(pattern);
    }

    [Theory]
    [InlineData("fuuuuck", nameof(SqueezeMode.LongRunsToOne), "fuck")]
    [InlineData("abeedddd", nameof(SqueezeMode.LongRunsToOne), "abeed")] // a double letter stays
    [InlineData("asssss", nameof(SqueezeMode.LongRunsToTwo), "ass")]
    [InlineData("arrse", nameof(SqueezeMode.AllRunsToOne), "arse")]
    [InlineData("fuck", nameof(SqueezeMode.LongRunsToOne), null)] // nothing to squeeze
    [InlineData("arrse", nameof(SqueezeMode.LongRunsToOne), null)] // a double is not a stretch
    public void StretchedLetters_squeeze_repeated_letters(string word, string how, string? squeezed)
    {
        var output = new char[word.Length];

        var n = StretchedLetters.Squeeze(word, output, Enum.Parse<SqueezeMode>(how));

        (n < 0 ? null : new string(output, 0, n)).ShouldBe(squeezed);
    }

    [Theory]
    [InlineData("s.h.i.t", "shit")]
    [InlineData("f-u-c-k", "fuck")]
    [InlineData("a_s_s", "ass")]
    [InlineData("5.h.1.t", "5h1t")] // leetspeak is undone later
    [InlineData("e.g", "")] // two letters
    [InlineData("co-op", "")] // longer pieces
    [InlineData("s..h", "")]
    public void SpacedLetters_join_letters_written_one_by_one(string chunk, string joined)
    {
        var output = new char[chunk.Length];

        var n = SpacedLetters.Join(chunk, output);

        new string(output, 0, n).ShouldBe(joined);
    }

    [Theory]
    [InlineData("ashit", 1)] // "a s h i t": the word after "a"
    [InlineData("ishit", 1)]
    [InlineData("shit", 0)]
    [InlineData("ass", 0)] // too short to leave a word
    public void SpacedLetters_find_a_one_letter_word_before_a_spelt_out_word(string run, int lead)
    {
        SpacedLetters.LeadingWord(run).ShouldBe(lead);
    }

    [Theory]
    [InlineData("shitting", "shit")]
    [InlineData("shitter", "shit")]
    [InlineData("sluts", "slut")]
    [InlineData("bitches", "bitch")]
    [InlineData("titties", "titty")]
    [InlineData("fuckin", "fuck")]
    [InlineData("raped", "rape")]
    [InlineData("shitty", "shit")]
    [InlineData("niggaz", "nigga")]
    [InlineData("dickhead", "dick")]
    [InlineData("fucktards", "fuck")]
    [InlineData("cocksucker", "cock")]
    public void WordEndings_find_the_stem_of_a_derived_form(string word, string stem)
    {
        Stems(word).ShouldContain(stem);
    }

    [Theory]
    [InlineData("spaced", "spac")] // "space" + d: "spac" + ed would be "spacced"
    [InlineData("spacing", "spac")]
    [InlineData("spices", "spic")] // only s, x, z, ch, sh take -es
    [InlineData("spicy", "spic")]
    [InlineData("assess", "asse")]
    public void WordEndings_do_not_build_innocent_words_on_invented_stems(string word, string notStem)
    {
        Stems(word).ShouldNotContain(notStem);
    }

    [Theory]
    [InlineData("blue tit", "We saw a blue tit today.", "tit", true)]
    [InlineData("blue tit", "We saw blue tits today.", "tits", true)] // a plural anchor still fits
    [InlineData("blue tit", "We saw a tit today.", "tit", false)]
    [InlineData("Dick [Name]", "The pantomime was Dick Whittington.", "Dick", true)]
    [InlineData("Dick [Name]", "Don't be a dick about it.", "dick", false)]
    [InlineData("Dick [Name]", "DICK HEAD", "DICK", false)] // capitals throughout are no name
    [InlineData("[Name] Dick", "Philip K. Dick wrote it.", "Dick", true)] // an initial's dot ends no sentence
    [InlineData("[Name] Dick", "It was great. Dick is a rude word.", "Dick", false)] // a sentence's end does
    [InlineData("[Name] cum [Name]", "We visited Chorlton-cum-Hardy.", "cum", true)]
    [InlineData("[Name] cum [Name]", "We visited Chorlton cum laude.", "cum", false)]
    [InlineData("Offa's Dyke", "We walked along Offa's Dyke.", "Dyke", true)]
    [InlineData("Cumming", "Alan Cumming sang.", "Cumming", true)]
    [InlineData("Cumming", "They were cumming.", "cumming", false)] // a capital in the phrase must be a capital in the text
    public void InnocentPhrase_excuses_a_term_only_inside_the_phrase(string phrase, string text, string match, bool excused)
    {
        var start = text.IndexOf(match, StringComparison.Ordinal);

        InnocentPhrase.Parse(phrase).Excuses(text, start, start + match.Length).ShouldBe(excused);
    }

    private static string Fold(string text)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            var f = ConfusableFolding.FoldAt(text, i, out var units);
            if (f != TextFolding.Removed) sb.Append(f);
            i += units;
        }
        return sb.ToString();
    }

    private static List<string> Stems(string word)
    {
        var buffer = new char[WordEndings.MaxStems * (word.Length + 1)];
        var ranges = new Range[WordEndings.MaxStems];
        var n = WordEndings.Stems(word, buffer, ranges, Dictionary, out _);
        return ranges.Take(n).Select(r => new string(buffer.AsSpan(r))).ToList();
    }
}
