using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.X;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.ContentSafety;

namespace SchoolTwitter.Application.ContentSafety;

/// <summary>
/// What the second check found in someone else's post: harm findings (a block is treated as offensive, a warning asks SLT to
/// look), and what it could not read (each sends the post to the review list as not checked).
/// </summary>
public sealed record InboundCheck(IReadOnlyList<Finding> Harms, IReadOnlyList<Finding> NotChecked)
{
    public static InboundCheck Nothing { get; } = new([], []);

    public bool Offensive => Harms.Any(f => f.Severity == Severity.Block);

    public bool NeedsLook => Harms.Count > 0 || NotChecked.Count > 0;
}

/// <summary>
/// The second check on a reply or mention the word lists passed: its text through Content Safety text analysis, each photo
/// (downloaded up to <see cref="ContentSafetyOptions.InboundImageMaxBytes"/>, kept in memory only) through image analysis.
/// Off when the second check is off. Fails closed: whatever it could not read (the service down, a picture too large or not
/// sent, a video) goes to a person; nothing is passed unseen on the word lists alone.
/// </summary>
public sealed class InboundSecondOpinion(
    IContentSafety service,
    IInboundImages images,
    SecondCheckOutage outage,
    IOptions<ContentSafetyOptions> options,
    ILogger<InboundSecondOpinion> logger)
{
    private readonly SafetyThresholds _thresholds = options.Value.Thresholds();
    private readonly int _maxBytes = options.Value.InboundImageMaxBytes;

    public bool IsEnabled => service.IsEnabled;

    public async Task<InboundCheck> CheckAsync(XPost post, CancellationToken ct)
    {
        if (!service.IsEnabled) return InboundCheck.Nothing;

        var harms = new List<Finding>();
        var notChecked = new List<Finding>();
        var asked = false;
        try
        {
            if (!string.IsNullOrWhiteSpace(post.Text))
            {
                asked = true;
                harms.AddRange(SafetyFindings.ForInbound("the post's text", await service.AnalyseTextHarmAsync(post.Text, ct), _thresholds));
            }

            var keys = post.MediaKeys ?? [];
            // Once something is treated as offensive, the rest would change nothing: no more requests.
            for (var i = 0; i < keys.Count && !harms.Any(f => f.Severity == Severity.Block); i++)
            {
                var where = keys.Count == 1 ? "the picture" : $"picture {i + 1}";
                var picture = await FetchAsync(post, i, where, notChecked, ct);
                if (picture is null) continue;
                asked = true;
                harms.AddRange(SafetyFindings.ForInbound(where, await service.AnalyseImageHarmAsync(picture, ct), _thresholds));
            }
        }
        catch (ContentSafetyUnavailableException e)
        {
            logger.LogWarning("The second check could not read post {PostId}: {Reason}; it goes to the review list", post.Id, e.Reason);
            await outage.FailedAsync(e.Reason, ct);
            return new InboundCheck(harms, [.. notChecked, SafetyFindings.CouldNotCheck("this post", e.Reason)]);
        }

        if (asked) await outage.AnsweredAsync(ct);
        return new InboundCheck(harms, notChecked);
    }

    /// <summary>The photo's bytes, or null with the reason added to <paramref name="notChecked"/>. Logs name the post and the picture's place, never its address.</summary>
    private async Task<byte[]?> FetchAsync(XPost post, int index, string where, List<Finding> notChecked, CancellationToken ct)
    {
        var key = post.MediaKeys![index];
        var media = post.Media?.FirstOrDefault(m => m.MediaKey == key);
        string? reason = media switch
        {
            null => "X did not send the picture with the post",
            { Type: "video" } => "it is a video, and only photos can be checked",
            { Type: "animated_gif" } => "it is a GIF, and only photos can be checked",
            { Url: null } => "X did not send where the picture is",
            _ when !IsMediaAddress(media.Url) => "X gave an address the app does not fetch pictures from",
            _ => null,
        };
        if (reason is null)
        {
            try
            {
                return await images.DownloadAsync(new Uri(media!.Url!), _maxBytes, ct);
            }
            catch (InboundImageUnavailableException e)
            {
                reason = e.Reason;
            }
        }

        logger.LogWarning("The second check could not check picture {Index} of post {PostId}: {Reason}", index + 1, post.Id, reason);
        notChecked.Add(SafetyFindings.CouldNotCheck(where, reason));
        return null;
    }

    /// <summary>https only (X serves media from its own https hosts); plain http only on loopback, for a local trial.</summary>
    private static bool IsMediaAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
