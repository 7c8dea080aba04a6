using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>Power Automate retries and double-clicks return the first draft instead of creating a second tweet.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ResubmissionTests(AzuriteFixture azurite) : DraftKitTests(azurite)
{
    [Fact]
    public async Task Same_client_id_returns_the_first_draft_even_with_other_text()
    {
        var clientId = "forms-response-" + Guid.NewGuid().ToString("N");
        var first = await Kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), Slt, clientId));
        var second = await Kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), Slt, clientId));

        second.Status.ShouldBe(202);
        second.Str("id").ShouldBe(first.Str("id"));
        second.Body!["duplicate"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Same_content_within_ten_minutes_returns_the_first_draft()
    {
        var text = DraftTestKit.UniqueText();
        var photo = DraftTestKit.Image(TestImages.Png());
        var first = await Kit.SubmitAsync(DraftTestKit.DraftJson(text, Slt, media: [photo.DeepClone()]));
        var second = await Kit.SubmitAsync(DraftTestKit.DraftJson(text, Slt, media: [photo.DeepClone()]));

        second.Str("id").ShouldBe(first.Str("id"));
        (await Kit.RunCheckQueueAsync(first.Str("id"))).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Same_text_with_a_different_photo_is_a_different_draft()
    {
        var text = DraftTestKit.UniqueText();
        var first = await Kit.SubmitAsync(DraftTestKit.DraftJson(text, Slt, media: [DraftTestKit.Image(TestImages.Png(colour: SixLabors.ImageSharp.Color.Red))]));
        var second = await Kit.SubmitAsync(DraftTestKit.DraftJson(text, Slt, media: [DraftTestKit.Image(TestImages.Png(colour: SixLabors.ImageSharp.Color.Blue))]));
        second.Str("id").ShouldNotBe(first.Str("id"));
    }

    [Fact]
    public async Task Concurrent_identical_submissions_make_one_draft()
    {
        var json = DraftTestKit.DraftJson(DraftTestKit.UniqueText(), Slt);
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Kit.SubmitAsync(json.DeepClone())));

        replies.ShouldAllBe(r => r.Status == 202);
        replies.Select(r => r.Str("id")).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Same_content_after_the_window_is_a_new_draft()
    {
        var text = DraftTestKit.UniqueText();
        var service = Kit.Get<DraftSubmissionService>();
        var draft = new Core.Drafts.Draft(null, text, Slt, []);
        var first = await service.AcceptAsync(draft, SignedIn(Slt), CancellationToken.None);

        var later = Microsoft.Extensions.Options.Options.Create(new DraftPipelineOptions { DuplicateWindow = TimeSpan.Zero });
        var impatient = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<DraftSubmissionService>(Kit.Host.Services, later);
        var second = await impatient.AcceptAsync(draft, SignedIn(Slt), CancellationToken.None);

        second.Outcome.ShouldBe(SubmissionOutcome.Accepted);
        second.Draft!.Id.ShouldNotBe(first.Draft!.Id);
    }

    private static Application.Security.Caller SignedIn(string email) => new(Application.Security.CallerKind.Principal, email, null, null, true);
}
