using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Functions.Drafts;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>
/// A create-post whose answer was lost is settled from the timeline as X renders it (t.co links, a photo link appended,
/// entities and attachments): the draft's own post is recognised, nobody else's is taken for it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReconciliationTests(AzuriteFixture azurite) : DraftKitTests(azurite)
{
    private static async Task<string> ScheduledAsync(DraftTestKit kit, string slt, string text, System.Text.Json.Nodes.JsonArray? media = null)
    {
        var id = (await kit.SubmitAsync(DraftTestKit.DraftJson(text, slt, media: media))).Str("id");
        await kit.RunCheckQueueAsync(id);
        (await kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Scheduled, (await kit.GetAsync(id)).Body?.ToJsonString());
        return id;
    }

    private static Task PublishAsync(DraftTestKit kit, string id) =>
        kit.Function<PublishDraft>().Run(new DraftMessage(id).Serialize(), CancellationToken.None);

    private async Task ShouldBeRecordedAsPostedOnceAsync(string id)
    {
        var post = Kit.Host.X.Posts.ShouldHaveSingleItem();
        Kit.Host.X.RequestCount("POST", "/2/tweets").ShouldBe(1);
        var draft = (await Kit.DraftAsync(id))!;
        draft.Status.ShouldBe(DraftStatus.Published, draft.FailureReason);
        draft.TweetId.ShouldBe(post.Id);
        draft.SltAlertedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_photo_post_whose_answer_was_lost_is_found_although_x_appended_the_photo_link()
    {
        var photo = DraftTestKit.Image(TestImages.Png(), "hall.png", "Paintings on the hall wall");
        var id = await ScheduledAsync(Kit, Slt, DraftTestKit.UniqueText(), [photo]);
        Kit.Host.X.InjectFault("POST", "/2/tweets", FakeFault.DropConnectionAfterCreate);

        await PublishAsync(Kit, id);

        await ShouldBeRecordedAsPostedOnceAsync(id);
    }

    [Fact]
    public async Task A_link_written_without_https_is_recognised_in_the_t_co_link_x_wrapped_it_in()
    {
        var text = DraftTestKit.UniqueText("Tickets for the Summer Fair are at stjohns.sch.uk/fair. Our Year 5 pupils raised");
        var id = await ScheduledAsync(Kit, Slt, text);
        Kit.Host.X.InjectFault("POST", "/2/tweets", FakeFault.DropConnectionAfterCreate);

        await PublishAsync(Kit, id);

        await ShouldBeRecordedAsPostedOnceAsync(id);
    }

    [Fact]
    public async Task A_post_that_reaches_the_timeline_late_is_found_by_looking_again_before_slt_are_alerted()
    {
        await using var kit = await DraftTestKit.StartAsync(Azurite, pipeline: p =>
            p.ReconcileLookAgain = [TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(600), TimeSpan.FromMilliseconds(900)]);
        var slt = await kit.NewSltMemberAsync();
        var id = await ScheduledAsync(kit, slt, DraftTestKit.UniqueText());
        kit.Host.X.TimelineLag = TimeSpan.FromMilliseconds(700);
        kit.Host.X.InjectFault("POST", "/2/tweets", FakeFault.DropConnectionAfterCreate);

        await PublishAsync(kit, id);

        var draft = (await kit.DraftAsync(id))!;
        draft.Status.ShouldBe(DraftStatus.Published);
        draft.TweetId.ShouldBe(kit.Host.X.Posts.ShouldHaveSingleItem().Id);
        draft.SltAlertedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_post_buried_under_more_than_a_page_of_later_posts_is_still_found()
    {
        var text = DraftTestKit.UniqueText();
        var id = await ScheduledAsync(Kit, Slt, text);
        // A publisher claimed the draft, posted it, and stopped; 150 posts went out before anyone looked.
        var store = Kit.Get<IDraftStore>();
        var claimedAt = DateTimeOffset.UtcNow.AddMinutes(-30);
        (await store.TryTransitionAsync((await store.GetAsync(id, CancellationToken.None))!, DraftStatus.Publishing, claimedAt,
            d => d with { ClaimedAt = claimedAt }, CancellationToken.None)).ShouldNotBeNull();
        var ours = Kit.Host.X.AddPost(text, createdAt: claimedAt.AddSeconds(5));
        for (var i = 0; i < 150; i++) Kit.Host.X.AddPost(DraftTestKit.UniqueText($"Notice {i}: our pupils raised"), createdAt: claimedAt.AddMinutes(1));

        await PublishAsync(Kit, id);

        var draft = (await Kit.DraftAsync(id))!;
        draft.Status.ShouldBe(DraftStatus.Published, draft.FailureReason);
        draft.TweetId.ShouldBe(ours.Id);
        Kit.Host.X.RequestCount("POST", "/2/tweets").ShouldBe(0);
    }

    [Fact]
    public async Task An_identical_post_made_before_the_claim_is_not_taken_for_the_drafts_own()
    {
        var text = DraftTestKit.UniqueText();
        var id = await ScheduledAsync(Kit, Slt, text);
        // Someone posted the same words by hand two minutes ago; X then refuses ours as a duplicate.
        var manual = Kit.Host.X.AddPost(text, createdAt: DateTimeOffset.UtcNow.AddMinutes(-2));

        await PublishAsync(Kit, id);

        var draft = (await Kit.DraftAsync(id))!;
        draft.Status.ShouldBe(DraftStatus.NeedsReconciliation);
        draft.TweetId.ShouldBeNull();
        draft.SltAlertedAt.ShouldNotBeNull();
        Kit.Host.X.Posts.ShouldHaveSingleItem().Id.ShouldBe(manual.Id);
    }

    [Fact]
    public async Task Another_drafts_recorded_post_of_the_same_text_is_not_taken_for_this_one()
    {
        await using var kit = await DraftTestKit.StartAsync(Azurite, pipeline: p => p.DuplicateWindow = TimeSpan.Zero);
        var slt = await kit.NewSltMemberAsync();
        var text = DraftTestKit.UniqueText();
        var first = await ScheduledAsync(kit, slt, text);
        var second = await ScheduledAsync(kit, slt, text);
        first.ShouldNotBe(second);

        // The second draft's create-post fails with nothing posted; then the first is posted and recorded.
        kit.Host.X.InjectFault("POST", "/2/tweets", FakeFault.ServerError500);
        await PublishAsync(kit, second);
        await PublishAsync(kit, first);
        var posted = (await kit.DraftAsync(first))!;
        posted.Status.ShouldBe(DraftStatus.Published);

        await PublishAsync(kit, second); // a redelivery reconciles again, now with the first draft's post on the timeline

        var unsure = (await kit.DraftAsync(second))!;
        unsure.Status.ShouldBe(DraftStatus.NeedsReconciliation);
        unsure.TweetId.ShouldBeNull();
        unsure.SltAlertedAt.ShouldNotBeNull();
    }
}
