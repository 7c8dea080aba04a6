using System.Reflection;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.X;
using SchoolTwitter.Functions.Followers;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Followers;

[Collection(AzuriteCollection.Name)]
public sealed class InboundModerationTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Offensive_reply_to_the_schools_post_is_hidden_its_author_muted_and_listed_for_review()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Now);
        var schoolPost = rig.X.AddPost("Year 4 visited the Piece Hall today. #Calderdale", rig.AccountId);
        var troll = FollowerData.NextId();
        var reply = rig.X.AddMention(new XPost("", "@school you lot are a bunch of f*cking idiots", troll, schoolPost.Id, rig.AccountId,
            [new XReferencedPost("replied_to", schoolPost.Id)]), rig.AccountId);

        await rig.Get<InboundModeration>().Run(FollowerRig.Timer(), CancellationToken.None);

        rig.X.HiddenPostIds.ShouldContain(reply.Id);
        rig.X.MutedUserIds.ShouldContain(troll);
        var item = await rig.ReviewItemAsync(FollowerReviewItem.PostReviewId(reply.Id));
        item.ShouldNotBeNull();
        item.Kind.ShouldBe(ReviewKind.Reply);
        item.ReplyHidden.ShouldBeTrue();
        item.Muted.ShouldBeTrue();
        item.PostLink.ShouldBe($"https://x.com/i/web/status/{reply.Id}");
        (await rig.AuditAsync(reply.Id)).ShouldContain(e => e.Action == "reply.hidden" && e.Actor == "system");
        (await rig.AuditAsync(troll)).ShouldContain(e => e.Action == "follower.muted");
    }

    [Fact]
    public async Task Offensive_mention_goes_to_review_without_hiding_or_muting_and_clean_ones_are_left_alone()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Now);
        var author = FollowerData.NextId();
        var rude = rig.X.AddMention(new XPost("", "@school what a shit nativity", author), rig.AccountId);
        var kind = rig.X.AddMention(new XPost("", "@school lovely Dick Whittington trip, thank you!", FollowerData.NextId()), rig.AccountId);

        var result = await rig.Get<InboundModerationService>().RunAsync(CancellationToken.None);

        result.Flagged.ShouldBe(1);
        result.Hidden.ShouldBe(0);
        rig.X.HiddenPostIds.ShouldBeEmpty();
        rig.X.MutedUserIds.ShouldBeEmpty();
        (await rig.ReviewItemAsync(FollowerReviewItem.PostReviewId(rude.Id)))!.Kind.ShouldBe(ReviewKind.Mention);
        (await rig.ReviewItemAsync(FollowerReviewItem.PostReviewId(kind.Id))).ShouldBeNull();
    }

    [Fact]
    public async Task Mentions_are_read_from_the_checkpoint_so_a_second_run_reads_nothing_old()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Now);
        rig.X.AddMention(new XPost("", "@school great sports day", FollowerData.NextId()), rig.AccountId);
        (await rig.Get<InboundModerationService>().RunAsync(CancellationToken.None)).Read.ShouldBe(1);

        (await rig.Get<InboundModerationService>().RunAsync(CancellationToken.None)).Read.ShouldBe(0);

        rig.X.AddMention(new XPost("", "@school see you at the fair", FollowerData.NextId()), rig.AccountId);
        (await rig.Get<InboundModerationService>().RunAsync(CancellationToken.None)).Read.ShouldBe(1);
    }

    [Fact]
    public async Task Moderation_never_replies_the_client_has_no_way_to_and_the_fake_saw_no_reply()
    {
        await using var rig = await FollowerRig.StartAsync(azurite, Now);
        var schoolPost = rig.X.AddPost("Harvest festival photos tomorrow.", rig.AccountId);
        rig.X.AddMention(new XPost("", "@school this is shit", FollowerData.NextId(), schoolPost.Id, rig.AccountId,
            [new XReferencedPost("replied_to", schoolPost.Id)]), rig.AccountId);
        rig.X.AddMention(new XPost("", "@school can you reply to me?", FollowerData.NextId()), rig.AccountId);

        await rig.Get<InboundModerationService>().RunAsync(CancellationToken.None);

        var methods = typeof(IXAccount).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToList();
        methods.Where(n => n.Contains("Reply", StringComparison.OrdinalIgnoreCase)).ShouldBe(["HideReplyAsync"]);
        typeof(XNewPost).GetProperties().Select(p => p.Name).ShouldNotContain(n => n.Contains("InReplyTo") || n == "Reply");
        rig.X.ReplyAttempts.ShouldBe(0);
        rig.X.RequestCount("POST", "/2/tweets").ShouldBe(0);
    }
}
