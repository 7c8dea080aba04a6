using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>From the HTTP request to a recorded tweet URL, on Azurite and the fake X.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DraftPipelineEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private DraftTestKit _kit = null!;
    private string _slt = null!;

    public async Task InitializeAsync()
    {
        _kit = await DraftTestKit.StartAsync(azurite);
        _slt = await _kit.NewSltMemberAsync();
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Draft_with_a_photo_goes_from_http_to_a_recorded_tweet_url()
    {
        var text = DraftTestKit.UniqueText();
        var photo = DraftTestKit.Image(TestImages.JpegWithGps(), "art.jpg", "Paintings by Year 5 on the hall wall");

        var submitted = await _kit.SubmitAsync(DraftTestKit.DraftJson(text, _slt, media: [photo]));
        submitted.Status.ShouldBe(202);
        var id = submitted.Str("id");

        (await _kit.RunCheckQueueAsync(id)).ShouldBe(1);
        (await _kit.GetAsync(id)).Str("status").ShouldBe("scheduled", (await _kit.GetAsync(id)).Body!.ToJsonString());
        (await _kit.RunPublishQueueAsync(id)).ShouldBe(1);

        var status = await _kit.GetAsync(id);
        status.Status.ShouldBe(200);
        status.Str("status").ShouldBe("published");
        var post = _kit.Host.X.Posts.ShouldHaveSingleItem();
        post.Text.ShouldBe(text);
        post.ReplySettings.ShouldBe("following");
        status.Str("tweetId").ShouldBe(post.Id);
        status.Str("tweetUrl").ShouldBe($"https://x.com/i/web/status/{post.Id}");
        status.Body!["verdict"]!["verdict"]!.GetValue<string>().ShouldBe("pass");

        var upload = _kit.Host.X.Uploads.ShouldHaveSingleItem();
        post.MediaIds.ShouldBe([upload.MediaId]);
        upload.AltText.ShouldBe("Paintings by Year 5 on the hall wall");
        upload.MediaType.ShouldBe("image/jpeg");
        var metadata = ImageMetadataReader.ReadMetadata(new MemoryStream(upload.Bytes));
        metadata.OfType<GpsDirectory>().ShouldBeEmpty("the photo's GPS position must never reach X");

        var audit = await _kit.AuditAsync(id);
        audit.Select(e => e.Action).ShouldBe([DraftAuditActions.Submitted, DraftAuditActions.Checked, DraftAuditActions.Published]);
        var published = await _kit.Host.Webhook.WaitForAsync(1, TimeSpan.FromSeconds(10));
        published.ShouldContain(n => n.ToJsonString().Contains(DraftOutcomeNotifier.Published));
    }

    [Fact]
    public async Task Draft_that_breaks_the_code_is_blocked_never_posted_and_the_submitter_told()
    {
        var json = DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _slt);
        json["inReplyToTweetId"] = "1234567890";
        var id = (await _kit.SubmitAsync(json)).Str("id");

        await _kit.RunCheckQueueAsync(id);

        var status = await _kit.GetAsync(id);
        status.Str("status").ShouldBe("blocked");
        status.Body!["verdict"]!["findings"]!.AsArray().ShouldContain(f => f!["rule"]!.GetValue<string>() == "reply");
        (await _kit.VisibleMessagesAsync("drafts-to-publish", id)).ShouldBe(0);
        _kit.Host.X.Posts.ShouldBeEmpty();
        var notes = await _kit.Host.Webhook.WaitForAsync(1, TimeSpan.FromSeconds(10));
        notes.ShouldContain(n => n.ToJsonString().Contains(DraftOutcomeNotifier.Blocked) && n.ToJsonString().Contains(_slt));
    }

    [Fact]
    public async Task Notification_failure_never_changes_the_draft_state()
    {
        _kit.Host.Webhook.FailNext(100);
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _slt))).Str("id");

        await _kit.RunCheckQueueAsync(id);
        await _kit.RunPublishQueueAsync(id);

        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Published);
        _kit.Host.X.Posts.Count.ShouldBe(1);
    }
}
