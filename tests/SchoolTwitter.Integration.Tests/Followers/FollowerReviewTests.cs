using SchoolTwitter.Application.Followers;
using SchoolTwitter.Functions.Followers;
using SchoolTwitter.Functions.Http;
using SchoolTwitter.Integration.Tests.Platform;
using SchoolTwitter.Testing.TestHost;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Followers;

[Collection(AzuriteCollection.Name)]
public sealed class FollowerReviewTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Block_mutes_at_once_returns_the_steps_for_the_x_app_and_is_audited_with_who_and_why()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Monday);
        var bot = FollowerData.Bot(Monday);
        rig.X.SetFollowers([bot, .. FollowerData.Parents(3)], rig.AccountId);
        await rig.Scans.RunScheduledAsync(CancellationToken.None);

        var list = await rig.Get<FollowerReviewService>().ListAsync(CancellationToken.None);
        var item = list!.Items.ShouldHaveSingleItem();
        item.Id.ShouldBe(bot.Id);
        item.Reasons.ShouldNotBeEmpty();
        item.ProfileLink.ShouldBe($"https://x.com/{bot.Username}");

        var result = await rig.Get<FollowerReviewService>().DecideAsync(rig.Slt, bot.Id, new("block", "Spam account, adds no value"), CancellationToken.None);

        result.Outcome.ShouldBe(FollowerDecisionOutcome.Blocked);
        result.ProfileLink.ShouldBe($"https://x.com/{bot.Username}");
        result.Steps!.ShouldContain(s => s.Contains("Report @" + bot.Username));
        result.Steps!.ShouldContain(s => s.Contains("Block @" + bot.Username));
        rig.X.MutedUserIds.ShouldContain(bot.Id);
        (await rig.ReviewItemAsync(bot.Id))!.Status.ShouldBe(ReviewStatus.Blocked);
        var audit = await rig.AuditAsync(bot.Id);
        audit.ShouldContain(e => e.Action == "follower.blocked" && e.Actor == rig.Slt.Email && e.Detail == "Spam account, adds no value");
        audit.ShouldContain(e => e.Action == "follower.muted" && e.Actor == rig.Slt.Email);
        (await rig.Get<FollowerReviewService>().ListAsync(CancellationToken.None))!.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task Keep_is_recorded_and_audited_without_muting()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Monday);
        var quiet = FollowerData.Parent() with { Description = null, DefaultProfileImage = true };
        rig.X.SetFollowers([quiet], rig.AccountId);
        await rig.Scans.RunScheduledAsync(CancellationToken.None);

        var result = await rig.Get<FollowerReviewService>().DecideAsync(rig.Slt, quiet.Id, new("keep", "A Year 2 parent, known to the office"), CancellationToken.None);

        result.Outcome.ShouldBe(FollowerDecisionOutcome.Kept);
        rig.X.MutedUserIds.ShouldNotContain(quiet.Id);
        var stored = await rig.ReviewItemAsync(quiet.Id);
        stored!.Status.ShouldBe(ReviewStatus.Kept);
        stored.DecidedBy.ShouldBe(rig.Slt.Email);
        (await rig.AuditAsync(quiet.Id)).ShouldContain(e => e.Action == "follower.kept" && e.Detail == "A Year 2 parent, known to the office");
    }

    [Fact]
    public async Task Non_slt_caller_is_refused_nothing_is_muted_and_the_refusal_is_audited()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Monday);
        var bot = FollowerData.Bot(Monday);
        rig.X.SetFollowers([bot], rig.AccountId);
        await rig.Scans.RunScheduledAsync(CancellationToken.None);

        var assistant = EasyAuthHeaders.Person("ta@stmarys.example.sch.uk", "Staff");

        var decision = await HttpFunctions.InvokeAsync<DecideFollower>(rig.Services,
            TestHttpRequests.Create("POST", $"/api/followers/{bot.Id}/decision", """{"decision":"block","reason":"I don't like it"}"""u8.ToArray(), headers: assistant),
            ("id", bot.Id));
        var list = await HttpFunctions.InvokeAsync<GetFollowerReview>(rig.Services, TestHttpRequests.Create("GET", "/api/followers/review", headers: assistant));

        decision.ShouldBeOfType<ProblemResult>().StatusCode.ShouldBe(403);
        list.ShouldBeOfType<ProblemResult>().StatusCode.ShouldBe(403);
        rig.X.MutedUserIds.ShouldNotContain(bot.Id);
        (await rig.ReviewItemAsync(bot.Id))!.Status.ShouldBe(ReviewStatus.Pending);
        (await rig.AuditAsync(bot.Id)).ShouldContain(e => e.Actor == "ta@stmarys.example.sch.uk" && e.Outcome == "refused: not SLT");
    }

    [Theory]
    [InlineData(null, "ok", "decision")]
    [InlineData("delete", "ok", "decision")]
    [InlineData("block", "", "reason")]
    public async Task Invalid_decision_names_the_field_and_changes_nothing(string? decision, string reason, string field)
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Monday);
        var bot = FollowerData.Bot(Monday);
        rig.X.SetFollowers([bot], rig.AccountId);
        await rig.Scans.RunScheduledAsync(CancellationToken.None);

        var result = await rig.Get<FollowerReviewService>().DecideAsync(rig.Slt, bot.Id, new(decision, reason), CancellationToken.None);

        result.Outcome.ShouldBe(FollowerDecisionOutcome.Invalid);
        result.Errors!.ShouldContain(e => e.Field == field);
        rig.X.MutedUserIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task Unknown_review_id_is_not_found()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Monday);
        var result = await rig.Get<FollowerReviewService>().DecideAsync(rig.Slt, "123456", new("keep", "checked"), CancellationToken.None);
        result.Outcome.ShouldBe(FollowerDecisionOutcome.NotFound);
    }
}
