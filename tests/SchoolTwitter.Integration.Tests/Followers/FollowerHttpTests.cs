using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Functions.Followers;
using SchoolTwitter.Functions.Http;
using SchoolTwitter.Integration.Tests.Platform;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Followers;

/// <summary>The HTTP triggers called directly with requests as Easy Auth would pass them, real storage and the fake X behind.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FollowerHttpTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 7, 30, 0, TimeSpan.Zero);
    private const string HeadEmail = "head@stmarys.example.sch.uk";

    [Fact]
    public async Task Slt_block_over_http_mutes_and_answers_with_the_profile_link_and_steps()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Monday);
        var bot = FollowerData.Bot(Monday);
        rig.X.SetFollowers([bot], rig.AccountId);
        await rig.Scans.RunScheduledAsync(CancellationToken.None);

        var (status, body) = Json(await Call<DecideFollower>(rig,
            Request(rig, "POST", """{"decision":"block","reason":"Spam bot"}""", Principal(HeadEmail, "SLT")), ("id", bot.Id)));

        status.ShouldBe(200);
        body!["outcome"]!.GetValue<string>().ShouldBe("blocked");
        body["profileLink"]!.GetValue<string>().ShouldBe($"https://x.com/{bot.Username}");
        body["steps"]!.AsArray().Count.ShouldBeGreaterThan(2);
        rig.X.MutedUserIds.ShouldContain(bot.Id);
        (await rig.AuditAsync(bot.Id)).ShouldContain(e => e.Action == "follower.blocked" && e.Actor == HeadEmail && e.Detail == "Spam bot");
    }

    [Fact]
    public async Task Signed_in_non_slt_gets_403_problem_json_and_the_refusal_is_audited()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Monday);
        var bot = FollowerData.Bot(Monday);
        rig.X.SetFollowers([bot], rig.AccountId);
        await rig.Scans.RunScheduledAsync(CancellationToken.None);

        var result = await Call<DecideFollower>(rig,
            Request(rig, "POST", """{"decision":"block","reason":"no"}""", Principal("ta@stmarys.example.sch.uk", "Staff")), ("id", bot.Id));

        result.ShouldBeOfType<ProblemResult>().StatusCode.ShouldBe(403);
        rig.X.MutedUserIds.ShouldBeEmpty();
        (await rig.AuditAsync(bot.Id)).ShouldContain(e => e.Actor == "ta@stmarys.example.sch.uk" && e.Outcome == "refused: not SLT");
    }

    [Fact]
    public async Task Anonymous_review_list_is_refused()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Monday);
        var result = await Call<GetFollowerReview>(rig, Request(rig, "GET", null, null));
        result.ShouldBeOfType<ProblemResult>().StatusCode.ShouldBe(401, "nobody signed in");
    }

    [Fact]
    public async Task Slt_review_list_over_http_has_reasons_counts_and_links()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Monday);
        var bot = FollowerData.Bot(Monday);
        rig.X.SetFollowers([bot, .. FollowerData.Parents(2)], rig.AccountId);
        await rig.Scans.RunScheduledAsync(CancellationToken.None);

        var (status, body) = Json(await Call<GetFollowerReview>(rig, Request(rig, "GET", null, Principal(HeadEmail, "SLT"))));

        status.ShouldBe(200);
        body!["pending"]!.GetValue<int>().ShouldBe(1);
        var item = body["items"]!.AsArray().Single()!;
        item["suggestion"]!.GetValue<string>().ShouldBe("block");
        item["profileLink"]!.GetValue<string>().ShouldBe($"https://x.com/{bot.Username}");
        item["followingCount"]!.GetValue<int>().ShouldBe(4800);
        item["reasons"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).ShouldContain("follow-ratio");
    }

    [Theory]
    [InlineData("""{"handle":"not a handle!","category":"council"}""", "handle")]
    [InlineData("""{"handle":"CalderdaleCncl","category":"nightclub"}""", "category")]
    [InlineData("""{"handle":"CalderdaleCncl","category":"council","colour":"red"}""", "colour")]
    [InlineData("""not json""", "body")]
    public async Task Bad_approved_follow_is_400_naming_the_field(string json, string field)
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Monday);

        var result = await Call<AddApprovedFollow>(rig, Request(rig, "POST", json, Principal(HeadEmail, "SLT")));

        var problem = result.ShouldBeOfType<ProblemResult>();
        problem.StatusCode.ShouldBe(400);
        problem.Problem.Extensions["field"].ShouldBe(field);
    }

    [Fact]
    public async Task Approved_follow_is_added_with_201_removed_with_204_then_404_and_audited()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Monday);
        var slt = Principal(HeadEmail, "SLT");

        var added = await Call<AddApprovedFollow>(rig,
            Request(rig, "POST", """{"handle":"@CalderdaleLibs","category":"library","note":"Summer reading challenge"}""", slt));
        var (status, body) = Json(added);
        status.ShouldBe(201);
        body!["handle"]!.GetValue<string>().ShouldBe("calderdalelibs");
        body["category"]!.GetValue<string>().ShouldBe("library");

        (await Call<RemoveApprovedFollow>(rig, Request(rig, "DELETE", null, slt), ("handle", "calderdalelibs")))
            .ShouldBeOfType<NoContentResult>();
        (await Call<RemoveApprovedFollow>(rig, Request(rig, "DELETE", null, slt), ("handle", "calderdalelibs")))
            .ShouldBeOfType<ProblemResult>().StatusCode.ShouldBe(404);
        var audit = await rig.AuditAsync("calderdalelibs");
        audit.ShouldContain(e => e.Action == "follow.approved" && e.Actor == HeadEmail);
        audit.ShouldContain(e => e.Action == "follow.unapproved" && e.Actor == HeadEmail);
    }

    [Fact]
    public async Task Non_slt_cannot_change_the_approved_list()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Monday);
        var result = await Call<AddApprovedFollow>(rig,
            Request(rig, "POST", """{"handle":"SomeShop","category":"community"}""", Principal("parent@example.com", "Parent")));

        result.ShouldBeOfType<ProblemResult>().StatusCode.ShouldBe(403);
        (await rig.Get<IApprovedFollowStore>().GetAsync(rig.AccountId, "someshop", CancellationToken.None)).ShouldBeNull();
        (await rig.AuditAsync("follow-policy")).ShouldContain(e => e.Action == "follow.approved" && e.Actor == "parent@example.com" && e.Outcome == "refused: not SLT");
    }

    /// <summary>An HTTP function called as the worker calls it: the access middleware first.</summary>
    private static Task<IActionResult> Call<T>(FollowerRig rig, HttpRequest request, params (string, string)[] route) where T : class =>
        HttpFunctions.InvokeAsync<T>(rig.Services, request, route);

    private static string Principal(string email, string role)
    {
        var json = new JsonObject
        {
            ["auth_typ"] = "aad",
            ["claims"] = new JsonArray(
                new JsonObject { ["typ"] = "preferred_username", ["val"] = email },
                new JsonObject { ["typ"] = "http://schemas.microsoft.com/identity/claims/objectidentifier", ["val"] = Guid.NewGuid().ToString() },
                new JsonObject { ["typ"] = "roles", ["val"] = role }),
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    private static HttpRequest Request(FollowerRig rig, string method, string? body, string? principal)
    {
        var context = new DefaultHttpContext { RequestServices = rig.Services };
        context.Request.Method = method;
        context.Response.Body = new MemoryStream();
        if (principal is not null) context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = principal;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json";
        }
        return context.Request;
    }

    /// <summary>The status and JSON body of a JSON answer.</summary>
    private static (int Status, JsonNode? Body) Json(IActionResult result)
    {
        var content = result.ShouldBeOfType<ContentResult>();
        content.ContentType.ShouldStartWith("application/json");
        return (content.StatusCode ?? 200, JsonNode.Parse(content.Content!));
    }
}
