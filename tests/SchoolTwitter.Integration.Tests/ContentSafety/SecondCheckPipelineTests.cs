using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.ContentSafety;
using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeAzureAi;

namespace SchoolTwitter.Integration.Tests.ContentSafety;

/// <summary>The second check in the draft pipeline and in inbound moderation, on Azurite with the fake Azure AI server.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SecondCheckPipelineTests(AzuriteFixture azurite) : SecondCheckKitTests(azurite)
{

    private async Task<DraftRecord> SubmitAndCheckAsync(string text, bool withPhoto)
    {
        var media = withPhoto ? new System.Text.Json.Nodes.JsonArray(DraftTestKit.Image(TestImages.Png(), "class.png", "Year 2 in the hall")) : null;
        var id = (await Kit.SubmitAsync(DraftTestKit.DraftJson(text, Head, media: media))).Str("id");
        await Kit.RunCheckQueueAsync(id);
        return (await Kit.DraftAsync(id))!;
    }

    [Fact]
    public async Task A_class_photo_declared_to_show_no_pupils_goes_to_review_with_the_count()
    {
        Ai.DefaultPeople = [0.98, 0.95, 0.9, 0.85, 0.8, 0.7];

        var draft = await SubmitAndCheckAsync(DraftTestKit.UniqueText(), withPhoto: true);

        draft.Status.ShouldBe(DraftStatus.AwaitingApproval);
        var finding = draft.Verdict!.Findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe(RuleIds.PeopleInPhoto);
        finding.Message.ShouldContain("shows 6 people; the draft declares no pupils pictured");
        Kit.Host.X.Posts.ShouldBeEmpty();
    }

    [Fact]
    public async Task Hateful_text_is_blocked()
    {
        Ai.RateText("food bank", HarmCategories.Hate, 6);

        var draft = await SubmitAndCheckAsync(DraftTestKit.UniqueText(), withPhoto: false);

        draft.Status.ShouldBe(DraftStatus.Blocked);
        draft.Verdict!.Findings.ShouldContain(f => f.Rule == RuleIds.ContentSafety && f.Severity == Severity.Block);
    }

    [Fact]
    public async Task With_the_service_down_the_draft_is_not_posted_and_waits_for_review()
    {
        Ai.InjectFault(FakeAzureAiServer.TextAnalyze, FakeAiFault.ServerError, times: 10);

        var draft = await SubmitAndCheckAsync(DraftTestKit.UniqueText(), withPhoto: true);

        draft.Status.ShouldBe(DraftStatus.AwaitingApproval);
        draft.Verdict!.Findings.ShouldContain(f => f.Message.StartsWith("The second check could not run", StringComparison.Ordinal));
        Kit.Host.X.Posts.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_clean_draft_still_passes_with_the_check_on()
    {
        var draft = await SubmitAndCheckAsync(DraftTestKit.UniqueText(), withPhoto: true);
        draft.Status.ShouldBe(DraftStatus.Scheduled);
        Ai.RequestCount(FakeAzureAiServer.PeopleAnalyze).ShouldBe(1);
    }

    [Fact]
    public async Task Pictures_reach_the_service_stripped_of_hidden_data_as_they_would_reach_x()
    {
        var media = new System.Text.Json.Nodes.JsonArray(DraftTestKit.Image(TestImages.JpegWithGps(), "trip.jpg", "Year 2 at the museum"));
        var id = (await Kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), Head, media: media))).Str("id");
        await Kit.RunCheckQueueAsync(id);

        Ai.ReceivedImages.Count.ShouldBe(2, "image analysis and people detection");
        foreach (var sent in Ai.ReceivedImages)
        {
            var text = System.Text.Encoding.Latin1.GetString(sent);
            text.ShouldNotContain("SchoolPhone", Case.Sensitive, "the camera's EXIF");
            text.ShouldNotContain("Mrs Walsh", Case.Sensitive, "the XMP author");
            text.ShouldNotContain("Josh Smith", Case.Sensitive, "the IPTC caption naming a pupil");
        }
        System.Text.Encoding.Latin1.GetString(TestImages.JpegWithGps()).ShouldContain("Josh Smith", Case.Sensitive, "the submitted photo did carry them");
    }

    [Fact]
    public async Task A_hateful_mention_the_word_lists_miss_goes_to_review()
    {
        Ai.RateText("people like you", HarmCategories.Hate, 6);
        var mention = Kit.Host.X.AddMention(new XPost("", "@school people like you should not teach children", "1600000000000000077"));

        var result = await Kit.Host.Create<InboundModerationService>().RunAsync(CancellationToken.None);

        result.Flagged.ShouldBe(1);
        var item = await Kit.Get<IFollowerReviewStore>().GetAsync(Kit.Host.X.AccountId, FollowerReviewItem.PostReviewId(mention.Id), CancellationToken.None);
        item.ShouldNotBeNull();
        item.Reasons.ShouldContain(r => r.Code == "content-safety-mention");
    }
}
