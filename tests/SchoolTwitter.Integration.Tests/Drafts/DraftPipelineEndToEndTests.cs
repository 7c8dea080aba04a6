using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>From the HTTP request to a recorded tweet URL, on Azurite and the fake X.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DraftPipelineEndToEndTests(AzuriteFixture azurite) : DraftKitTests(azurite)
{
    [Fact]
    public async Task Draft_with_a_photo_goes_from_http_to_a_recorded_tweet_url()
    {
        var text = DraftTestKit.UniqueText();
        var photo = DraftTestKit.Image(TestImages.JpegWithGps(), "art.jpg", "Paintings by Year 5 on the hall wall");

        var submitted = await Kit.SubmitAsync(DraftTestKit.DraftJson(text, Slt, media: [photo]));
        submitted.Status.ShouldBe(202);
        var id = submitted.Str("id");

        (await Kit.RunCheckQueueAsync(id)).ShouldBe(1);
        (await Kit.GetAsync(id)).Str("status").ShouldBe("scheduled", (await Kit.GetAsync(id)).Body!.ToJsonString());
        (await Kit.RunPublishQueueAsync(id)).ShouldBe(1);

        var status = await Kit.GetAsync(id);
        status.Status.ShouldBe(200);
        status.Str("status").ShouldBe("published");
        var post = Kit.Host.X.Posts.ShouldHaveSingleItem();
        post.Text.ShouldBe(text);
        post.ReplySettings.ShouldBe("following");
        status.Str("tweetId").ShouldBe(post.Id);
        status.Str("tweetUrl").ShouldBe($"https://x.com/i/web/status/{post.Id}");
        status.Body!["verdict"]!["verdict"]!.GetValue<string>().ShouldBe("pass");

        var upload = Kit.Host.X.Uploads.ShouldHaveSingleItem();
        post.MediaIds.ShouldBe([upload.MediaId]);
        upload.AltText.ShouldBe("Paintings by Year 5 on the hall wall");
        upload.MediaType.ShouldBe("image/jpeg");
        var metadata = ImageMetadataReader.ReadMetadata(new MemoryStream(upload.Bytes));
        metadata.OfType<GpsDirectory>().ShouldBeEmpty("the photo's GPS position must never reach X");

        var audit = await Kit.AuditAsync(id);
        audit.Select(e => e.Action).ShouldBe([DraftAuditActions.Submitted, DraftAuditActions.Checked, DraftAuditActions.Published]);
        var published = await Kit.Host.Webhook.WaitForAsync(1, TimeSpan.FromSeconds(10));
        published.ShouldContain(n => n.ToJsonString().Contains(DraftOutcomeNotifier.Published));
    }

    [Fact]
    public async Task Draft_that_breaks_the_code_is_blocked_never_posted_and_the_submitter_told()
    {
        var json = DraftTestKit.DraftJson(DraftTestKit.UniqueText(), Slt);
        json["inReplyToTweetId"] = "1234567890";
        var id = (await Kit.SubmitAsync(json)).Str("id");

        await Kit.RunCheckQueueAsync(id);

        var status = await Kit.GetAsync(id);
        status.Str("status").ShouldBe("blocked");
        status.Body!["verdict"]!["findings"]!.AsArray().ShouldContain(f => f!["rule"]!.GetValue<string>() == "reply");
        (await Kit.VisibleMessagesAsync("drafts-to-publish", id)).ShouldBe(0);
        Kit.Host.X.Posts.ShouldBeEmpty();
        var notes = await Kit.Host.Webhook.WaitForAsync(1, TimeSpan.FromSeconds(10));
        notes.ShouldContain(n => n.ToJsonString().Contains(DraftOutcomeNotifier.Blocked) && n.ToJsonString().Contains(Slt));
    }

    [Fact]
    public async Task Notification_failure_never_changes_the_draft_state()
    {
        Kit.Host.Webhook.FailNext(100);
        var id = (await Kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), Slt))).Str("id");

        await Kit.RunCheckQueueAsync(id);
        await Kit.RunPublishQueueAsync(id);

        (await Kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Published);
        Kit.Host.X.Posts.Count.ShouldBe(1);
    }
}
