using SchoolTwitter.Core.Followers;
using SchoolTwitter.Core.Lexicons;

namespace SchoolTwitter.Core.Tests.Followers;

/// <summary>How the follower checks read text: run-together words, leetspeak in handles, keyword matching, list entries.</summary>
public class FollowerTextTests
{
    private static readonly FollowerKeywords Keywords = FollowerKeywords.From(LexiconSet.Load());
    private static readonly WordSegmenter Segmenter = new(w => Keywords.IsKnownWord(w) || w is "cock" or "fuck" or "milf" or "horny");

    [Theory]
    [InlineData("bigcockbrian", "big cock brian")]
    [InlineData("fuckthesystem", "fuck the system")]
    [InlineData("therapist", "therapist")] // one word beats "the rapist"
    [InlineData("expertsexchange", "experts exchange")] // fewer words win
    [InlineData("gazza", "gazza")] // "g azz a" leaves single letters unexplained: no split
    [InlineData("mumofboys", "mum of boys")]
    [InlineData("cat", "cat")] // too short to split
    public void Run_together_words_are_split_into_known_words(string run, string expected)
    {
        string.Join(' ', Segmenter.Split(run)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("sh1tposting", "shitposting")]
    [InlineData("n0rthern_b0y", "northern_boy")]
    [InlineData("Ashw0rthGreenPS", "AshworthGreenPS")]
    [InlineData("Year6Leavers", "Year6Leavers")] // 6 stands for no letter
    [InlineData("jenny48392017", "jenny48392017")] // digits at the end are digits
    public void Leetspeak_between_letters_is_undone(string handle, string expected)
    {
        ProfileText.UndoLeetBetweenLetters(handle).ShouldBe(expected);
    }

    [Fact]
    public void Keyword_list_matches_whole_words_masked_letters_and_conjunctions()
    {
        var list = new KeywordList(["onlyfans", "leaks & telegram", "OF | case: exact", "1488"], matchRunTogether: true);

        list.Find("my OnlyF*ns is free").ShouldBe(["onlyfans"]);
        list.Find("0nlyf4ns babe").ShouldBe(["onlyfans"]);
        list.Find("o.n.l.y f.a.n.s").ShouldBe(["onlyfans"]);
        list.Find("The only fans we sell are for the fair").ShouldBeEmpty(); // ordinary words are not letters spelt out
        list.Find("free leaks, join our Telegram").ShouldBe(["leaks & telegram"]);
        list.Find("We fix leaks fast").ShouldBeEmpty();
        list.Find("my OF link").ShouldBe(["OF"]);
        list.Find("my of link").ShouldBeEmpty();
        list.Find("PROUD MEMBER OF THE PTA").ShouldBeEmpty();
        list.Find("wolf 1488").ShouldBe(["1488"]);
        list.Find("call 01422 148812").ShouldBeEmpty();
        list.Find("iabb").ShouldBeEmpty(); // a numeric code is not read through leetspeak
    }

    [Fact]
    public void Plurals_are_matched_only_for_longer_entries_when_asked()
    {
        var entries = new[] { FollowerListEntry.Parse("school visit"), FollowerListEntry.Parse("stem") };
        new KeywordList(entries, matchRunTogether: false, matchPlurals: true).Find("School visits and stems").ShouldBe(["school visit"]);
        new KeywordList(entries, matchRunTogether: false).Find("School visits").ShouldBeEmpty();
    }

    [Fact]
    public void List_entry_reads_term_kind_fields_and_examples()
    {
        var entry = FollowerListEntry.Parse("88 | context | means: \"Heil Hitler\" | catch: WP 88 | pass: Class of 1988 | catch: HH 88");

        entry.Term.ShouldBe("88");
        entry.Kind.ShouldBe("context");
        entry.Field("means").ShouldBe("\"Heil Hitler\"");
        entry.Catch.ShouldBe(["WP 88", "HH 88"]);
        entry.Pass.ShouldBe(["Class of 1988"]);
        FollowerListEntry.Parse("bare term").Kind.ShouldBeNull();
    }

    [Theory]
    [InlineData("ashworthgrenps", "ashworthgreenps", true)]
    [InlineData("ashworthgreenps", "ashworthgreenps", true)]
    [InlineData("ashworthgrangeps", "ashworthgreenps", false)]
    [InlineData("stmarysrc", "stmarysce", false)]
    public void Near_allows_a_small_edit_distance_scaled_to_length(string candidate, string target, bool near)
    {
        ImpersonationCheck.Near(candidate, target).ShouldBe(near);
    }

    [Fact]
    public void Edit_distance_counts_a_swap_of_neighbours_once()
    {
        ImpersonationCheck.EditDistance("ashwroth", "ashworth").ShouldBe(1);
        ImpersonationCheck.EditDistance("green", "gren").ShouldBe(1);
    }
}
