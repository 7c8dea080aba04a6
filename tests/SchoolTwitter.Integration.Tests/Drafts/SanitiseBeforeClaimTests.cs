using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.Media;
using SchoolTwitter.Infrastructure.Images;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>
/// Pictures are cleaned before the publish claim (issue 10, defect 1): a picture the decoder cannot take fails the draft
/// plainly, instead of crashing a publisher that holds the claim and so raising a false "may have posted" alarm.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SanitiseBeforeClaimTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ProbingSanitiser _sanitiser = new();
    private DraftTestKit _kit = null!;
    private string _slt = null!;

    public async Task InitializeAsync()
    {
        _kit = await DraftTestKit.StartAsync(azurite, configure: o =>
        {
            var kitServices = o.ConfigureServices;
            o.ConfigureServices = services =>
            {
                kitServices?.Invoke(services);
                services.RemoveAll<IImageSanitiser>();
                services.AddSingleton<IImageSanitiser>(_sanitiser);
            };
        });
        _slt = await _kit.NewSltMemberAsync();
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Pictures_are_cleaned_while_the_draft_is_still_unclaimed()
    {
        var id = await ScheduledDraftWithPhotoAsync();
        _sanitiser.OnSanitise = () => _sanitiser.StatusSeen = _kit.DraftAsync(id).GetAwaiter().GetResult()!.Status;

        await _kit.RunPublishQueueAsync(id);

        _sanitiser.StatusSeen.ShouldBe(DraftStatus.Scheduled);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Published);
    }

    [Fact]
    public async Task A_picture_that_cannot_be_cleaned_fails_the_draft_unclaimed_and_x_is_never_called()
    {
        var id = await ScheduledDraftWithPhotoAsync();
        _sanitiser.OnSanitise = () => throw new SixLabors.ImageSharp.InvalidImageContentException("The image could not be decoded (NullReferenceException).");

        (await _kit.RunPublishQueueAsync(id)).ShouldBe(1);

        var draft = (await _kit.DraftAsync(id))!;
        draft.Status.ShouldBe(DraftStatus.Failed);
        draft.FailureReason.ShouldNotBeNull().ShouldContain("Picture 1");
        draft.ClaimedAt.ShouldBeNull("the draft was never claimed, so nobody can think it may have posted");
        draft.SltAlertedAt.ShouldBeNull();
        _kit.Host.X.Requests.ShouldNotContain(r => r.Method == "POST");
        (await _kit.AuditAsync(id)).Select(e => e.Action).ShouldNotContain(DraftAuditActions.NeedsReconciliation);
    }

    private async Task<string> ScheduledDraftWithPhotoAsync()
    {
        var photo = DraftTestKit.Image(TestImages.JpegWithGps(), "art.jpg", "Paintings by Year 5 on the hall wall");
        var id = (await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _slt, media: [photo]))).Str("id");
        await _kit.RunCheckQueueAsync(id);
        (await _kit.DraftAsync(id))!.Status.ShouldBe(DraftStatus.Scheduled);
        return id;
    }

    /// <summary>The real sanitiser, with a hook that runs as each picture is cleaned.</summary>
    private sealed class ProbingSanitiser : IImageSanitiser
    {
        private readonly ImageSharpSanitiser _real = new();

        public Action? OnSanitise { get; set; }

        public DraftStatus? StatusSeen { get; set; }

        public ImageInfo? Identify(ReadOnlyMemory<byte> image) => _real.Identify(image);

        public SanitisedImage Sanitise(ReadOnlyMemory<byte> image)
        {
            OnSanitise?.Invoke();
            return _real.Sanitise(image);
        }
    }
}
