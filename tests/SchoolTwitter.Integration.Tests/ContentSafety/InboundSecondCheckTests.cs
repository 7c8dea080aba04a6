using SchoolTwitter.Application.ContentSafety;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.ContentSafety;
using SchoolTwitter.Core.Followers;
using SchoolTwitter.Integration.Tests.Followers;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeAzureAi;
using SchoolTwitter.Testing.FakeX;

namespace SchoolTwitter.Integration.Tests.ContentSafety;

/// <summary>
/// Replies and mentions through the second check: the fake X sends their photos as X's media expansion and serves them, the
/// fake Azure AI rates text and pictures, and moderation hides, mutes or lists them. Each rig is a school account of its own.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InboundSecondCheckTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

    private FakeAzureAiServer _ai = null!;

    public async Task InitializeAsync() => _ai = await FakeAzureAiServer.StartAsync();

    public async Task DisposeAsync() => await _ai.DisposeAsync();

    private Task<FollowerRig> RigAsync(bool secondCheck = true, int? maxBytes = null) =>
        SecondCheckHosts.RigAsync(azurite, _ai, Now, secondCheck, extra: maxBytes is { } cap
            ? new Dictionary<string, string> { ["ContentSafety__InboundImageMaxBytes"] = cap.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : null);

    private static XPost Reply(FollowerRig rig, string text, string author)
    {
        var schoolPost = rig.X.AddPost("Our Christmas fair is on Saturday.", rig.AccountId);
        return new XPost("", text, author, schoolPost.Id, rig.AccountId, [new XReferencedPost("replied_to", schoolPost.Id)]);
    }

    private static async Task<FollowerReviewItem> ModeratedAsync(FollowerRig rig, XPost post)
    {
        await rig.Get<InboundModerationService>().RunAsync(CancellationToken.None);
        var item = await rig.ReviewItemAsync(FollowerReviewItem.PostReviewId(post.Id));
        item.ShouldNotBeNull();
        return item;
    }

    [Fact]
    public async Task A_reply_rated_at_the_block_threshold_is_treated_as_offensive_hidden_and_muted()
    {
        await using var rig = await RigAsync();
        _ai.RateText("people like you", HarmCategories.Hate, 4);
        var author = FollowerData.NextId();
        var reply = rig.X.AddMention(Reply(rig, "@school people like you should not teach", author), rig.AccountId);

        var item = await ModeratedAsync(rig, reply);

        item.Suggestion.ShouldBe(FollowerSuggestion.Block);
        item.ReplyHidden.ShouldBeTrue();
        item.Muted.ShouldBeTrue();
        rig.X.HiddenPostIds.ShouldContain(reply.Id);
        rig.X.MutedUserIds.ShouldContain(author);
        item.Reasons.ShouldHaveSingleItem().Code.ShouldBe("content-safety-reply");
        item.Reasons[0].Message.ShouldContain("treated as offensive");
    }

    [Fact]
    public async Task A_reply_rated_below_the_threshold_goes_to_the_review_list_without_hiding_or_muting()
    {
        await using var rig = await RigAsync();
        _ai.RateText("shame on", HarmCategories.Violence, 2);
        var reply = rig.X.AddMention(Reply(rig, "@school shame on the lot of you", FollowerData.NextId()), rig.AccountId);

        var item = await ModeratedAsync(rig, reply);

        item.Suggestion.ShouldBe(FollowerSuggestion.Review);
        item.ReplyHidden.ShouldBeFalse();
        item.Muted.ShouldBeFalse();
        rig.X.HiddenPostIds.ShouldBeEmpty();
        rig.X.MutedUserIds.ShouldBeEmpty();
        item.Reasons.ShouldHaveSingleItem().Message.ShouldContain("possibly violent (severity 2)");
    }

    [Fact]
    public async Task A_photo_in_a_mention_is_fetched_without_credentials_and_an_unsuitable_one_is_treated_as_offensive()
    {
        await using var rig = await RigAsync();
        _ai.DescribeImage(Photo, [], new Dictionary<string, int> { [HarmCategories.Sexual] = 6 });
        var mention = rig.X.AddMention(new XPost("", "@school look at this", FollowerData.NextId()), [new FakeMedia(Photo)], rig.AccountId);

        var item = await ModeratedAsync(rig, mention);

        item.Suggestion.ShouldBe(FollowerSuggestion.Block);
        item.Reasons.ShouldHaveSingleItem().Message.ShouldContain("rates the picture as sexual at severity 6");
        rig.X.MediaDownloads.ShouldBe([(mention.MediaKeys![0], false)]);
        _ai.RequestCount(FakeAzureAiServer.ImageAnalyze).ShouldBe(1);
        _ai.RequestCount(FakeAzureAiServer.PeopleAnalyze).ShouldBe(0, "nobody's consent to compare in someone else's post");
        _ai.RequestCount(FakeAzureAiServer.ProtectedMaterial).ShouldBe(0, "copyright is a question for the school's own posts");
    }

    [Fact]
    public async Task A_clean_mention_with_a_clean_photo_is_left_alone()
    {
        await using var rig = await RigAsync();
        var mention = rig.X.AddMention(new XPost("", "@school our nativity costumes", FollowerData.NextId()), [new FakeMedia(Photo)], rig.AccountId);

        var result = await rig.Get<InboundModerationService>().RunAsync(CancellationToken.None);

        result.Flagged.ShouldBe(0);
        (await rig.ReviewItemAsync(FollowerReviewItem.PostReviewId(mention.Id))).ShouldBeNull();
        _ai.RequestCount(FakeAzureAiServer.ImageAnalyze).ShouldBe(1);
    }

    public static TheoryData<string, FakeMedia, string> PicturesNotChecked() => new()
    {
        { "larger than the cap", new FakeMedia(new byte[3000]), "larger than the 2 KB" },
        { "larger than the cap, no Content-Length", new FakeMedia(new byte[3000], SendLength: false), "larger than the 2 KB" },
        { "deleted from X", new FakeMedia(Photo, Status: 404), "X answered 404" },
        { "a video", new FakeMedia(null, Type: "video"), "it is a video" },
        { "a GIF", new FakeMedia(null, Type: "animated_gif"), "it is a GIF" },
        { "not in the expansion", new FakeMedia(Photo, InIncludes: false), "X did not send the picture" },
    };

    [Theory]
    [MemberData(nameof(PicturesNotChecked))]
    public async Task A_picture_that_cannot_be_checked_sends_the_mention_to_the_review_list(string why, FakeMedia media, string reason)
    {
        await using var rig = await RigAsync(maxBytes: 2048);
        var mention = rig.X.AddMention(new XPost("", "@school see the picture", FollowerData.NextId()), [media], rig.AccountId);

        var item = await ModeratedAsync(rig, mention);

        item.Suggestion.ShouldBe(FollowerSuggestion.Review, why);
        var reason1 = item.Reasons.ShouldHaveSingleItem();
        reason1.Code.ShouldBe("not-checked-mention");
        reason1.Message.ShouldStartWith("The second check could not check the picture");
        reason1.Message.ShouldContain(reason);
        _ai.RequestCount(FakeAzureAiServer.ImageAnalyze).ShouldBe(0);
        _ai.Requests.ShouldNotBeEmpty("the text was still checked");
    }

    [Theory]
    [InlineData(FakeAiFault.ServerError, "answered 500")]
    [InlineData(FakeAiFault.Unauthorized, "(401)")]
    [InlineData(FakeAiFault.MalformedJson, "could not read")]
    public async Task With_the_service_failing_mentions_go_to_the_review_list_as_not_checked_and_slt_hear_once(FakeAiFault fault, string reason)
    {
        await using var rig = await RigAsync();
        _ai.InjectFault(FakeAzureAiServer.TextAnalyze, fault, times: 1000);
        var mentions = Enumerable.Range(0, 3)
            .Select(i => rig.X.AddMention(new XPost("", $"@school question number {i}", FollowerData.NextId()), rig.AccountId)).ToList();

        var result = await rig.Get<InboundModerationService>().RunAsync(CancellationToken.None);

        result.Flagged.ShouldBe(3);
        foreach (var mention in mentions)
        {
            var item = (await rig.ReviewItemAsync(FollowerReviewItem.PostReviewId(mention.Id)))!;
            item.Suggestion.ShouldBe(FollowerSuggestion.Review);
            item.Reasons.ShouldHaveSingleItem().Message.ShouldContain($"could not check this post (Azure AI text analysis");
            item.Reasons[0].Message.ShouldContain(reason);
        }
        rig.X.HiddenPostIds.ShouldBeEmpty();
        rig.Host.Webhook.Received.Count(b => b["kind"]!.GetValue<string>() == SecondCheckNotifications.OutageKind).ShouldBe(1);
    }

    [Fact]
    public async Task With_the_second_check_off_nothing_is_sent_or_fetched_and_the_word_lists_alone_decide()
    {
        await using var rig = await RigAsync(secondCheck: false);
        _ai.RateText("people like you", HarmCategories.Hate, 6);
        var mention = rig.X.AddMention(new XPost("", "@school people like you", FollowerData.NextId()), [new FakeMedia(Photo)], rig.AccountId);

        var result = await rig.Get<InboundModerationService>().RunAsync(CancellationToken.None);

        result.Flagged.ShouldBe(0);
        (await rig.ReviewItemAsync(FollowerReviewItem.PostReviewId(mention.Id))).ShouldBeNull();
        _ai.Requests.ShouldBeEmpty();
        rig.X.MediaDownloads.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_mention_the_word_lists_flag_is_not_sent_to_the_service()
    {
        await using var rig = await RigAsync();
        var mention = rig.X.AddMention(new XPost("", "@school what a shit nativity", FollowerData.NextId()), [new FakeMedia(Photo)], rig.AccountId);

        var item = await ModeratedAsync(rig, mention);

        item.Reasons.ShouldHaveSingleItem().Code.ShouldBe("offensive-mention");
        _ai.Requests.ShouldBeEmpty();
        rig.X.MediaDownloads.ShouldBeEmpty();
    }
}
