using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using SchoolTwitter.Functions.Page;
using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Integration.Tests.Platform;
using SchoolTwitter.Testing.Azurite;
using static SchoolTwitter.Integration.Tests.Protection.ProtectionKit;

namespace SchoolTwitter.Integration.Tests.Protection;

/// <summary>
/// The SLT page marks a pupil and confirms the take-down through the same function classes as the HTTP API, behind the page's
/// sign-in and cross-site guard (issue 13: "on the SLT page").
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PageProtectionTests(AzuriteFixture azurite) : DraftKitTests(azurite)
{
    [Fact]
    public async Task From_the_page_an_slt_member_marks_a_pupil_sees_the_case_and_one_confirmation_takes_the_posts_down()
    {
        var pupil = NewPupil();
        await AddToRosterAsync(Kit, pupil);
        var post = await SeedPostAsync(Kit, "Book week parade.", DateTimeOffset.UtcNow.AddDays(-3), [pupil.Id], "Pupils in costumes");

        var opened = await CallAsync(nameof(PageProtection.Mark), "POST", $"/api/page/pupils/{pupil.Id}/protection", new JsonObject { ["reason"] = "Court order" }, ("id", pupil.Id));
        opened.Status.ShouldBe(201);
        var caseId = opened.Str("id");
        opened.Body!.ToJsonString().ShouldNotContain("Court order");
        opened.Body!.ToJsonString().ShouldNotContain(pupil.FirstName);

        var listed = await CallAsync(nameof(PageProtection.Cases), "GET", "/api/page/protection", null);
        listed.Status.ShouldBe(200);
        listed.Body!.AsArray().ShouldContain(c => c!["id"]!.GetValue<string>() == caseId);

        var confirmed = await CallAsync(nameof(PageProtection.Confirm), "POST", $"/api/page/protection/{caseId}/confirmation", new JsonObject(), ("id", caseId));
        confirmed.Status.ShouldBe(200);
        confirmed.Body!["removed"]!.GetValue<int>().ShouldBe(1);
        Kit.Host.X.LivePosts().ShouldNotContain(p => p.Id == post.Id);
    }

    [Fact]
    public async Task A_change_without_the_pages_header_is_refused_and_nothing_is_marked()
    {
        var pupil = NewPupil();
        await AddToRosterAsync(Kit, pupil);

        var refused = await CallAsync(nameof(PageProtection.Mark), "POST", $"/api/page/pupils/{pupil.Id}/protection", new JsonObject { ["reason"] = "Placement" },
            ("id", pupil.Id), pageHeader: false);

        refused.Status.ShouldBe(403);
        var listed = await CallAsync(nameof(PageProtection.Cases), "GET", "/api/page/protection", null);
        listed.Body!.AsArray().ShouldNotContain(c => c!["pupilId"]!.GetValue<string>() == pupil.Id);
    }

    private async Task<Reply> CallAsync(string method, string verb, string path, JsonObject? body, (string Name, string Value)? route = null, bool pageHeader = true)
    {
        var headers = DraftTestKit.Principal(Slt, "SLT");
        if (pageHeader) headers[CrossSiteRequestGuard.HeaderName] = CrossSiteRequestGuard.HeaderValue;
        var request = DraftTestKit.Request(verb, path, body is null ? [] : Encoding.UTF8.GetBytes(body.ToJsonString()), headers: headers);
        var function = typeof(PageProtection).GetMethod(method, BindingFlags.Public | BindingFlags.Instance)!;
        return Reply.From(await HttpFunctions.InvokeAsync(function, Kit.Host.Services, request, route is { } r ? [r] : []));
    }
}
