using System.Reflection;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Page;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Functions.Page;

namespace SchoolTwitter.Integration.Tests.Page;

/// <summary>What a head teacher reads: every state and every rule has plain words, so a new one cannot reach the page as a raw id.</summary>
public sealed class PlainWordsTests
{
    public static TheoryData<string> Rules()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)) data.Add((string)field.GetValue(null)!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_rule_has_its_own_explanation(string rule)
    {
        var words = PlainWords.Rule(rule);
        words.ShouldNotBe(PlainWords.Rule("no-such-rule"), $"rule {rule} needs a plain-English explanation in PlainWords.Rule");
        words.ShouldNotContain(rule.Contains('-') ? rule : "\u0000");
    }

    [Fact]
    public void Every_state_has_plain_words_without_its_wire_name()
    {
        foreach (var status in Enum.GetValues<DraftStatus>())
        {
            PlainWords.State(status).ShouldNotBe("Unknown");
            PlainWords.State(status).ShouldNotContain(status.ToWire().Contains('-') ? status.ToWire() : "\u0000");
            PlainWords.Tone(status).ShouldBeOneOf("good", "waiting", "attention", "stopped");
        }
    }

    [Theory]
    [InlineData("https://pbs.twimg.com/profile_images/1/photo_normal.jpg", true)]
    [InlineData("https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png", true)]
    [InlineData("http://pbs.twimg.com/profile_images/1/photo_normal.jpg", false)]
    [InlineData("https://pbs.twimg.com.attacker.example/x.jpg", false)]
    [InlineData("https://pbs.twimg.com:8443/x.jpg", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:image/png;base64,AAAA", false)]
    public void Only_profile_pictures_from_xs_own_image_hosts_are_shown(string url, bool shown) =>
        (PageAnswers.Picture(url) is not null).ShouldBe(shown);
}
