using SchoolTwitter.Core.Lexicons;

namespace SchoolTwitter.Core.Tests.Language;

/// <summary>The filter in front of the word sets may let a stranger through, but must never turn a member away.</summary>
public sealed class WordFilterTests
{
    private static readonly string[] Sample =
        ["the", "a", "was", "were", "don't", "children", "i", "x", "supercalifragilistic", "naïve", "o'brien", "ж"];

    [Fact]
    public void Every_word_of_a_small_set_is_held()
    {
        var set = new WordSet(Sample);
        foreach (var word in Sample) set.Contains(word).ShouldBeTrue(word);
        set.Contains("").ShouldBeFalse();
        set.Contains("they").ShouldBeFalse();
    }

    [Fact]
    public void Every_given_name_and_place_is_held_by_the_filter_sized_for_thousands()
    {
        var lists = LexiconSet.Load();
        var names = lists.Entries(LexiconSet.GivenNamesList).Select(Text.TextFolding.Fold).ToList();
        names.Count.ShouldBeGreaterThan(5_000);
        var filter = new WordFilter(names);
        names.Where(n => !filter.MayHold(n)).ShouldBeEmpty();
        lists.Language.IsGivenName("amelia").ShouldBeTrue();
        lists.Language.IsPlace("devizes").ShouldBeTrue();
    }

    [Fact]
    public void A_small_set_turns_away_most_other_words_without_a_lookup()
    {
        // 12 words in 256 bits: of 20,000 dictionary words, only about one in twenty may pass the filter.
        var filter = new WordFilter(Sample);
        var others = DictionarySample(20_000);
        var passed = others.Count(w => filter.MayHold(w));
        passed.ShouldBeLessThan(others.Count / 10);
    }

    [Fact]
    public void An_empty_list_holds_nothing_but_the_empty_word_never_throws()
    {
        var filter = new WordFilter([]);
        filter.MayHold("word").ShouldBeFalse();
        filter.MayHold("").ShouldBeFalse();
    }

    [Fact]
    public void Two_words_are_asked_as_their_joined_form_is_at_every_split()
    {
        // The text-language rule asks "gr 8" and "lo l" this way without joining them: the answer must be the joined word's.
        var lists = LexiconSet.Load();
        var textSpeak = lists.Entries(LexiconSet.TextSpeakList).Select(e => Text.TextFolding.Fold(e.Split('=')[0].Trim())).ToList();
        var filter = new WordFilter(textSpeak);
        var words = textSpeak.Concat(DictionarySample(2_000)).Where(w => w.Length >= 2).ToList();
        var asked = 0;
        foreach (var word in words)
        {
            for (var split = 1; split < word.Length; split++)
            {
                filter.MayHold(word.AsSpan(0, split), word.AsSpan(split)).ShouldBe(filter.MayHold(word), $"{word} at {split}");
                asked++;
            }
        }
        asked.ShouldBeGreaterThan(5_000);
        textSpeak.Where(w => w.Length >= 2).Where(w => !filter.MayHold(w.AsSpan(0, 1), w.AsSpan(1))).ShouldBeEmpty();
        filter.MayHold("", "gr8").ShouldBe(filter.MayHold("gr8"));
    }

    [Fact]
    public void A_word_map_finds_each_key_s_value_and_nothing_for_other_words()
    {
        var keys = DictionarySample(3_000).Distinct().ToList();
        var map = new WordMap<string>(keys.Select(k => KeyValuePair.Create(k, k.ToUpperInvariant())));
        keys.Where(k => map.Find(k) != k.ToUpperInvariant()).ShouldBeEmpty();
        map.Find("").ShouldBeNull();
        map.Find("zzqxj").ShouldBeNull();
        map.Find(keys[0] + "zz").ShouldBeNull();
        keys.Where(k => k.Length >= 2 && !map.MayHold(k.AsSpan(0, 1), k.AsSpan(1))).ShouldBeEmpty();
    }

    private static List<string> DictionarySample(int count)
    {
        var words = new List<string>(count);
        var lists = LexiconSet.Load();
        foreach (var entry in lists.Entries(LexiconSet.BritishWordsList))
        {
            if (Sample.Contains(entry)) continue;
            words.Add(entry.ToLowerInvariant());
            if (words.Count == count) break;
        }
        return words;
    }
}
