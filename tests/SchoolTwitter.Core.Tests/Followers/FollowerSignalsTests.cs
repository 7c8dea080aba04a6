using SchoolTwitter.Core.Followers;
using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Tests.Followers;

/// <summary>The signals of issue 14, one by one, on whole profiles.</summary>
public class FollowerSignalsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private static readonly LexiconSet Lexicons = LexiconSet.Load();
    private static readonly SchoolIdentity School = SchoolIdentity.From("Ashworth Green Primary School", "AshworthGreenPS", "Ashworth Green Primary; Ashworth Green; AGPS", "https://ashworthgreen.example.org");
    private static readonly FollowerAssessor Assessor = new(new OffensiveLanguage(Lexicons), FollowerKeywords.From(Lexicons), School);

    private static FollowerAssessment Assess(string handle, string name, string? bio, int ageDays = 900, string? url = null,
        int followers = 300, int following = 250, bool egg = false, IReadOnlySet<string>? approved = null) =>
        Assessor.Assess(new FollowerProfile("1", handle, name, bio, url, "Halifax", Now.AddDays(-ageDays), followers, following, 1200, egg), Now, approved);

    private static FollowerReason Reason(FollowerAssessment a, string code) => a.Reasons.Single(r => r.Code == code);

    // ---- Impersonation ----

    [Theory]
    [InlineData("AshworthGreenPS_", "Ashworth Green Primary School", "Official account of the school.")] // look-alike handle
    [InlineData("AshworthGrenPS", "Ashworth Gren Primary", "Welcome to our school page!")] // misspelt
    [InlineData("Ashw0rthGreenPS", "\u0391shworth Green Primary School", "Updates for parents.")] // leetspeak, Greek Alpha
    [InlineData("AshworthGreenOffcl", "Ashworth Green Primary \u2705", "DM us for admissions.")] // claims to be official
    public void A_new_account_that_passes_itself_off_as_the_school_is_suggested_for_block(string handle, string name, string bio)
    {
        var result = Assess(handle, name, bio, ageDays: 5);

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        Reason(result, FollowerReasonCodes.Impersonation).Weight.ShouldBe(FollowerAssessor.Decisive);
    }

    [Fact]
    public void An_official_school_giveaway_is_an_impersonation_with_a_prize()
    {
        var result = Assess("AshworthGreenWin", "Ashworth Green Primary Giveaway", "Win a free iPad for your child! DM your details to claim.", ageDays: 4);

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        Reason(result, FollowerReasonCodes.Impersonation).Message.ShouldContain("giveaway");
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.FakeGiveaway);
    }

    [Fact]
    public void An_established_account_with_the_schools_name_and_no_claim_is_put_up_for_a_look()
    {
        var result = Assess("AshworthGreen", "Ashworth Green Primary", "Photos from our school.", ageDays: 2000);

        result.Suggestion.ShouldBe(FollowerSuggestion.Review);
        Reason(result, FollowerReasonCodes.Impersonation).Weight.ShouldBe(FollowerAssessor.LookScore);
    }

    [Fact]
    public void The_pta_is_a_linked_account_not_an_impersonator()
    {
        var result = Assess("AshworthGreenPTA", "Friends of Ashworth Green", "Discos and fairs for our children.", ageDays: 2000);

        result.Suggestion.ShouldBe(FollowerSuggestion.Keep);
        result.Reasons.ShouldNotContain(r => r.Code == FollowerReasonCodes.Impersonation);
        result.Evidence.ShouldContain(r => r.Message.Contains("linked to the school"));
    }

    [Fact]
    public void A_new_account_using_the_schools_name_as_a_linked_account_is_put_up_for_a_look()
    {
        var result = Assess("AshworthGreenPTA", "Ashworth Green PTA", "Raffle tickets: send payment by DM.", ageDays: 6);

        result.Suggestion.ShouldBe(FollowerSuggestion.Review);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.UsesSchoolName);
    }

    [Fact]
    public void Another_school_with_a_similar_name_and_the_school_itself_are_not_impersonators()
    {
        Assess("AshworthPrimary", "Ashworth Primary School", "A primary school in Rochdale.").Reasons
            .ShouldNotContain(r => r.Code == FollowerReasonCodes.Impersonation);
        Assess("AshworthGreenPS", "Ashworth Green Primary School", "Our own account.").Reasons
            .ShouldNotContain(r => r.Code == FollowerReasonCodes.Impersonation);
    }

    [Fact]
    public void Without_the_schools_name_in_settings_impersonation_is_reported_as_not_checked()
    {
        var assessor = new FollowerAssessor(new OffensiveLanguage(Lexicons), FollowerKeywords.From(Lexicons));
        var result = assessor.Assess(new FollowerProfile("1", "AshworthGreenPS_", "Ashworth Green Primary School", "Official.", CreatedAt: Now.AddDays(-3)), Now);

        Reason(result, FollowerReasonCodes.CheckedImpersonation).Message.ShouldContain("not checked");
    }

    // ---- Hate codes ----

    [Theory]
    [InlineData("aryan_wolf1488", "Wolf", "Proud. Loyal.")]
    [InlineData("england_first", "England First", "14 words. Defend the West.")]
    [InlineData("noticer", "The Noticer", "Noticing (((who))) runs the media.")]
    [InlineData("dave_uk", "Dave", "WP. 88. Free speech warrior.")] // two codes with innocent uses, together
    public void Hate_codes_suggest_block(string handle, string name, string bio)
    {
        var result = Assess(handle, name, bio);

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        Reason(result, FollowerReasonCodes.HateCode).Weight.ShouldBe(FollowerAssessor.Decisive);
    }

    [Fact]
    public void A_single_code_with_innocent_uses_asks_for_a_look_and_says_why()
    {
        var result = Assess("northern_lass_88", "Jo", "Yorkshire born and bred. Mum to a Year 2.");

        var hate = Reason(result, FollowerReasonCodes.HateCode);
        hate.Weight.ShouldBe(FollowerAssessor.LookScore);
        hate.Message.ShouldContain("innocent uses");
        result.Suggestion.ShouldBe(FollowerSuggestion.Review);
    }

    [Fact]
    public void A_birth_year_is_not_a_hate_code()
    {
        Assess("jason_1988", "Jason", "Bradford lad.").Reasons.ShouldNotContain(r => r.Code == FollowerReasonCodes.HateCode);
    }

    // ---- Adult content ----

    [Theory]
    [InlineData("\U0001F351\U0001F4A6\U0001F445 \U0001F447")]
    [InlineData("\U0001F975\U0001F51E new content daily")]
    [InlineData("\U0001F608\U0001F346 link below")]
    public void Emoji_that_together_advertise_adult_content_suggest_block(string bio)
    {
        var result = Assess("lily_xo", "Lily", bio);

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.AdultEmoji);
    }

    [Fact]
    public void One_suggestive_emoji_alone_is_not_adult_content()
    {
        Assess("peachfarm", "Peach Farm", "\U0001F351 Fresh peaches at the farm shop").Reasons
            .ShouldNotContain(r => r.Code == FollowerReasonCodes.AdultEmoji);
    }

    [Fact]
    public void A_gambling_responsibility_slogan_is_read_as_gambling_not_adult_content()
    {
        var result = Assess("PennineBets", "Pennine Bets", "Free bet for new customers. 18+ BeGambleAware. When the fun stops, stop.");

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.Gambling);
        result.Reasons.ShouldNotContain(r => r.Code == FollowerReasonCodes.AdultKeyword || r.Code == FollowerReasonCodes.AdultEmoji);
        result.Reasons.ShouldNotContain(r => r.Code == FollowerReasonCodes.AgeRestricted); // gambling says more
    }

    [Fact]
    public void Follower_seller_is_suggested_for_block()
    {
        var result = Assess("GrowWithJay", "Jay", "Real followers & likes from \u00a35. DM for prices.");

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.FollowerSelling);
    }

    [Fact]
    public void Crypto_scam_signs_suggest_block_where_crypto_alone_asks_for_a_look()
    {
        Assess("amara", "Amara", "Turn \u00a3250 into \u00a35,000. Guaranteed returns.").Suggestion.ShouldBe(FollowerSuggestion.Block);
        var enthusiast = Assess("btc_dad", "Dave", "Bitcoin since 2016. Dad to a Year 2.");
        enthusiast.Suggestion.ShouldBe(FollowerSuggestion.Review);
        enthusiast.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.Crypto);
    }

    [Fact]
    public void Drug_emoji_with_a_word_of_selling_suggest_block_but_a_garden_does_not()
    {
        Assess("plug", "Plug", "\U0001F343\u2744\ufe0f\U0001F48A delivery Halifax").Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.Drugs);
        Assess("garden", "Community Garden", "\U0001F33F\U0001F343 Growing sessions, free delivery of compost").Reasons
            .ShouldNotContain(r => r.Code == FollowerReasonCodes.Drugs);
    }

    // ---- Grooming risk and attacks on schools ----

    [Fact]
    public void An_adult_seeking_private_contact_with_children_is_suggested_for_block_with_ceop_advice()
    {
        var result = Assess("gamerdude_34", "Mike", "34. Looking for young friends 10-14, add me on Discord or DM me");

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        Reason(result, FollowerReasonCodes.GroomingRisk).Message.ShouldContain("CEOP");
    }

    [Fact]
    public void Dm_me_aimed_at_parents_of_young_children_asks_for_a_look()
    {
        var result = Assess("sitter", "Jen", "Experienced babysitter. DM me if you need a sitter for your little ones!");

        result.Suggestion.ShouldBe(FollowerSuggestion.Review);
        Reason(result, FollowerReasonCodes.ContactWithChildren).Weight.ShouldBe(FollowerAssessor.LookScore);
    }

    [Fact]
    public void Look_concerns_add_up_to_a_fuller_picture_not_to_a_block()
    {
        // Contact aimed at parents (3) and commercial (2): five points, but not the signs of a bot.
        var result = Assess("HfxKidsParties", "Kids Parties", "Bouncy castle hire and kids' parties. DM to book!");

        result.Score.ShouldBeGreaterThanOrEqualTo(FollowerAssessor.BlockScore);
        result.Suggestion.ShouldBe(FollowerSuggestion.Review);
    }

    [Theory]
    [InlineData("Teachers are groomers. Get the perverts out of our schools.")]
    [InlineData("Naming and shaming useless teachers in Calderdale.")]
    [InlineData("Ashworth Green Primary is a disgrace. The head is a liar.")]
    public void An_account_attacking_schools_or_staff_is_suggested_for_block_as_such(string bio)
    {
        var result = Assess("expose_them", "Protect Our Kids", bio);

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.AttacksSchool);
    }

    [Theory]
    [InlineData("Mum to three lazy boys \U0001F602 Ashworth Green mum.")]
    [InlineData("Lazy Sunday after a busy school week.")]
    [InlineData("Supporting teachers and school staff.")]
    public void Ordinary_bios_with_an_attacking_word_or_a_school_word_are_not_attacks(string bio)
    {
        Assess("parent", "Kirsty", bio).Reasons.ShouldNotContain(r => r.Code == FollowerReasonCodes.AttacksSchool);
    }

    // ---- Words read in context ----

    [Theory]
    [InlineData("TheCockInnSowerby", "The Cock Inn, Sowerby", "Traditional Yorkshire pub. Quiz night Thursday.")]
    [InlineData("HBLocalHistory", "Local History Society", "Old place names: Cock Hill and Slack Bottom. Talks for schools.")]
    [InlineData("TheOldCockHfx", "The Old Cock", "Historic town-centre pub. Real ale and Sunday roasts.")]
    [InlineData("SexEdForum", "Sex Education Forum", "Quality relationships and sex education.")]
    public void Ordinary_british_accounts_are_not_offensive_and_say_what_was_excused(string handle, string name, string bio)
    {
        var result = Assess(handle, name, bio);

        result.Suggestion.ShouldNotBe(FollowerSuggestion.Block);
        result.Reasons.ShouldNotContain(r => r.Weight >= FollowerAssessor.Decisive);
        Reason(result, FollowerReasonCodes.CheckedLanguage).Message.ShouldContain("Read in context");
    }

    // The checker's own offensive list reads these as innocent (a surname after a title, a book title), so nothing is left to excuse.
    [Theory]
    [InlineData("MrsDykeY3", "Mrs Dyke", "Year 3 teacher. Science lead.")]
    [InlineData("MrCoonMusic", "Mr Coon", "Peripatetic music teacher.")]
    [InlineData("MrTitmusPE", "Mr Titmus", "PE teacher.")] // the handle's word after a title is read whole, not "tit mus"
    [InlineData("ReceptionReads", "Reception Reads", "This week: Naked Mole Rat Gets Dressed!")]
    public void Surnames_and_titles_the_checker_reads_as_innocent_pass_with_nothing_found(string handle, string name, string bio)
    {
        var result = Assess(handle, name, bio);

        result.Suggestion.ShouldNotBe(FollowerSuggestion.Block);
        result.Reasons.ShouldNotContain(r => r.Weight >= FollowerAssessor.Decisive);
        Reason(result, FollowerReasonCodes.CheckedLanguage).Message.ShouldContain("none found");
    }

    [Fact]
    public void A_pub_name_is_excused_only_in_a_pubs_profile()
    {
        Assess("TheBigCock", "The Big Cock", "Here for fun").Suggestion.ShouldBe(FollowerSuggestion.Block);
    }

    [Theory]
    [InlineData("bigcockbrian69", "Brian", "lads lads lads", FollowerReasonCodes.OffensiveHandle)] // run-together handle
    [InlineData("sh1tposting_dan", "Dan", "memes", FollowerReasonCodes.OffensiveHandle)] // leetspeak in the handle
    [InlineData("partyboy", "Jake", "#sexyselfie #hornyaf", FollowerReasonCodes.OffensiveBio)] // run-together hashtags
    [InlineData("northern_boy", "Josh", "f*ck the t3achers", FollowerReasonCodes.OffensiveBio)]
    public void Offensive_words_hidden_in_handles_hashtags_and_leetspeak_are_found(string handle, string name, string bio, string code)
    {
        var result = Assess(handle, name, bio);

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        result.Reasons.ShouldContain(r => r.Code == code);
    }

    [Fact]
    public void Mentions_and_replies_get_the_same_reading_in_context()
    {
        Assessor.FindOffensive("Thank you Mrs Dyke for a lovely trip!").ShouldBeEmpty();
        Assessor.FindOffensive("what a dyke").ShouldNotBeEmpty();
    }

    // ---- Evidence, no visible link, and what was checked ----

    [Theory]
    [InlineData("https://www.calderdale.gov.uk", "Bins and roads.")]
    [InlineData("https://www.nspcc.org.uk", "Every childhood is worth fighting for.")]
    [InlineData("https://ashworthgreen.example.org/news", "News.")] // the school's own website
    public void A_verified_link_is_evidence_and_the_account_is_kept(string url, string bio)
    {
        var result = Assess("someaccount", "Some Account", bio, url: url);

        result.Suggestion.ShouldBe(FollowerSuggestion.Keep);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.VerifiedLink && r.Kind == FollowerReasonKind.Evidence && r.Weight == 0);
    }

    [Fact]
    public void An_approved_follow_is_a_verified_link()
    {
        var result = Assess("HalifaxLibrary", "Halifax Library", "Opening hours and events.", approved: new HashSet<string> { "halifaxlibrary" });

        Reason(result, FollowerReasonCodes.VerifiedLink).Message.ShouldContain("approved follows");
        result.Suggestion.ShouldBe(FollowerSuggestion.Keep);
    }

    [Fact]
    public void Evidence_is_shown_but_never_hides_a_red_flag()
    {
        var result = Assess("teacher_lucy48291", "Lucy", "Primary teacher", ageDays: 3, followers: 5, following: 3500, egg: true, url: "https://www.calderdale.gov.uk");

        result.Suggestion.ShouldBe(FollowerSuggestion.Block);
        result.Evidence.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("Teacher")]
    [InlineData("school")]
    [InlineData("I love learning and education")]
    public void One_bare_word_buys_no_keep(string bio)
    {
        var result = Assess("someone", "Someone", bio);

        result.Suggestion.ShouldBe(FollowerSuggestion.Review);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.NoVisibleLink);
    }

    [Theory]
    [InlineData("Mum of two, Year 3 and Reception.")] // a parent naming the year groups
    [InlineData("Proud Ashworth Green parent.")] // the school's name
    [InlineData("News from Brookfoot Primary, Brighouse.")] // a named school
    [InlineData("Children's author. School visits across Calderdale.")]
    public void A_described_link_is_evidence_not_verified(string bio)
    {
        var result = Assess("someone", "Someone", bio);

        result.Suggestion.ShouldBe(FollowerSuggestion.Keep);
        Reason(result, FollowerReasonCodes.EducationalLink).Message.ShouldContain("not verified");
    }

    [Fact]
    public void A_personal_account_with_no_visible_link_is_put_up_for_a_look_with_that_reason()
    {
        var result = Assess("LauraB_Halifax", "Laura B", "Halifax. Nurse. Tea.");

        result.Suggestion.ShouldBe(FollowerSuggestion.Review);
        var reason = Reason(result, FollowerReasonCodes.NoVisibleLink);
        reason.Message.ShouldContain("adds any value");
        reason.Weight.ShouldBe(0);
        result.Score.ShouldBe(0);
    }

    [Fact]
    public void A_kept_account_lists_what_was_checked_and_found_nothing()
    {
        var result = Assess("StMarysCE", "St Mary's CE Primary", "A primary school in Halifax.", url: "https://stmarys.calderdale.sch.uk");

        result.Suggestion.ShouldBe(FollowerSuggestion.Keep);
        result.Reasons.Select(r => r.Code).ShouldBe(
            [FollowerReasonCodes.CheckedLanguage, FollowerReasonCodes.CheckedImpersonation, FollowerReasonCodes.VerifiedLink,
             FollowerReasonCodes.EducationalLink, FollowerReasonCodes.EducationalLink, FollowerReasonCodes.CheckedSignals], ignoreOrder: true);
        Reason(result, FollowerReasonCodes.CheckedSignals).Message.ShouldContain("hate codes");
        result.Reasons.Where(r => r.Kind == FollowerReasonKind.Checked).ShouldAllBe(r => r.Weight == 0);
    }

    [Fact]
    public void A_short_link_that_was_not_expanded_is_said_to_be_unchecked()
    {
        Reason(Assess("someone", "Someone", "Hello.", url: "https://t.co/abc123"), FollowerReasonCodes.NoVisibleLink).Message.ShouldContain("t.co");
    }

    [Theory]
    [InlineData("11. Year 6. Slime and Roblox")]
    [InlineData("I'm 10 and I love football")]
    [InlineData("age 9, gamer")]
    public void A_childs_own_account_is_a_safeguarding_question(string bio)
    {
        var result = Assess("lily_2013", "Lily", bio);

        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.ChildAccount);
        result.Suggestion.ShouldBe(FollowerSuggestion.Review);
    }

    [Theory]
    [InlineData("Football for boys and girls aged 8 to 12")]
    [InlineData("Mum of 3, aged 10 months to 6")]
    public void An_age_range_is_not_a_childs_account(string bio)
    {
        Assess("club", "Club", bio).Reasons.ShouldNotContain(r => r.Code == FollowerReasonCodes.ChildAccount);
    }

    [Fact]
    public void Political_accounts_ask_for_a_look_even_with_a_verified_link()
    {
        var result = Assess("MPOffice", "Office of the MP", "Member of Parliament for Halifax.", url: "https://members.parliament.uk");

        result.Suggestion.ShouldBe(FollowerSuggestion.Review);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.Political);
        result.Reasons.ShouldContain(r => r.Code == FollowerReasonCodes.VerifiedLink);
    }

    [Fact]
    public void Clinical_words_ask_for_a_look_not_a_block()
    {
        // A school's extension list marks a formal word as clinical (the built-in list may or may not have any).
        var dir = Directory.CreateTempSubdirectory("follower-clinical-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "offensive.txt"), "scrotum | clinical\n");
            var lexicons = LexiconSet.Load(dir.FullName);
            var assessor = new FollowerAssessor(new OffensiveLanguage(lexicons), FollowerKeywords.From(lexicons), School);
            var result = assessor.Assess(new FollowerProfile("1", "gpsurgery", "Doctor Sam", "GP. Scrotum health talks for men's groups.",
                CreatedAt: Now.AddDays(-900), FollowersCount: 300, FollowingCount: 250), Now);

            result.Suggestion.ShouldBe(FollowerSuggestion.Review);
            Reason(result, FollowerReasonCodes.ClinicalLanguage).Weight.ShouldBe(FollowerAssessor.ReviewScore);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
