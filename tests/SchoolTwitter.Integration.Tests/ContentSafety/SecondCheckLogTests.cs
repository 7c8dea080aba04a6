using System.Text;
using SchoolTwitter.Application.ContentSafety;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.X;
using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Integration.Tests.Followers;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeAzureAi;
using SchoolTwitter.Testing.FakeX;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace SchoolTwitter.Integration.Tests.ContentSafety;

/// <summary>
/// Pictures of children and the app's token never reach a log line, an exception message, a finding or a card: drafts with
/// photos and mentions with photos run through the second check with every kind of failure injected, every log line captured.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SecondCheckLogTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeAiCredential _credential = new();
    private FakeAzureAiServer _ai = null!;

    public async Task InitializeAsync()
    {
        _ai = await FakeAzureAiServer.StartAsync();
        _ai.SlowReplyDelay = TimeSpan.FromSeconds(3);
    }

    public async Task DisposeAsync() => await _ai.DisposeAsync();

    /// <summary>A photo of noise: any slice of it is unlike anything else in a log.</summary>
    private static byte[] NoisePhoto(int seed)
    {
        var random = new Random(seed);
        using var image = new Image<Rgba32>(64, 64);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (ref var pixel in rows.GetRowSpan(y)) pixel = new Rgba32((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            }
        });
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }

    [Fact]
    public async Task No_picture_and_no_token_appear_in_any_log_line_exception_finding_or_card()
    {
        var written = new List<string>();

        // Drafts with photos: one answered, then each failure on each call.
        await using (var kit = await SecondCheckHosts.DraftKitAsync(azurite, _ai, _credential))
        {
            var head = await kit.NewSltMemberAsync("head");
            (string Path, FakeAiFault Fault)[] faults =
            [
                (FakeAzureAiServer.ImageAnalyze, FakeAiFault.ServerError),
                (FakeAzureAiServer.ImageAnalyze, FakeAiFault.SlowReply),
                (FakeAzureAiServer.ImageAnalyze, FakeAiFault.MalformedJson),
                (FakeAzureAiServer.PeopleAnalyze, FakeAiFault.Unauthorized),
                (FakeAzureAiServer.PeopleAnalyze, FakeAiFault.Forbidden),
                (FakeAzureAiServer.PeopleAnalyze, FakeAiFault.RateLimited),
            ];
            for (var i = 0; i <= faults.Length; i++)
            {
                _ai.ClearFaults();
                if (i > 0) _ai.InjectFault(faults[i - 1].Path, faults[i - 1].Fault, times: 10);
                var media = new System.Text.Json.Nodes.JsonArray(DraftTestKit.Image(NoisePhoto(i), "class.png", "Year 2 in the hall"));
                var id = (await kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), head, media: media))).Str("id");
                await kit.RunCheckQueueAsync(id);
                var draft = (await kit.DraftAsync(id))!;
                written.AddRange(draft.Verdict!.Findings.Select(f => f.Message));
            }

            // The exceptions themselves, with their inner exceptions, as a caller would see them.
            _ai.InjectFault(FakeAzureAiServer.ImageAnalyze, FakeAiFault.ServerError, times: 10);
            var thrown = await Should.ThrowAsync<ContentSafetyUnavailableException>(() =>
                kit.Get<IContentSafety>().AnalyseImageAsync(NoisePhoto(99), CancellationToken.None));
            written.Add(thrown.ToString());

            written.Add(kit.Host.Logs.AllText);
            written.AddRange(kit.Host.Webhook.Received.Select(b => b.ToJsonString()));
        }

        // Mentions with photos: answered, then failing.
        var mentionPhotos = new[] { NoisePhoto(200), NoisePhoto(201) };
        await using (var rig = await SecondCheckHosts.RigAsync(azurite, _ai, Now, credential: _credential))
        {
            _ai.ClearFaults();
            var first = rig.X.AddMention(new XPost("", "@school our assembly", FollowerData.NextId()), [new FakeMedia(mentionPhotos[0])], rig.AccountId);
            await rig.Get<InboundModerationService>().RunAsync(CancellationToken.None);
            _ai.InjectFault(FakeAzureAiServer.ImageAnalyze, FakeAiFault.ServerError, times: 10);
            var second = rig.X.AddMention(new XPost("", "@school our choir", FollowerData.NextId()), [new FakeMedia(mentionPhotos[1])], rig.AccountId);
            await rig.Get<InboundModerationService>().RunAsync(CancellationToken.None);

            written.Add(rig.Host.Logs.AllText);
            written.AddRange(rig.Host.Webhook.Received.Select(b => b.ToJsonString()));
            var item = await rig.ReviewItemAsync(FollowerReviewItem.PostReviewId(second.Id));
            written.AddRange(item!.Reasons.Select(r => r.Message));
            foreach (var key in new[] { first.MediaKeys![0], second.MediaKeys![0] })
            {
                string.Join("\n", written).ShouldNotContain(key, Case.Sensitive, "a picture's address (its media key) is not logged");
            }
        }

        var text = string.Join("\n", written);
        text.ShouldContain("could not run", Case.Sensitive, "the failures were logged and reported");
        _ai.ReceivedImages.Count.ShouldBeGreaterThanOrEqualTo(4, "pictures did reach the service");
        _credential.Issued.ShouldNotBeEmpty();

        foreach (var picture in _ai.ReceivedImages.Concat(mentionPhotos).DistinctBy(Convert.ToBase64String))
        {
            var base64 = Convert.ToBase64String(picture);
            text.ShouldNotContain(base64[..Math.Min(64, base64.Length)]);
            var middle = picture.Length / 2 / 3 * 3;
            var slice = picture.AsSpan(middle, Math.Min(48, picture.Length - middle)).ToArray();
            text.ShouldNotContain(Convert.ToBase64String(slice), Case.Sensitive, "no base64 of the picture");
            text.ShouldNotContain(Convert.ToHexString(slice), Case.Insensitive, "no hex of the picture");
            text.ShouldNotContain(BitConverter.ToString(slice), Case.Insensitive, "no dashed hex of the picture");
            text.ShouldNotContain(Encoding.Latin1.GetString(slice), Case.Sensitive, "no raw bytes of the picture");
        }

        foreach (var token in _credential.Issued.Distinct())
        {
            text.ShouldNotContain(token);
            text.ShouldNotContain(token.Split('.')[1], Case.Sensitive, "not even the token's claims");
        }
        text.ShouldNotContain("Bearer ", Case.Insensitive);
    }
}
