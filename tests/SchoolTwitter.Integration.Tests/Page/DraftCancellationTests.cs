using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Page;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Page;

[Collection(AzuriteCollection.Name)]
public sealed class DraftCancellationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private DraftTestKit _kit = null!;

    public async Task InitializeAsync() => _kit = await DraftTestKit.StartAsync(azurite);

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private static Caller Head => new(CallerKind.Principal, "head@school.example", null, "Head", true);

    [Fact]
    public async Task A_cancelled_scheduled_draft_is_never_posted_and_the_cancellation_is_audited()
    {
        var text = DraftTestKit.UniqueText();
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(text, await _kit.NewSltMemberAsync()))).Str("id");
        await _kit.RunCheckQueueAsync(id);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Scheduled);

        var result = await _kit.Get<DraftCancellationService>().CancelAsync(id, Head, "Wrong date in the text", CancellationToken.None);
        result.Outcome.ShouldBe(CancellationOutcome.Cancelled);

        await _kit.RunPublishQueueAsync(id);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Cancelled);
        _kit.Host.X.LivePosts().ShouldNotContain(p => p.Text == text);
        (await _kit.AuditAsync(id)).ShouldContain(e => e.Action == DraftAuditActions.Cancelled && e.Actor == "head@school.example" && e.Detail == "Wrong date in the text");
    }

    [Fact]
    public async Task A_published_draft_cannot_be_cancelled_and_an_unknown_one_is_not_found()
    {
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), await _kit.NewSltMemberAsync()))).Str("id");
        await _kit.RunCheckQueueAsync(id);
        await _kit.RunPublishQueueAsync(id);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Published);

        var cancellations = _kit.Get<DraftCancellationService>();
        (await cancellations.CancelAsync(id, Head, null, CancellationToken.None)).Outcome.ShouldBe(CancellationOutcome.TooLate);
        (await cancellations.CancelAsync("not-a-draft", Head, null, CancellationToken.None)).Outcome.ShouldBe(CancellationOutcome.NotFound);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Published);
    }
}
