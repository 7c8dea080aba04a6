using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Tests.Language;

public sealed class OffensiveRuleTests
{
    private static readonly OffensiveLanguage Offensive = new(LanguageChecks.Lexicons);

    [Theory]
    [InlineData("What a shit day.", "shit", "swearing")]
    [InlineData("That was fucking brilliant.", "fucking", "swearing")]
    [InlineData("Stop being a bitch.", "bitch", "swearing")]
    [InlineData("The match was bollocks.", "bollocks", "swearing")]
    [InlineData("He called him a paki.", "paki", "slur")]
    [InlineData("Don't be a retard.", "retard", "slur")]
    [InlineData("Look at this porn.", "porn", "sexual")]
    [InlineData("Some people are sluts.", "sluts", "sexual")]
    [InlineData("He's a motherfucker.", "motherfucker", "swearing")]
    [InlineData("WTF happened at pick-up?", "WTF", "swearing")]
    [InlineData("Don't be a dick about parking.", "dick", "sexual")]
    public void Check_blocks_offensive_words(string text, string word, string description)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Offensive).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Block);
        LanguageChecks.Marked(text, finding).ShouldBe(word);
        finding.Message.ShouldContain(description);
    }

    [Theory]
    [InlineData("What a f*ck up.", "f*ck")]
    [InlineData("What a f**k up.", "f**k")]
    [InlineData("Oh sh*t.", "sh*t")]
    [InlineData("That is sh1t.", "sh1t")]
    [InlineData("That is 5h!t.", "5h!t")]
    [InlineData("Kick his @ss.", "@ss")]
    [InlineData("Kick his a$$.", "a$$")]
    [InlineData("You b1tch.", "b1tch")]
    [InlineData("That is s h i t.", "s h i t")]
    [InlineData("That is s.h.i.t.", "s.h.i.t")]
    [InlineData("That is f-u-c-k-i-n-g rubbish.", "f-u-c-k-i-n-g")]
    [InlineData("That is sh\u200Bit.", "sh\u200Bit")]
    [InlineData("That is \u0455hit.", "\u0455hit")]
    [InlineData("That is SH\u0399T.", "SH\u0399T")]
    [InlineData("That is shiiiiit.", "shiiiiit")]
    [InlineData("That is fuuuuck.", "fuuuuck")]
    [InlineData("That is ｓｈｉｔ.", "ｓｈｉｔ")]
    [InlineData("Such a wh ore.", "wh ore")]
    [InlineData("#shit day", "shit")]
    [InlineData("What a day #ShitDay", "Shit")]
    [InlineData("Thanks @shithead for nothing.", "shithead")]
    [InlineData("What the f*** happened.", "f***")]
    [InlineData("He is such a tw@t.", "tw@t")]
    [InlineData("Some a-hole parked on the zigzags.", "a-hole")]
    [InlineData("You are all b*st*rds.", "b*st*rds")]
    [InlineData("Fvck this.", "Fvck")]
    [InlineData("ƒuck this.", "ƒuck")]
    [InlineData("Fück this.", "Fück")]
    [InlineData("F U C K this.", "F U C K")]
    public void Check_blocks_offensive_words_however_disguised(string text, string marked)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Offensive).ShouldHaveSingleItem();

        LanguageChecks.Marked(text, finding).ShouldBe(marked);
    }

    [Theory]
    [InlineData("Our parents are idiots.", "idiots")]
    [InlineData("The staff are so useless.", "useless")]
    [InlineData("Lazy teachers again.", "Lazy")]
    [InlineData("You are such a loser.", "loser")]
    [InlineData("What a moron.", "moron")]
    [InlineData("Some numpty parked on the zigzags.", "numpty")]
    [InlineData("The referee was pathetic.", "pathetic")]
    [InlineData("They're a bunch of clowns.", "clowns")]
    [InlineData("What a bunch of losers.", "losers")]
    [InlineData("You idiot.", "idiot")]
    public void Check_blocks_insults_aimed_at_people(string text, string word)
    {
        var finding = LanguageChecks.Findings(text, RuleIds.Offensive).ShouldHaveSingleItem();

        LanguageChecks.Marked(text, finding).ShouldBe(word);
        finding.Message.ShouldContain("insults people");
    }

    [Fact]
    public void Check_blocks_offensive_alt_text()
    {
        var draft = LanguageChecks.WithImage("Our choir sang today.", "A shit photo of the choir");

        var finding = LanguageChecks.Checker.Check(draft).Findings.Where(f => f.Rule == RuleIds.Offensive).ShouldHaveSingleItem();

        finding.Message.ShouldContain("alt text of image 1");
        finding.Start.ShouldBeNull();
    }

    [Fact]
    public void Find_works_on_a_follower_bio_and_reports_categories()
    {
        var matches = Offensive.Find("Dad, gamer. f*ck the haters. Parents are idiots");

        matches.Select(m => m.Category).ShouldBe(["profanity", OffensiveLanguage.InsultCategory]);
        matches[0].Term.ShouldBe("fuck");
        matches[1].Term.ShouldBe("idiots");
    }

    [Fact]
    public void Find_returns_nothing_for_a_clean_bio()
    {
        Offensive.Find("Proud parent, Saints fan, Scunthorpe born and bred. Class of 1998.").ShouldBeEmpty();
    }

    [Fact]
    public void Find_copes_with_empty_and_very_long_text()
    {
        Offensive.Find("").ShouldBeEmpty();
        Offensive.Find(new string('a', 50_000)).ShouldBeEmpty();
        Offensive.Find(string.Concat(Enumerable.Repeat("class ", 10_000)) + "shit").ShouldHaveSingleItem().Term.ShouldBe("shit");
    }
}
