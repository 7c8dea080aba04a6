using Microsoft.AspNetCore.Mvc;
using SchoolTwitter.Application.History;
using SchoolTwitter.Functions.History;
using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Testing.Azurite;
using static SchoolTwitter.Integration.Tests.Protection.ProtectionKit;

namespace SchoolTwitter.Integration.Tests.Protection;

/// <summary>The history audit of the live account (issue 13): its cost first, then today's code over every post the timeline serves.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HistoryAuditTests(AzuriteFixture azurite) : DraftKitTests(azurite)
{
    [Fact]
    public async Task The_slt_page_shows_the_read_cost_before_reading_then_the_report_of_exactly_the_breaching_posts()
    {
        var pupil = NewPupil();
        var withdrawn = NewPupil();
        await AddToRosterAsync(Kit, pupil, withdrawn);
        var x = Kit.Host.X;
        var breaches = new HashSet<string>();
        var start = DateTimeOffset.UtcNow.AddDays(-300);
        for (var i = 0; i < 250; i++)
        {
            var at = start.AddDays(i);
            if (i % 50 == 3) breaches.Add(x.AddPost($"What a gr8 day lol ({i})", createdAt: at).Id);
            else if (i % 50 == 17) breaches.Add(x.AddPostWithPictures("Forest school today.", [$"{pupil.FirstName} building a den"], at).Id);
            else if (i == 101) breaches.Add((await SeedPostAsync(Kit, "Harvest festival.", at, [withdrawn.Id], "Pupils with baskets")).Id);
            else if (i % 7 == 0) x.AddPostWithPictures("Sports day was a great success.", ["Children on the field"], at);
            else x.AddPost("Fish & chips for lunch on Friday.", createdAt: at);
        }
        await AddToRosterAsync(Kit, withdrawn with { PhotoConsent = false });
        var timeline = $"/2/users/{x.AccountId}/tweets";

        var cost = await CallAsync("");

        cost.Status.ShouldBe(200);
        cost.Body!["postsOnAccount"]!.GetValue<int>().ShouldBe(250);
        cost.Body["requests"]!.GetValue<int>().ShouldBe(3);
        cost.Str("cost").ShouldContain("3 requests");
        x.RequestCount("GET", timeline).ShouldBe(0, "the cost is given before any post is read");

        var page = await Kit.CallAsync<GetHistoryAudit>(DraftTestKit.Request("GET", "/api/history-audit", [], query: "?confirm=true&format=csv",
            headers: DraftTestKit.Principal(Slt, "SLT")));

        var csv = page.ShouldBeOfType<ContentResult>();
        csv.ContentType.ShouldStartWith("text/csv");
        var rows = csv.Content!.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        rows.Select(r => r.Split(',')[0]).ToHashSet().ShouldBe(breaches, ignoreOrder: true);
        rows.ShouldContain(r => r.Contains(",pupil-name,block,"), "the alt text names a pupil beside the picture");
        rows.ShouldContain(r => r.Contains(",photo-consent,block,"), "the post record says it pictured a pupil who has no consent today");
        x.RequestCount("GET", timeline).ShouldBe(3);
    }

    [Fact]
    public async Task A_wrong_format_or_confirm_is_a_400_naming_the_field()
    {
        (await CallAsync("?format=pdf")).Str("detail").ShouldStartWith("format:");
        (await CallAsync("?confirm=yes")).Str("detail").ShouldStartWith("confirm:");
        HistoryCost.For(5_000).Describe().ShouldContain("latest 3,200");
        HistoryCost.For(5_000).Requests.ShouldBe(32);
    }

    private async Task<Reply> CallAsync(string query) =>
        Reply.From(await Kit.CallAsync<GetHistoryAudit>(DraftTestKit.Request("GET", "/api/history-audit", [], query: query,
            headers: DraftTestKit.Principal(Slt, "SLT"))));
}
