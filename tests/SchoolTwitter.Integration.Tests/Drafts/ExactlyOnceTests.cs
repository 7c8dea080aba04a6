using SchoolTwitter.Application;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Functions.Drafts;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>At-least-once delivery, a create-post with no idempotency key: still exactly one tweet, or a person told.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExactlyOnceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private DraftTestKit _kit = null!;
    private string _slt = null!;

    public async Task InitializeAsync()
    {
        _kit = await DraftTestKit.StartAsync(azurite);
        _slt = await _kit.NewSltMemberAsync();
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private async Task<(string Id, string Text)> ScheduledDraftAsync()
    {
        var text = DraftTestKit.UniqueText();
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(text, _slt))).Str("id");
        await _kit.RunCheckQueueAsync(id);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Scheduled);
        return (id, text);
    }

    private Task PublishAsync(string id) => _kit.Function<PublishDraft>().Run(new DraftMessage(id).Serialize(), CancellationToken.None);

    private int CreatePostCalls => _kit.Host.X.RequestCount("POST", "/2/tweets");

    [Fact]
    public async Task Redelivered_publish_message_posts_once()
    {
        var (id, _) = await ScheduledDraftAsync();

        await PublishAsync(id);
        await PublishAsync(id);
        await PublishAsync(id);

        _kit.Host.X.Posts.Count.ShouldBe(1);
        CreatePostCalls.ShouldBe(1);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Published);
    }

    [Fact]
    public async Task Redelivered_check_message_still_posts_once()
    {
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _slt))).Str("id");
        var check = _kit.Function<CheckDraft>();

        await check.Run(new DraftMessage(id).Serialize(), CancellationToken.None);
        await check.Run(new DraftMessage(id).Serialize(), CancellationToken.None);
        await _kit.RunCheckQueueAsync(id);
        await _kit.RunPublishQueueAsync(id);

        _kit.Host.X.Posts.Count.ShouldBe(1);
        CreatePostCalls.ShouldBe(1);
        (await _kit.AuditAsync(id)).Count(e => e.Action == DraftAuditActions.Checked).ShouldBe(1);
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

        _kit.Host.X.Posts.Count.ShouldBe(1);
        CreatePostCalls.ShouldBe(1);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Published);
    }

    [Fact]
    public async Task Connection_dropped_after_the_post_was_created_is_reconciled_as_published_without_posting_again()
    {
        var (id, text) = await ScheduledDraftAsync();
        _kit.Host.X.InjectFault("POST", "/2/tweets", FakeFault.DropConnectionAfterCreate);

        await PublishAsync(id);
        await PublishAsync(id); // redelivery after the "crash"

        var post = _kit.Host.X.Posts.ShouldHaveSingleItem();
        post.Text.ShouldBe(text);
        CreatePostCalls.ShouldBe(1);
        var draft = (await _kit.DraftAsync(id))!;
        draft.Status.ShouldBe(DraftStatus.Published);
        draft.TweetId.ShouldBe(post.Id);
        (await _kit.AuditAsync(id)).Select(e => e.Action).ShouldContain(DraftAuditActions.NeedsReconciliation);
    }

    [Theory]
    [InlineData(FakeFault.ServiceUnavailable503)]
    [InlineData(FakeFault.ServerError500)]
    public async Task Server_error_on_create_post_is_never_retried_and_slt_are_alerted_when_the_post_is_not_found(FakeFault fault)
    {
        var (id, _) = await ScheduledDraftAsync();
        _kit.Host.X.InjectFault("POST", "/2/tweets", fault);

        await PublishAsync(id);
        await PublishAsync(id);
        await PublishAsync(id);

        CreatePostCalls.ShouldBe(1);
        _kit.Host.X.Posts.ShouldBeEmpty();
        var draft = (await _kit.DraftAsync(id))!;
        draft.Status.ShouldBe(DraftStatus.NeedsReconciliation);
        draft.SltAlertedAt.ShouldNotBeNull();
        (await _kit.GetAsync(id)).Str("status").ShouldBe("needs-reconciliation");
        var notes = await _kit.Host.Webhook.WaitForAsync(2, TimeSpan.FromSeconds(10));
        notes.Count(n => n.ToJsonString().Contains(DraftOutcomeNotifier.NeedsReconciliation)).ShouldBe(2, "submitter and SLT channel, once");
    }

    [Fact]
    public async Task Duplicate_content_403_is_reconciled_against_the_timeline()
    {
        var (id, text) = await ScheduledDraftAsync();
        // An earlier attempt (say, before a crash) did post it.
        var earlier = _kit.Host.X.AddPost(text);

        await PublishAsync(id);

        _kit.Host.X.Posts.ShouldHaveSingleItem().Id.ShouldBe(earlier.Id);
        var draft = (await _kit.DraftAsync(id))!;
        draft.Status.ShouldBe(DraftStatus.Published);
        draft.TweetId.ShouldBe(earlier.Id);
    }

    [Fact]
    public async Task Rate_limited_create_post_asks_to_retry_after_the_reset_without_posting()
    {
        var (id, _) = await ScheduledDraftAsync();
        _kit.Host.X.RateLimitReset = DateTimeOffset.UtcNow.AddMinutes(10);
        _kit.Host.X.InjectFault("POST", "/2/tweets", FakeFault.RateLimited);

        var later = await Should.ThrowAsync<DraftRetryLaterException>(
            () => _kit.Get<DraftPublishService>().PublishAsync(new DraftMessage(id).Serialize(), CancellationToken.None));

        later.Delay.ShouldBeInRange(TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(11));
        _kit.Host.X.Posts.ShouldBeEmpty();
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Scheduled, "the claim is given back: nothing was posted");

        await PublishAsync(id);
        _kit.Host.X.Posts.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Publish_trigger_turns_a_rate_limit_into_a_hidden_copy_of_the_message_not_a_failure()
    {
        var (id, _) = await ScheduledDraftAsync();
        _kit.Host.X.RateLimitReset = DateTimeOffset.UtcNow.AddSeconds(2);
        _kit.Host.X.InjectFault("POST", "/2/tweets", FakeFault.RateLimited);

        (await _kit.RunPublishQueueAsync(id)).ShouldBe(1); // completes without throwing: the host deletes this delivery

        _kit.Host.X.Posts.ShouldBeEmpty();
        (await _kit.VisibleMessagesAsync(QueueNames.DraftsToPublish, id)).ShouldBe(0, "the copy stays hidden until the reset");
        var due = DateTimeOffset.UtcNow.AddSeconds(15);
        while (await _kit.VisibleMessagesAsync(QueueNames.DraftsToPublish, id) == 0 && DateTimeOffset.UtcNow < due)
        {
            await Task.Delay(250);
        }
        (await _kit.RunPublishQueueAsync(id)).ShouldBe(1, "the copy reappears after the reset");
        _kit.Host.X.Posts.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Revoked_credentials_on_create_post_give_the_claim_back_for_a_retry()
    {
        var (id, _) = await ScheduledDraftAsync();
        _kit.Host.X.RevokeCredentials(_kit.Host.X.Credentials);

        await Should.ThrowAsync<Exception>(() => PublishAsync(id));

        _kit.Host.X.Posts.ShouldBeEmpty();
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Scheduled, "nothing was posted, so the queue may retry");
    }
}
