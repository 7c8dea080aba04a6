using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Notifications;

namespace SchoolTwitter.Integration.Tests.Notifications;

/// <summary>The one link builder: where each place on the SLT page is, and where the base address comes from.</summary>
public sealed class SltPageLinksTests
{
    [Theory]
    [InlineData("https://stw.example", "https://stw.example/api/page#followers")]
    [InlineData("https://stw.example/", "https://stw.example/api/page#followers")]
    [InlineData("http://127.0.0.1:7071", "http://127.0.0.1:7071/api/page#followers")]
    [InlineData("https://council.example/schools/oakfield", "https://council.example/schools/oakfield/api/page#followers")]
    public void A_section_is_the_page_and_its_name(string baseUrl, string expected) =>
        SltPageLinks.WithBaseUrl(baseUrl).For(PagePlace.Followers)!.AbsoluteUri.ShouldBe(expected);

    [Fact]
    public void An_item_follows_its_section_escaped()
    {
        var links = SltPageLinks.WithBaseUrl("https://stw.example");
        links.For(PagePlace.Draft("0123456789abcdef0123456789abcdef"))!.AbsoluteUri.ShouldBe("https://stw.example/api/page#drafts/0123456789abcdef0123456789abcdef");
        links.For(PagePlace.Draft("a b/c#d"))!.AbsoluteUri.ShouldBe("https://stw.example/api/page#drafts/a%20b%2Fc%23d");
        links.Page!.AbsoluteUri.ShouldBe("https://stw.example/api/page");
    }

    [Fact]
    public void Every_section_of_the_page_has_an_address()
    {
        var links = SltPageLinks.WithBaseUrl("https://stw.example");
        PagePlace.Sections.Select(p => links.For(p)!.Fragment).ShouldBe(
            ["#drafts", "#followers", "#moderation", "#follow-policy", "#credentials", "#roster", "#protection", "#members", "#audit"]);
    }

    [Fact]
    public void Without_a_base_address_there_are_no_links()
    {
        var links = SltPageLinks.WithBaseUrl(null);
        links.Page.ShouldBeNull();
        links.For(PagePlace.Drafts).ShouldBeNull();
    }

    [Theory]
    [InlineData("stw.example")]
    [InlineData("ftp://stw.example")]
    [InlineData("https://stw.example/?code=secret")]
    [InlineData("https://stw.example/#drafts")]
    [InlineData("https://user:pass@stw.example")]
    public void A_base_address_that_is_not_a_plain_web_address_is_refused(string baseUrl)
    {
        var refused = Should.Throw<ArgumentException>(() => SltPageLinks.WithBaseUrl(baseUrl));
        refused.Message.ShouldContain("SltPage__PublicBaseUrl");
        refused.Message.ShouldNotContain("secret");
        refused.Message.ShouldNotContain("pass@");
    }

    [Fact]
    public void The_apps_own_host_name_is_the_default()
    {
        Links(new() { ["WEBSITE_HOSTNAME"] = "func-stw-oakfield.azurewebsites.net" }).For(PagePlace.Credentials)!.AbsoluteUri
            .ShouldBe("https://func-stw-oakfield.azurewebsites.net/api/page#credentials");
    }

    [Fact]
    public void A_public_base_address_setting_wins_over_the_host_name()
    {
        Links(new() { ["WEBSITE_HOSTNAME"] = "func-stw-oakfield.azurewebsites.net", ["SltPage:PublicBaseUrl"] = "https://tweets.oakfield.example" })
            .For(PagePlace.Credentials)!.AbsoluteUri.ShouldBe("https://tweets.oakfield.example/api/page#credentials");
    }

    [Fact]
    public void A_wrong_setting_names_itself_when_the_app_starts()
    {
        var refused = Should.Throw<OptionsValidationException>(() => Links(new() { ["SltPage:PublicBaseUrl"] = "tweets.oakfield.example" }));
        refused.Message.ShouldContain("SltPage__PublicBaseUrl");
    }

    private static SltPageLinks Links(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddApplication().BuildServiceProvider();
        return services.GetRequiredService<SltPageLinks>();
    }
}
