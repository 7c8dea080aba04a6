using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Media;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// Pictures X will take and that are safe to handle: at most four, each a real JPEG, PNG, GIF or WebP by its bytes (never
/// its name), within X's size limits (5 MB; GIF 15 MB) and within sane dimensions, so a tiny file that claims a huge
/// picture (a decompression bomb) is refused before anything decodes it. The whole container is walked too (never decoded):
/// a damaged picture is refused, and so is an animation whose frames would together fill more than
/// <see cref="MaxDecodedPixels"/> when decoded (a few hundred kilobytes of GIF can hold thousands of 4000 × 4000 frames).
/// </summary>
public sealed class MediaRule : IRule
{
    public const int MaxImages = 4;
    public const long MaxImageBytes = 5L * 1024 * 1024;
    public const long MaxGifBytes = 15L * 1024 * 1024;
    public const int MaxSide = 8192;
    public const long MaxPixels = 40_000_000;

    /// <summary>
    /// The decoding budget: frames × canvas pixels. A decoder holds 4 bytes a pixel, so 50 million pixels is 200 MB per
    /// picture, which a 2 GB Flex Consumption instance can afford while publishing a few drafts at once. A still photo within
    /// <see cref="MaxPixels"/> always fits; a 480 × 270 clip may have 385 frames, a 1280 × 720 one 54.
    /// </summary>
    public const long MaxDecodedPixels = 50_000_000;

    public string Id => RuleIds.Media;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var images = draft.Draft.Images;
        if (images.Count > MaxImages)
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"The tweet has {images.Count} pictures, but X allows at most {MaxImages}. Remove {images.Count - MaxImages} of them."));
        }
        for (var i = 0; i < images.Count; i++)
        {
            CheckImage(images[i], ImageLabel.Of(images[i], i), findings);
        }
    }

    private void CheckImage(DraftImage image, string label, List<Finding> findings)
    {
        var bytes = image.Content.Span;
        if (bytes.IsEmpty)
        {
            findings.Add(new Finding(Id, Severity.Block, $"{label} is empty (0 bytes). Attach the picture again."));
            return;
        }
        var info = ImageSniffer.Sniff(bytes);
        if (info is null)
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"{label} is not a JPEG, PNG, GIF or WebP picture (its contents say so, whatever its name), or it is damaged. " +
                "Save it as a JPEG or PNG photo and attach it again."));
            return;
        }
        var limit = info.Format == ImageFormat.Gif ? MaxGifBytes : MaxImageBytes;
        if (bytes.Length > limit)
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"{label} is {Megabytes(bytes.Length)} MB, but X accepts {(info.Format == ImageFormat.Gif ? "GIFs" : "pictures")} " +
                $"of at most {limit / (1024 * 1024)} MB. Make it smaller (resize or compress it) and attach it again."));
        }
        if (info.Width > MaxSide || info.Height > MaxSide || info.PixelCount > MaxPixels)
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"{label} says it is {info.Width} × {info.Height} pixels, beyond the safe limit of {MaxSide} pixels a side " +
                $"and {MaxPixels / 1_000_000} megapixels. Resize it (a photo for X needs no more than 4096 pixels a side) and attach it again."));
            return;
        }

        var structure = ImageStructure.Read(bytes, info);
        if (structure.Fault is { } fault)
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"{label} is damaged: {fault}. Open it, save it again as a JPEG or PNG photo and attach it again."));
        }
        else if (structure.DecodedPixels > MaxDecodedPixels)
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"{label} is an animation of {Whole(structure.Frames)} frames of {info.Width} × {info.Height} pixels: showing it would take " +
                $"{Whole(structure.DecodedPixels / 1_000_000)} megapixels, beyond the safe budget of {MaxDecodedPixels / 1_000_000} megapixels. " +
                "Shorten it or make it smaller, or attach a still photo instead."));
        }
    }

    private static string Whole(long count) => count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
