using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Functions.Drafts;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>At-least-once delivery, a create-post with no idempotency key: still exactly one tweet, or a person told.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExactlyOnceTests(AzuriteFixture azurite) : DraftKitTests(azurite)
{
    private async Task<(string Id, string Text)> ScheduledDraftAsync()
    {
        var text = DraftTestKit.UniqueText();
        var id = (await Kit.SubmitAsync(DraftTestKit.DraftJson(text, Slt))).Str("id");
        await Kit.RunCheckQueueAsync(id);
        (await Kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Scheduled);
        return (id, text);
    }

    private Task PublishAsync(string id) => Kit.Function<PublishDraft>().Run(new DraftMessage(id).Serialize(), CancellationToken.None);

    private int CreatePostCalls => Kit.Host.X.RequestCount("POST", "/2/tweets");

    [Fact]
    public async Task Redelivered_publish_message_posts_once()
    {
        var (id, _) = await ScheduledDraftAsync();

        await PublishAsync(id);
        await PublishAsync(id);
        await PublishAsync(id);

        Kit.Host.X.Posts.Count.ShouldBe(1);
        CreatePostCalls.ShouldBe(1);
        (await Kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Published);
    }

    [Fact]
    public async Task Redelivered_check_message_still_posts_once()
    {
        var id = (await Kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), Slt))).Str("id");
        var check = Kit.Function<CheckDraft>();

        await check.Run(new DraftMessage(id).Serialize(), CancellationToken.None);
        await check.Run(new DraftMessage(id).Serialize(), CancellationToken.None);
        await Kit.RunCheckQueueAsync(id);
        await Kit.RunPublishQueueAsync(id);

        Kit.Host.X.Posts.Count.ShouldBe(1);
        CreatePostCalls.ShouldBe(1);
        (await Kit.AuditAsync(id)).Count(e => e.Action == DraftAuditActions.Checked).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_deliveries_of_the_same_message_post_once()
    {
        var (id, _) = await ScheduledDraftAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            try
            {
                await PublishAsync(id);
            }
            catch (Exception)
            {
                // A delivery that lost the claim race may end in "retry later"; the queue would redeliver it.
            }
        })));
        await PublishAsync(id);

        Kit.Host.X.Posts.Count.ShouldBe(1);
        CreatePostCalls.ShouldBe(1);
        (await Kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Published);
    }

    [Fact]
    public async Task Connection_dropped_after_the_post_was_created_is_reconciled_as_published_without_posting_again()
    {
        var (id, text) = await ScheduledDraftAsync();
        Kit.Host.X.InjectFault("POST", "/2/tweets", FakeFault.DropConnectionAfterCreate);

        await PublishAsync(id);
        await PublishAsync(id); // redelivery after the "crash"

        var post = Kit.Host.X.Posts.ShouldHaveSingleItem();
        post.Text.ShouldBe(text);
        CreatePostCalls.ShouldBe(1);
        var draft = (await Kit.DraftAsync(id))!;
        draft.Status.ShouldBe(DraftStatus.Published);
        draft.TweetId.ShouldBe(post.Id);
        (await Kit.AuditAsync(id)).Select(e => e.Action).ShouldContain(DraftAuditActions.NeedsReconciliation);
    }

    [Theory]
    [InlineData(FakeFault.ServiceUnavailable503)]
    [InlineData(FakeFault.ServerError500)]
    public async Task Server_error_on_create_post_is_never_retried_and_slt_are_alerted_when_the_post_is_not_found(FakeFault fault)
    {
        var (id, _) = await ScheduledDraftAsync();
        Kit.Host.X.InjectFault("POST", "/2/tweets", fault);

        await PublishAsync(id);
        await PublishAsync(id);
        await PublishAsync(id);

        CreatePostCalls.ShouldBe(1);
        Kit.Host.X.Posts.ShouldBeEmpty();
        var draft = (await Kit.DraftAsync(id))!;
        draft.Status.ShouldBe(DraftStatus.NeedsReconciliation);
        draft.SltAlertedAt.ShouldNotBeNull();
        (await Kit.GetAsync(id)).Str("status").ShouldBe("needs-reconciliation");
        await Kit.Host.Webhook.WaitForAsync(1, TimeSpan.FromSeconds(10));
        var alert = Kit.Host.Webhook.Received.Where(n => n.ToJsonString().Contains(DraftOutcomeNotifier.NeedsReconciliation)).ShouldHaveSingleItem("one card for submitter and SLT channel, once");
        alert["sltChannel"]!.GetValue<bool>().ShouldBeTrue();
        alert["recipient"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Duplicate_content_403_is_reconciled_against_the_timeline()
    {
        var (id, text) = await ScheduledDraftAsync();
        // An earlier attempt (say, before a crash) did post it.
        var earlier = Kit.Host.X.AddPost(text);

        await PublishAsync(id);

        Kit.Host.X.Posts.ShouldHaveSingleItem().Id.ShouldBe(earlier.Id);
        var draft = (await Kit.DraftAsync(id))!;
        draft.Status.ShouldBe(DraftStatus.Published);
        draft.TweetId.ShouldBe(earlier.Id);
    }

    [Fact]
    public async Task Rate_limited_create_post_asks_to_retry_after_the_reset_without_posting()
    {
        var (id, _) = await ScheduledDraftAsync();
        Kit.Host.X.RateLimitReset = DateTimeOffset.UtcNow.AddMinutes(10);
        Kit.Host.X.InjectFault("POST", "/2/tweets", FakeFault.RateLimited);

        var later = await Should.ThrowAsync<DraftRetryLaterException>(
            () => Kit.Get<DraftPublishService>().PublishAsync(new DraftMessage(id).Serialize(), CancellationToken.None));

        later.Delay.ShouldBeInRange(TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(11));
        Kit.Host.X.Posts.ShouldBeEmpty();
        (await Kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Scheduled, "the claim is given back: nothing was posted");

        await PublishAsync(id);
        Kit.Host.X.Posts.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Publish_trigger_turns_a_rate_limit_into_a_hidden_copy_of_the_message_not_a_failure()
    {
        var (id, _) = await ScheduledDraftAsync();
        Kit.Host.X.RateLimitReset = DateTimeOffset.UtcNow.AddSeconds(2);
        Kit.Host.X.InjectFault("POST", "/2/tweets", FakeFault.RateLimited);

        (await Kit.RunPublishQueueAsync(id)).ShouldBe(1); // completes without throwing: the host deletes this delivery

        Kit.Host.X.Posts.ShouldBeEmpty();
        (await Kit.VisibleMessagesAsync(QueueNames.DraftsToPublish, id)).ShouldBe(0, "the copy stays hidden until the reset");
        var due = DateTimeOffset.UtcNow.AddSeconds(15);
        while (await Kit.VisibleMessagesAsync(QueueNames.DraftsToPublish, id) == 0 && DateTimeOffset.UtcNow < due)
        {
            await Task.Delay(250);
        }
        (await Kit.RunPublishQueueAsync(id)).ShouldBe(1, "the copy reappears after the reset");
        Kit.Host.X.Posts.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Revoked_credentials_on_create_post_give_the_claim_back_for_a_retry()
    {
        var (id, _) = await ScheduledDraftAsync();
        Kit.Host.X.RevokeCredentials(Kit.Host.X.Credentials);

        await Should.ThrowAsync<Exception>(() => PublishAsync(id));

        Kit.Host.X.Posts.ShouldBeEmpty();
        (await Kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Scheduled, "nothing was posted, so the queue may retry");
    }
}
