using SchoolTwitter.Core.Followers;
using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Tests.Followers;

public class FollowerAssessorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private static readonly LexiconSet Lexicons = LexiconSet.Load();
    private static readonly FollowerAssessor Assessor = new(new OffensiveLanguage(Lexicons), FollowerKeywords.From(Lexicons));

    private static FollowerProfile Profile(
        string handle, string name, string? bio, int ageDays = 900, int followers = 300, int following = 250,
        bool defaultAvatar = false, string? url = null) =>
        new(Guid.NewGuid().ToString("N"), handle, name, bio, url, "Yorkshire", Now.AddDays(-ageDays), followers, following, 1200, defaultAvatar);

    [Fact]
    public void Follower_lexicons_are_loaded_through_the_lexicon_set()
    {
        foreach (var list in new[] { FollowerKeywords.AdultList, FollowerKeywords.CommercialList, FollowerKeywords.SpamList,
                     FollowerKeywords.EducationalList, FollowerKeywords.InnocentNamesList })
        {
            Lexicons.Entries(list).ShouldNotBeEmpty(list);
        }
    }

    [Fact]
    public void Local_childrens_author_is_kept_with_an_educational_reason()
    {
        var author = Profile("JaneMossWrites", "Jane Moss",
            "Children's author of the Puddle Lane books. School visits across Calderdale. Buy signed copies at the Hebden Bookshop.",
            url: "https://janemossbooks.co.uk");

        var result = Assessor.Assess(author, Now);

        result.Suggestion.ShouldBe(FollowerSuggestion.Keep);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.EducationalLink);
        result.Reasons.ShouldNotContain(r => r.Weight >= FollowerAssessor.Decisive);
    }

    [Fact]
    public void Author_called_dick_king_smith_fan_page_is_not_offensive()
    {
        var fan = Profile("SheepPigFans", "Dick King-Smith Society", "Celebrating the author of The Sheep-Pig. Readings for schools and libraries.");

        var result = Assessor.Assess(fan, Now);

        result.Suggestion.ShouldBe(FollowerSuggestion.Keep);
        result.Reasons.ShouldNotContain(r => r.Code == FollowerReasonCodes.OffensiveName);
    }

    [Fact]
    public void Council_department_with_default_avatar_is_kept()
    {
        var highways = Profile("CalderdaleHighways", "Calderdale Council Highways",
            "Roads, gritting and school crossing patrols. Not monitored 24/7. Report a pothole at calderdale.gov.uk",
            defaultAvatar: true, url: "https://www.calderdale.gov.uk");

        var result = Assessor.Assess(highways, Now);

        result.Suggestion.ShouldBe(FollowerSuggestion.Keep);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.DefaultAvatar);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.EducationalLink);
    }

    [Fact]
    public void Panto_account_named_dick_whittington_is_not_flagged_as_offensive()
    {
        var panto = Profile("HalifaxPanto", "Dick Whittington at the Victoria Theatre",
            "Oh yes it is! Dick Whittington and his cat, 5-31 December. Schools matinees with BSL interpretation.");

        var result = Assessor.Assess(panto, Now);

        result.Suggestion.ShouldBe(FollowerSuggestion.Keep);
        result.Reasons.ShouldNotContain(r => r.Code == FollowerReasonCodes.OffensiveName);
        result.Reasons.ShouldNotContain(r => r.Code == FollowerReasonCodes.OffensiveBio);
    }

    [Theory]
    [InlineData("Moby Dick read-along at the library every Saturday.")]
    [InlineData("School cook. Friday pudding is spotted dick and custard!")]
    [InlineData("Local history group: Dick Turpin's ride through Yorkshire, talks for schools.")]
    public void Innocent_names_containing_a_listed_word_are_not_offensive(string bio)
    {
        var result = Assessor.Assess(Profile("LocalReaders", "Local Readers", bio), Now);

        result.Reasons.ShouldNotContain(r => r.Code == FollowerReasonCodes.OffensiveBio);
        result.Suggestion.ShouldBe(FollowerSuggestion.Keep);
    }

    [Fact]
    public void The_same_word_outside_an_innocent_name_is_still_offensive()
    {
        var result = Assessor.Assess(Profile("LocalReaders", "Local Readers", "what a dick, spotted dick is better"), Now);

        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.OffensiveBio);
        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
    }

    [Fact]
    public void Adult_account_with_homoglyph_zero_width_and_leet_bio_is_suggested_for_block()
    {
        // Cyrillic "о" and "а", a zero-width space inside the word, and digits for letters.
        var bio = "Fun g\u0456rl \U0001F51E s\u0440icy c\u043Entent \u2192 my 0nly\u200BF4ns, l\u0456nk in b\u0456o f\u043Er m\u043Ere";
        var adult = Profile("sweetlily_xo", "Lily \U0001F48B", bio, ageDays: 12, followers: 40, following: 2100);

        var result = Assessor.Assess(adult, Now);

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.AdultKeyword);
    }

    [Fact]
    public void Adult_keyword_spelt_with_separators_is_found()
    {
        var result = Assessor.Assess(Profile("lila", "Lila", "new pics on o.n.l.y.f.a.n.s"), Now);

        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.AdultKeyword);
        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
    }

    [Fact]
    public void Sexual_word_in_the_name_disguised_with_a_zero_width_space_and_a_cyrillic_letter_is_suggested_for_block()
    {
        var result = Assessor.Assess(Profile("xyz_abc", "Lily \u2022 h\u200B\u043Erny 24/7", "Just here for the vibes"), Now);

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.OffensiveName);
    }

    [Fact]
    public void Offensive_word_hidden_in_a_camel_case_handle_is_found()
    {
        var result = Assessor.Assess(Profile("BigFuckingDeals", "Deals", "Best prices"), Now);

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.OffensiveHandle);
    }

    [Fact]
    public void Spam_bot_is_suggested_for_block_with_each_signal_as_a_reason()
    {
        var bot = Profile("jenny48392017", "Jenny", bio: null, ageDays: 3, followers: 12, following: 4800, defaultAvatar: true);

        var result = Assessor.Assess(bot, Now);

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        result.Reasons.Where(r => r.Weight > 0).Select(r => r.Code).ShouldBe(
            [FollowerReasonCodes.DefaultAvatar, FollowerReasonCodes.EmptyBio, FollowerReasonCodes.NewAccount,
             FollowerReasonCodes.FollowRatio, FollowerReasonCodes.DigitRunHandle], ignoreOrder: true);
        result.Reasons.Single(r => r.Code == FollowerReasonCodes.FollowRatio).Message.ShouldContain("4,800");
    }

    [Fact] // Issue 14: crypto promotion is a signal of its own (it was one of the commercial keywords).
    public void Crypto_promoter_is_put_up_for_review()
    {
        var promoter = Profile("CoinKingUK", "Coin King", "Crypto and forex trading signals. Financial freedom starts today!");

        var result = Assessor.Assess(promoter, Now);

        result.Suggestion.ShouldBe(FollowerSuggestion.Review);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.Crypto);
    }

    [Fact]
    public void Follow_back_spam_with_a_new_account_is_suggested_for_block()
    {
        var result = Assessor.Assess(Profile("growfast", "Grow Fast", "100% follow back! DM me for promo", ageDays: 5), Now);

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.SpamKeyword);
    }

    [Fact]
    public void Parent_with_default_avatar_and_empty_bio_is_put_up_for_review_not_block()
    {
        var result = Assessor.Assess(Profile("sarah_h", "Sarah H", null, defaultAvatar: true), Now);

        result.Suggestion.ShouldBe(FollowerSuggestion.Review);
        result.Score.ShouldBe(2);
    }

    [Fact]
    public void Educational_words_never_outweigh_adult_content()
    {
        // Issue 14: the bare words "teacher" and "school" are no longer evidence of a link (one word must not buy a keep).
        var result = Assessor.Assess(Profile("teacherxx", "Naughty teacher", "School's out \U0001F609 NSFW 18+ only"), Now);

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.AdultKeyword);
        result.Reasons.ShouldNotContain(r => r.Kind == FollowerReasonKind.Evidence);
    }

    [Fact]
    public void Keyword_inside_another_word_is_not_matched()
    {
        // "nft" inside "infant", "slots" inside "timeslots", "xxx" nowhere as a word.
        var result = Assessor.Assess(Profile("StMaryInfants", "St Mary's Infants", "Infant school. Booking timeslots for parents' evening."), Now);

        result.Reasons.ShouldNotContain(r => r.Code == FollowerReasonCodes.CommercialKeyword);
        result.Suggestion.ShouldBe(FollowerSuggestion.Keep);
    }

    [Fact]
    public void Account_four_weeks_old_counts_less_than_one_a_few_days_old()
    {
        Assessor.Assess(Profile("a", "Ann", "Mum of two", ageDays: 20), Now).Reasons
            .Single(r => r.Code == FollowerReasonCodes.NewAccount).Weight.ShouldBe(1);
        Assessor.Assess(Profile("b", "Bea", "Mum of two", ageDays: 2), Now).Reasons
            .Single(r => r.Code == FollowerReasonCodes.NewAccount).Weight.ShouldBe(2);
        Assessor.Assess(Profile("c", "Cal", "Mum of two", ageDays: 31), Now).Reasons
            .ShouldNotContain(r => r.Code == FollowerReasonCodes.NewAccount);
    }

    [Theory]
    [InlineData("jenny48392017", 8)]
    [InlineData("class2026", 4)]
    [InlineData("Year6Leavers", 1)]
    [InlineData("nodigits", 0)]
    public void Longest_digit_run_is_measured(string handle, int expected)
    {
        FollowerAssessor.LongestDigitRun(handle).ShouldBe(expected);
    }

    [Theory]
    [InlineData("BigFuckingDeals", "Big Fucking Deals")]
    [InlineData("hot_babe69xx", "hot babe 69 xx")]
    [InlineData("@Year6Leavers", "Year 6 Leavers")]
    public void Handles_are_split_into_words(string handle, string expected)
    {
        FollowerAssessor.HandleWords(handle).ShouldBe(expected);
    }
}
